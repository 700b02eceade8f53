using System.Text.Json;

namespace SecureServing.Cli.Tests.Check;

/// <summary><c>check</c> end to end: exit codes, grouping by file, stable JSON, no stack traces.</summary>
public sealed class CheckCommandTests
{
    private static Task<CliRun> CheckAsync(params string[] args) => CliHarness.InvokeAsync(["check", .. args]);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Shipped_stacks_pass_with_exit_0(string stack)
    {
        var run = await CheckAsync("--stack", stack, "--repo", CliHarness.RepoRoot());

        Assert.Equal(0, run.Exit);
        Assert.Contains($"check {stack}: OK", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_exit_1_grouped_by_file_with_rule_key_path_and_fix()
    {
        var repo = CliHarness.DevCopy("Pulumi.dev.yaml", "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/24");
        File.AppendAllText(Path.Combine(repo, "stacks", "dev", "fraud.yaml"), "    sidecarInjection: false\n");

        var run = await CheckAsync("--stack", "dev", "--repo", repo);

        Assert.Equal(1, run.Exit);
        var stackAt = run.Output.IndexOf("Pulumi.dev.yaml\n", StringComparison.Ordinal);
        var teamAt = run.Output.IndexOf("stacks/dev/fraud.yaml\n", StringComparison.Ordinal);
        var masterLine = LineOf(Path.Combine(repo, "Pulumi.dev.yaml"), "    masterCidr: 172.16.0.0/24");
        var masterAt = run.Output.IndexOf($"error [master-cidr-size] secure-serving:network.masterCidr (line {masterLine})", StringComparison.Ordinal);
        var sidecarAt = run.Output.IndexOf("error [sidecar-off-with-authorization] models[1].sidecarInjection", StringComparison.Ordinal);
        Assert.True(stackAt >= 0 && stackAt < masterAt && masterAt < teamAt && teamAt < sidecarAt, run.Output);
        Assert.Contains("fix: Use a /28 such as `172.16.0.0/28` (inside the current range).", run.Output, StringComparison.Ordinal);
        // Warnings: the acknowledged activator, and the two teams' groups without Google Groups for RBAC in dev.
        Assert.Contains("check dev: 2 error(s), 3 warning(s); refused", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lists_findings_by_file_and_is_stable()
    {
        var repo = CliHarness.DevCopy("stacks/dev/recsys.yaml", "namespace: recsys-models", "namespace: fraud-models");

        var first = await CheckAsync("--stack", "dev", "--repo", repo, "--format", "json");
        var second = await CheckAsync("--stack", "dev", "--repo", repo, "--format", "json");

        Assert.Equal(1, first.Exit);
        Assert.Equal(first.Output, second.Output);
        using var json = JsonDocument.Parse(first.Output);
        var root = json.RootElement;
        Assert.Equal(["stack", "ok", "errors", "warnings", "files"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        // fraud.yaml has only the warning that its group gets no Kubernetes access in dev; recsys.yaml has the error.
        Assert.Equal(["stacks/dev/fraud.yaml", "stacks/dev/recsys.yaml"], root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        var file = Assert.Single(root.GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() == "stacks/dev/recsys.yaml");
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        var clash = Assert.Single(findings, f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("namespace-claimed-twice", clash.GetProperty("rule").GetString());
        Assert.Equal("namespace", clash.GetProperty("keyPath").GetString());
        Assert.Equal(LineOf(Path.Combine(repo, "stacks", "dev", "recsys.yaml"), "namespace: fraud-models"), clash.GetProperty("line").GetInt32());
        Assert.Contains("stacks/dev/fraud.yaml", clash.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["rule", "severity", "keyPath", "line", "message", "fix"], clash.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Unknown_stack_is_a_finding_not_a_stack_trace()
    {
        var run = await CheckAsync("--stack", "staging", "--repo", CliHarness.RepoRoot());

        Assert.Equal(1, run.Exit);
        Assert.Contains("error [stack-file-missing]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Stacks here: dev, prod.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_exits_2()
    {
        var run = await CheckAsync("--stack", "dev", "--repo", CliHarness.RepoRoot(), "--format", "xml");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Equal("check: --format must be text or json, not 'xml'.\n", run.Error);
    }

    [Fact]
    public async Task Repo_without_pulumi_yaml_exits_2()
    {
        var empty = Directory.CreateTempSubdirectory("ss-check-empty-").FullName;

        var run = await CheckAsync("--stack", "dev", "--repo", empty);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Contains("has no Pulumi.yaml; pass the repository root to --repo.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_stack_option_exits_2()
    {
        var run = await CheckAsync("--repo", CliHarness.RepoRoot());

        Assert.Equal(2, run.Exit);
        Assert.Contains("--stack", run.Error, StringComparison.Ordinal);
    }

    /// <summary>1-based line of the first line equal to <paramref name="text"/>.</summary>
    private static int LineOf(string path, string text) => Array.IndexOf(File.ReadAllLines(path), text) + 1;
}
