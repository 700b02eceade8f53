using System.CommandLine;
using SecureServing.Cli.Predict;
using SecureServing.Core.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Cli.Tests.Predict;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>
/// Runs the real <c>predict</c>/<c>health</c> commands in-process, through the same parse-and-invoke path as
/// Program.cs, with an in-memory stack and environment variables, capturing stdout and stderr.
/// </summary>
internal static class CliRunner
{
    /// <summary>
    /// Application Default Credentials for this test process: a key file that only <see cref="AdcTests"/> writes.
    /// Google.Apis.Auth resolves ADC once per process; pointing it at this file means a test that reaches ADC by
    /// mistake fails on a missing file instead of probing the GCE metadata server over the network.
    /// </summary>
    public static readonly string AdcKeyFile = Path.Combine(Directory.CreateTempSubdirectory("ss-predict-adc-").FullName, "adc.json");

    static CliRunner() => Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", AdcKeyFile);

    private static readonly Lazy<string> RepoDir = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("ss-predict-repo-").FullName;
        File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), "name: secure-serving\nruntime: dotnet\n");
        return dir;
    });

    public static Task<CliResult> RunAsync(PlatformConfig config, params string[] args) =>
        RunAsync(new CheckReport(config.Stack, config, []), new Dictionary<string, string>(), args);

    public static Task<CliResult> RunAsync(PlatformConfig config, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        RunAsync(new CheckReport(config.Stack, config, []), variables, args);

    public static async Task<CliResult> RunAsync(CheckReport report, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var environment = new PredictEnvironment((_, _) => report, name => variables.GetValueOrDefault(name));
        var root = new RootCommand { PredictCommand.Create(environment), HealthCommand.Create(environment) };
        var fullArgs = args.Contains("--repo") ? args : [.. args, "--repo", RepoDir.Value];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommon.InvokeAsync(root.Parse(fullArgs), new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A JSON input file with two iris instances (four features each), as the sklearn-iris model takes.</summary>
    public static string InputFile(string json = """{"instances": [[6.8, 2.8, 4.8, 1.4], [6.0, 3.4, 4.5, 1.6]]}""")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ss-predict-input-").FullName, "input.json");
        File.WriteAllText(path, json);
        return path;
    }
}
