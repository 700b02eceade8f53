using SecureServing.Core.Tests.Config;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Workflow;

/// <summary>
/// <c>.github/workflows/ci.yml</c> parses and keeps its promises: tests with Pulumi required, a preview per stack
/// through pulumi/actions commented on the PR, the render diff, and prod deployed only behind the production approval.
/// </summary>
public sealed class CiWorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), ".github", "workflows", "ci.yml"))));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => Assert.IsType<YamlMappingNode>(((YamlMappingNode)node)[key]);

    private static string Text(YamlNode node, string key) => Assert.IsType<YamlScalarNode>(((YamlMappingNode)node)[key]).Value!;

    private static YamlMappingNode Job(string name) => Map(Map(Workflow, "jobs"), name);

    private static IEnumerable<YamlMappingNode> Steps(string job) =>
        Assert.IsType<YamlSequenceNode>(Job(job)["steps"]).Children.Cast<YamlMappingNode>();

    private static YamlMappingNode Step(string job, string uses) =>
        Assert.Single(Steps(job), s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && ((YamlScalarNode)u).Value == uses);

    [Fact]
    public void Runs_on_pull_requests_and_pushes_to_main()
    {
        var on = Map(Workflow, "on");

        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")));
        var branches = Assert.IsType<YamlSequenceNode>(Map(on, "push")["branches"]);
        Assert.Equal(["main"], branches.Children.Select(b => ((YamlScalarNode)b).Value));
    }

    [Fact]
    public void Test_job_runs_test_sh_with_pulumi_and_schemas_required_on_dotnet_10()
    {
        var run = Assert.Single(Steps("test"), s => s.Children.ContainsKey(new YamlScalarNode("run")) && Text(s, "run") == "./test.sh");

        Assert.Equal("1", Text(Map(run, "env"), "SECURE_SERVING_REQUIRE_PULUMI"));
        Assert.Equal("1", Text(Map(run, "env"), "SECURE_SERVING_REQUIRE_SCHEMAS"));
        Assert.Equal("10.0.x", Text(Map(Step("test", "actions/setup-dotnet@v4"), "with"), "dotnet-version"));
    }

    [Fact]
    public void Preview_runs_per_stack_through_pulumi_actions_with_a_diff_commented_on_the_pr()
    {
        var stacks = Assert.IsType<YamlSequenceNode>(Map(Map(Job("preview"), "strategy"), "matrix")["stack"]);
        var with = Map(Step("preview", "pulumi/actions@v6"), "with");
        var auth = Map(Step("preview", "google-github-actions/auth@v2"), "with");

        Assert.Equal(["dev", "prod"], stacks.Children.Select(s => ((YamlScalarNode)s).Value));
        Assert.Equal("preview", Text(with, "command"));
        Assert.Equal("${{ matrix.stack }}", Text(with, "stack-name"));
        Assert.Equal("true", Text(with, "diff"));
        Assert.Equal("true", Text(with, "comment-on-pr"));
        Assert.StartsWith("${{ vars.", Text(auth, "workload_identity_provider"), StringComparison.Ordinal);
        Assert.StartsWith("${{ vars.", Text(auth, "service_account"), StringComparison.Ordinal);
        Assert.Equal("write", Text(Map(Job("preview"), "permissions"), "id-token"));
    }

    [Fact]
    public void Render_diff_renders_both_stacks_into_the_job_summary_on_pull_requests()
    {
        var scripts = string.Join('\n', Steps("render-diff").Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).Select(s => Text(s, "run")));

        Assert.Equal("github.event_name == 'pull_request'", Text(Job("render-diff"), "if"));
        Assert.Contains("render --stack \"$stack\"", scripts, StringComparison.Ordinal);
        Assert.Contains("for stack in dev prod", scripts, StringComparison.Ordinal);
        Assert.Contains("$GITHUB_STEP_SUMMARY", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_diff_against_the_base_checkout_is_at_the_top_of_the_job_summary_beside_the_render_diff()
    {
        var summary = Text(Assert.Single(Steps("render-diff"), s => s.Children.ContainsKey(new YamlScalarNode("name")) && Text(s, "name").StartsWith("Write the access diff", StringComparison.Ordinal)), "run");

        Assert.Contains("access --stack \"$stack\" --base \"$RUNNER_TEMP/base-src\" --format markdown", summary, StringComparison.Ordinal);
        var access = summary.IndexOf("## Access diff", StringComparison.Ordinal);
        var render = summary.IndexOf("## Render diff", StringComparison.Ordinal);
        Assert.True(access >= 0 && access < render, "the access diff comes first");
        Assert.True(summary.IndexOf("$GITHUB_STEP_SUMMARY", StringComparison.Ordinal) > render);
        Assert.Contains(Steps("render-diff"), s => s.Children.ContainsKey(new YamlScalarNode("run")) && Text(s, "run").Contains("git worktree add --detach \"$RUNNER_TEMP/base-src\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Main_deploys_dev_then_prod_behind_the_production_environment()
    {
        var dev = Map(Step("deploy-dev", "pulumi/actions@v6"), "with");
        var prod = Map(Step("deploy-prod", "pulumi/actions@v6"), "with");

        Assert.Equal(("up", "dev"), (Text(dev, "command"), Text(dev, "stack-name")));
        Assert.Equal(("up", "prod"), (Text(prod, "command"), Text(prod, "stack-name")));
        Assert.Equal("production", Text(Job("deploy-prod"), "environment"));
        Assert.Equal("deploy-dev", Text(Job("deploy-prod"), "needs"));
        foreach (var job in new[] { "deploy-dev", "deploy-prod" })
        {
            Assert.Equal("github.event_name == 'push' && github.ref == 'refs/heads/main'", Text(Job(job), "if"));
        }
    }
}
