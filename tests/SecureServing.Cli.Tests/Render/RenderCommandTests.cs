using System.Text.Json;

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
        // The files are the committed snapshots of the stack, byte for byte (the golden renders reviewers diff).
        var snapshots = Path.Combine(CliHarness.RepoRoot(), "tests", "SecureServing.Core.Tests", "Snapshots", stack);
        foreach (var file in new[] { "manifests.yaml", "gcp-resources.json", "releases.yaml" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(snapshots, file)), File.ReadAllBytes(Path.Combine(outDir, file)));
        }

        // The counts it prints are those of what it wrote: one `kind:` per object, one array entry per resource.
        var objects = File.ReadAllLines(Path.Combine(outDir, "manifests.yaml")).Count(l => l.StartsWith("kind: ", StringComparison.Ordinal));
        using var resources = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "gcp-resources.json")));
        Assert.Contains($"manifests.yaml: {objects} Kubernetes objects (0 patches of existing objects)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"gcp-resources.json: {resources.RootElement.GetArrayLength()} GCP resources\n", run.Output, StringComparison.Ordinal);
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
        Assert.Equal(
            "# Rendered by `secure-serving render --stack dev`: 0 releases. Generated; do not edit.\n" +
            "# secure-serving:serving.install is false: Istio, cert-manager, Knative Serving (net-istio) and KServe must already\n" +
            "# run in the cluster (see the README, \"Prerequisites in the cluster\"); manifests.yaml patches what they installed.\n",
            File.ReadAllText(Path.Combine(outDir, "releases.yaml")));
        Assert.Contains("releases.yaml: 0 releases installed before the Kubernetes objects\n", run.Output, StringComparison.Ordinal);
        // The count it prints is that of the objects it marked as patches in what it wrote.
        var patches = File.ReadAllLines(Path.Combine(outDir, "manifests.yaml")).Count(l => l == "# patch: merged into an existing object");
        Assert.True(patches > 0);
        Assert.Contains($"({patches} patches of existing objects)", run.Output, StringComparison.Ordinal);
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
