using System.Text.Json;

namespace SecureServing.Cli.Tests.Access;

/// <summary><c>access</c> end to end: the matrix of the shipped stacks, exit codes, formats, and <c>--base</c> diffs.</summary>
public sealed class AccessCommandTests
{
    private static Task<CliRun> AccessAsync(params string[] args) => CliHarness.InvokeAsync(["access", .. args]);

    /// <summary>prod's recsys turns the activator on for two-tower: with Dex, its own namespace no longer gets in.</summary>
    private static string ActivatorOnUnderDex() => CliHarness.StackCopy("prod", "stacks/prod/recsys.yaml",
        "    activator: \"off\"\n    exposeViaIap: true\n    sandbox: true",
        "    activator: \"on\"\n    exposeViaIap: true\n    sandbox: true\nacknowledge:\n  - rule: activator-bypasses-isolation\n    reason: scales to zero at night");

    [Theory]
    [InlineData("dev", 5)]
    [InlineData("prod", 3)]
    public async Task Shipped_stacks_match_intent_with_exit_0(string stack, int models)
    {
        var run = await AccessAsync("--stack", stack, "--repo", CliHarness.RepoRoot());

        Assert.Equal(0, run.Exit);
        Assert.StartsWith($"access {stack}: {models} model(s) x ", run.Output, StringComparison.Ordinal);
        Assert.Contains("access matches intent", run.Output, StringComparison.Ordinal);
        Assert.Contains("fraud-models/sklearn-iris (external, activator off)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n    namespace fraud-models +allowed +allowed +allowed +AuthorizationPolicy fraud-models/namespace-isolation\n", run.Output);
        Assert.DoesNotContain("\n  ! ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_whose_access_differs_from_intent_exits_1_naming_model_caller_and_object()
    {
        var run = await AccessAsync("--stack", "prod", "--repo", ActivatorOnUnderDex());

        Assert.Equal(1, run.Exit);
        Assert.Contains("difference(s) from intent", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  ! namespace recsys-models +denied +allowed ", run.Output);
        Assert.Contains("model recsys-models/two-tower: namespace recsys-models is kept out (intent: allowed, the team's own namespace); decided by AuthorizationPolicy recsys-models/", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_refuses_the_same_stack_with_the_access_rule()
    {
        var run = await CliHarness.InvokeAsync("check", "--stack", "prod", "--repo", ActivatorOnUnderDex());

        Assert.Equal(1, run.Exit);
        Assert.Contains("error [access-differs-from-intent] models[0]", run.Output, StringComparison.Ordinal);
        Assert.Contains("`secure-serving access --stack prod` shows every hop.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_the_matrix_and_the_differences_and_is_stable()
    {
        var repo = ActivatorOnUnderDex();
        var first = await AccessAsync("--stack", "prod", "--repo", repo, "--format", "json");
        var second = await AccessAsync("--stack", "prod", "--repo", repo, "--format", "json");

        Assert.Equal(1, first.Exit);
        Assert.Equal(first.Output, second.Output);
        using var json = JsonDocument.Parse(first.Output);
        var root = json.RootElement;
        Assert.Equal(["stack", "matchesIntent", "differences", "models"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("matchesIntent").GetBoolean());
        var difference = root.GetProperty("differences").EnumerateArray().First(d => d.GetProperty("caller").GetString() == "namespace:recsys-models");
        Assert.Equal(("recsys-models/two-tower", "allowed", "denied"),
            (difference.GetProperty("model").GetString(), difference.GetProperty("expected").GetString(), difference.GetProperty("evaluated").GetString()));
        Assert.Equal("AuthorizationPolicy", difference.GetProperty("object").GetProperty("kind").GetString());
        var cell = root.GetProperty("models")[0].GetProperty("callers")[0];
        Assert.Equal(["caller", "label", "predict", "probe"], cell.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["outcome", "intent", "intentReason", "object", "why", "hops"], cell.GetProperty("predict").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Markdown_is_a_table_with_a_row_per_caller_and_a_column_per_model()
    {
        var run = await AccessAsync("--stack", "dev", "--repo", CliHarness.RepoRoot(), "--format", "markdown");

        Assert.Equal(0, run.Exit);
        Assert.Contains("| Caller | `fraud-models/sklearn-iris` (external, activator off) | `fraud-models/xgb-fraud-score` (cluster-local, activator off) |", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n| namespace recsys-models | denied | denied | allowed | allowed | allowed |\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base_prints_only_what_changed()
    {
        var repo = CliHarness.DevCopy("stacks/dev/recsys.yaml", "allowedNamespaces:\n  - fraud-models\n", "allowedNamespaces:\n  - fraud-models\n  - batch-jobs\n");

        var changed = await AccessAsync("--stack", "dev", "--repo", repo, "--base", CliHarness.RepoRoot());
        var same = await AccessAsync("--stack", "dev", "--repo", CliHarness.RepoRoot(), "--base", CliHarness.RepoRoot(), "--format", "markdown");

        Assert.Equal(0, changed.Exit);
        Assert.StartsWith("access dev: 4 change(s) in who can call which model; access matches intent\n", changed.Output, StringComparison.Ordinal);
        foreach (var model in new[] { "two-tower", "llm-reranker" })
        {
            Assert.Contains($"  - namespace batch-jobs can now call model recsys-models/{model} (let in by AuthorizationPolicy recsys-models/namespace-isolation)\n", changed.Output, StringComparison.Ordinal);
            Assert.Contains($"  - namespace batch-jobs can now call model recsys-models/{model} on its probe path", changed.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("batch-ranker", changed.Output, StringComparison.Ordinal); // through the activator it already could (acknowledged)
        Assert.Equal("**access dev: no change in who can call which model; access matches intent**\n\n", same.Output);
    }

    [Fact]
    public async Task Base_that_does_not_load_is_compared_with_nothing()
    {
        var broken = CliHarness.DevCopy("Pulumi.dev.yaml", "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/24");

        var run = await AccessAsync("--stack", "dev", "--repo", CliHarness.RepoRoot(), "--base", broken, "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("baseLoads").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("message").GetString()!.StartsWith("namespace fraud-models can call new model fraud-models/sklearn-iris", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stack_refused_for_another_reason_exits_2_with_the_check_report()
    {
        var repo = CliHarness.DevCopy("Pulumi.dev.yaml", "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/24");

        var run = await AccessAsync("--stack", "dev", "--repo", repo);

        Assert.Equal(2, run.Exit);
        Assert.Contains("error [master-cidr-size]", run.Output, StringComparison.Ordinal);
        Assert.Equal("access: stack 'dev' is refused by `check` for other reasons; fix those first.\n", run.Error);
    }

    [Theory]
    [InlineData("--format", "xml", "access: --format must be text, json or markdown, not 'xml'.\n")]
    [InlineData("--base", "/nonexistent-base", "has no Pulumi.yaml; pass the base checkout's root to --base.")]
    public async Task Usage_errors_exit_2(string option, string value, string message)
    {
        var run = await AccessAsync("--stack", "dev", "--repo", CliHarness.RepoRoot(), option, value);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
