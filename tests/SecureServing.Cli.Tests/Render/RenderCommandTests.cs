using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Cli.Tests.Render;

/// <summary><c>render</c> end to end: writes the three files for a clean stack, refuses a broken one like <c>check</c>.</summary>
public sealed class RenderCommandTests
{
    private static string NewOutDir() => Path.Combine(Directory.CreateTempSubdirectory("ss-render-").FullName, "out", "dev");

    private static Task<CliRun> InvokeAsync(string command, params string[] args) => CliHarness.InvokeAsync([command, .. args]);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Shipped_stack_writes_the_three_files_and_reports_their_counts(string stack)
    {
        var outDir = NewOutDir();

        var run = await InvokeAsync("render", "--stack", stack, "--out", outDir, "--repo", CliHarness.RepoRoot());

        Assert.Equal(0, run.Exit);
        var expected = StackRender.Render(StackCheck.Run(CliHarness.RepoRoot(), stack).Config!);
        var manifests = Path.Combine(outDir, "manifests.yaml");
        var resources = Path.Combine(outDir, "gcp-resources.json");
        Assert.Equal(expected.ManifestsYaml, File.ReadAllText(manifests));
        Assert.Equal(expected.GcpResourcesJson, File.ReadAllText(resources));
        Assert.Equal(expected.ReleasesYaml, File.ReadAllText(Path.Combine(outDir, "releases.yaml")));
        Assert.Equal(10, expected.ReleaseCount);
        Assert.NotEqual(0xEF, File.ReadAllBytes(manifests)[0]); // no byte-order mark
        Assert.Contains($"manifests.yaml: {expected.KubernetesObjectCount} Kubernetes objects ({expected.PatchObjectCount} patches of existing objects)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"gcp-resources.json: {expected.GcpResourceCount} GCP resources\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("releases.yaml: 10 releases installed before the Kubernetes objects\n", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_bring_your_own_stack_writes_no_releases_and_patches_the_installed_objects()
    {
        var repo = CliHarness.DevCopy("Pulumi.dev.yaml", "  secure-serving:serving:\n    install: true", "  secure-serving:serving:\n    install: false");
        var outDir = NewOutDir();

        var run = await InvokeAsync("render", "--stack", "dev", "--out", outDir, "--repo", repo);

        Assert.Equal(0, run.Exit);
        var expected = StackRender.Render(StackCheck.Run(repo, "dev").Config!);
        Assert.Equal(0, expected.ReleaseCount);
        Assert.True(expected.PatchObjectCount > 0);
        Assert.Equal(expected.ReleasesYaml, File.ReadAllText(Path.Combine(outDir, "releases.yaml")));
        Assert.Contains("releases.yaml: 0 releases installed before the Kubernetes objects\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"({expected.PatchObjectCount} patches of existing objects)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_stack_prints_the_check_findings_exits_1_and_writes_nothing()
    {
        var repo = CliHarness.DevCopy("Pulumi.dev.yaml", "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/24");
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
        var run = await InvokeAsync("render", "--stack", "dev", "--repo", CliHarness.RepoRoot());

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
