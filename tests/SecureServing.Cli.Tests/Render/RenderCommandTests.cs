using System.CommandLine;
using System.Runtime.CompilerServices;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Cli.Tests.Render;

/// <summary><c>render</c> end to end: writes the two files for a clean stack, refuses a broken one like <c>check</c>.</summary>
public sealed class RenderCommandTests
{
    private sealed record Run(int Exit, string Output, string Error);

    private static string RepoRoot([CallerFilePath] string thisFile = "")
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

    private static async Task<Run> InvokeAsync(string command, params string[] args)
    {
        var root = new RootCommand { CheckCommand.Create(), RenderCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommon.InvokeAsync(root.Parse([command, .. args]), new InvocationConfiguration { Output = output, Error = error });
        return new Run(exit, output.ToString(), error.ToString());
    }

    private static string NewOutDir() => Path.Combine(Directory.CreateTempSubdirectory("ss-render-").FullName, "out", "dev");

    /// <summary>A copy of the shipped dev stack with one edit.</summary>
    private static string DevCopy(string file, string find, string replace)
    {
        var source = RepoRoot();
        var dir = Directory.CreateTempSubdirectory("ss-render-repo-").FullName;
        File.Copy(Path.Combine(source, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.Copy(Path.Combine(source, "Pulumi.dev.yaml"), Path.Combine(dir, "Pulumi.dev.yaml"));
        Directory.CreateDirectory(Path.Combine(dir, "stacks", "dev"));
        foreach (var f in Directory.EnumerateFiles(Path.Combine(source, "stacks", "dev")))
        {
            File.Copy(f, Path.Combine(dir, "stacks", "dev", Path.GetFileName(f)));
        }

        var path = Path.Combine(dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return dir;
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Shipped_stack_writes_both_files_and_reports_their_counts(string stack)
    {
        var outDir = NewOutDir();

        var run = await InvokeAsync("render", "--stack", stack, "--out", outDir, "--repo", RepoRoot());

        Assert.Equal(0, run.Exit);
        var expected = StackRender.Render(StackCheck.Run(RepoRoot(), stack).Config!);
        var manifests = Path.Combine(outDir, "manifests.yaml");
        var resources = Path.Combine(outDir, "gcp-resources.json");
        Assert.Equal(expected.ManifestsYaml, File.ReadAllText(manifests));
        Assert.Equal(expected.GcpResourcesJson, File.ReadAllText(resources));
        Assert.NotEqual(0xEF, File.ReadAllBytes(manifests)[0]); // no byte-order mark
        Assert.Contains($"manifests.yaml: {expected.KubernetesObjectCount} Kubernetes objects ({expected.PatchObjectCount} patches of existing objects)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"gcp-resources.json: {expected.GcpResourceCount} GCP resources\n", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Refused_stack_prints_the_check_findings_exits_1_and_writes_nothing()
    {
        var repo = DevCopy("Pulumi.dev.yaml", "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/24");
        var outDir = NewOutDir();

        var render = await InvokeAsync("render", "--stack", "dev", "--out", outDir, "--repo", repo);
        var check = await InvokeAsync("check", "--stack", "dev", "--repo", repo);

        Assert.Equal(1, render.Exit);
        Assert.Contains("error [master-cidr-size] secure-serving:network.masterCidr", render.Output, StringComparison.Ordinal);
        Assert.Equal(check.Output, render.Output);
        Assert.Contains("nothing written", render.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Missing_out_option_exits_2()
    {
        var run = await InvokeAsync("render", "--stack", "dev", "--repo", RepoRoot());

        Assert.Equal(2, run.Exit);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repo_without_pulumi_yaml_exits_2()
    {
        var empty = Directory.CreateTempSubdirectory("ss-render-empty-").FullName;

        var run = await InvokeAsync("render", "--stack", "dev", "--out", NewOutDir(), "--repo", empty);

        Assert.Equal(2, run.Exit);
        Assert.Contains("has no Pulumi.yaml", run.Error, StringComparison.Ordinal);
    }
}
