using System.CommandLine;
using System.Runtime.CompilerServices;
using SecureServing.Cli.Predict;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// predict and health against the repository's own stack files through the real <c>StackCheck.Run</c>, as the worked examples of docs/calling-models.md
/// examples run them (with --url pointing at a local server standing in for a port-forward).
/// </summary>
public sealed class ShippedStackTests
{
    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        var root = new RootCommand { PredictCommand.Create(PredictEnvironment.Process), HealthCommand.Create(PredictEnvironment.Process) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommon.InvokeAsync(root.Parse([.. args, "--repo", RepoRoot()]), new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Dev_iap_model_is_called_on_its_iap_path_with_the_iap_hostname()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Json(200, """{"predictions":[1]}"""));

        var result = await RunAsync("predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(),
            "--url", server.BaseUrl, "--auth", "none");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("/kfserving/fraud-models/sklearn-iris:predict", call.Target);
        Assert.Equal("models.dev.example.com", call.Header("Host"));
    }

    [Fact]
    public async Task Dev_cluster_local_model_health_is_asked_on_its_predictor_address()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Json(200, """{"name":"xgb-fraud-score","ready":true}"""));

        var result = await RunAsync("health", "--stack", "dev", "--team", "fraud-models", "--model", "xgb-fraud-score", "--url", server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("/v1/models/xgb-fraud-score", call.Target);
        Assert.Equal("xgb-fraud-score-predictor.fraud-models.svc.cluster.local", call.Header("Host"));
    }
}
