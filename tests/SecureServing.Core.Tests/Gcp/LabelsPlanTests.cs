using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Every labellable resource (a type whose SDK inputs have <c>labels</c> or <c>resourceLabels</c>) carries the stack's labels.</summary>
public sealed class LabelsPlanTests
{
    private static readonly HashSet<string> Labellable = SdkInputNames.Known
        .Where(kv => kv.Key.Path.Length == 0 && kv.Value.Any(i => i.Name is "labels" or "resourceLabels"))
        .Select(kv => kv.Key.Type)
        .ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_labellable_resource_carries_environment_team_and_cost_centre(string stack)
    {
        var config = stack == "prod" ? TestConfigs.Prod() : TestConfigs.Dev();
        var plan = GcpPlanner.Plan(config);
        var labelled = plan.Resources.Where(r => Labellable.Contains(r.Type)).ToList();

        Assert.Contains(labelled, r => r.Type == GcpResourceTypes.Cluster);
        Assert.Contains(labelled, r => r.Type == GcpResourceTypes.Bucket);
        Assert.All(labelled, r =>
        {
            var key = r.Type == GcpResourceTypes.Cluster ? "resourceLabels" : "labels";
            Assert.Equal(stack, r.Str($"{key}.environment"));
            Assert.Equal(config.Labels.CostCentre, r.Str($"{key}.cost-centre"));
            Assert.NotNull(r.Str($"{key}.team"));
        });
    }

    [Fact]
    public void A_team_bucket_is_labelled_with_its_team_platform_resources_with_the_platform_team()
    {
        var config = TestConfigs.Prod() with { Teams = [TestConfigs.Team("fraud", "fraud-models")] };
        var plan = GcpPlanner.Plan(config);

        Assert.Equal("fraud", plan.Single("team-fraud-bucket").Str("labels.team"));
        Assert.Equal("ml-platform", plan.Single("cluster-gke").Str("resourceLabels.team"));
    }

    [Fact]
    public void Environment_defaults_to_the_stack_name_and_follows_config()
    {
        Assert.Equal("dev", GcpLabels.For(TestConfigs.Dev())[GcpLabels.Environment]);
        Assert.Equal("staging", GcpLabels.For(TestConfigs.Dev() with { Labels = new LabelsConfig { Environment = "staging" } })[GcpLabels.Environment]);
        Assert.False(GcpLabels.For(TestConfigs.Dev() with { Labels = new LabelsConfig() }).ContainsKey(GcpLabels.Team));
    }
}
