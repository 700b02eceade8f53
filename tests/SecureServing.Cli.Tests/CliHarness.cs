using System.CommandLine;
using System.Runtime.CompilerServices;

namespace SecureServing.Cli.Tests;

/// <summary>What one CLI invocation returned and printed.</summary>
internal sealed record CliRun(int Exit, string Output, string Error);

/// <summary>Runs <c>check</c> / <c>render</c> / <c>access</c> in-process with captured output, against the repository or an edited copy of it.</summary>
internal static class CliHarness
{
    public static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "components")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { CheckCommand.Create(), RenderCommand.Create(), AccessCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommon.InvokeAsync(root.Parse(args), new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A copy of the shipped dev stack (Pulumi.yaml, Pulumi.dev.yaml, stacks/dev) with one edit in one file.</summary>
    public static string DevCopy(string file, string find, string replace) => StackCopy("dev", file, find, replace);

    /// <summary>A copy of a shipped stack (Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml, stacks/&lt;stack&gt;) with one edit in one file.</summary>
    public static string StackCopy(string stack, string file, string find, string replace)
    {
        var source = RepoRoot();
        var dir = Directory.CreateTempSubdirectory("ss-cli-repo-").FullName;
        File.Copy(Path.Combine(source, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.Copy(Path.Combine(source, $"Pulumi.{stack}.yaml"), Path.Combine(dir, $"Pulumi.{stack}.yaml"));
        Directory.CreateDirectory(Path.Combine(dir, "stacks", stack));
        foreach (var f in Directory.EnumerateFiles(Path.Combine(source, "stacks", stack)))
        {
            File.Copy(f, Path.Combine(dir, "stacks", stack, Path.GetFileName(f)));
        }

        var path = Path.Combine(dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return dir;
    }
}
