using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Which labels the stack puts on its resources (that every resource taking labels carries them is checked against the SDK's inputs in the Pulumi tests, SdkInputNameTests).</summary>
public sealed class LabelsPlanTests
{
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
