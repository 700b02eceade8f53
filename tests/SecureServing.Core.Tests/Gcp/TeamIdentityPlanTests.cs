using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class TeamIdentityPlanTests
{
    [Fact]
    public void Each_team_gets_a_gsa_bound_to_its_namespace_ksa_through_workload_identity()
    {
        var config = TestConfigs.Dev();
        var team = config.Teams[0];
        var plan = GcpPlanner.Plan(config);

        var gsa = plan.Single("team-fraud-gsa");
        Assert.Equal(GcpResourceTypes.ServiceAccount, gsa.Type);
        Assert.Equal(TeamIdentityNames.GsaAccountId(config, team), gsa.Str("accountId"));

        var binding = plan.Single("team-fraud-workload-identity");
        Assert.Equal(GcpResourceTypes.ServiceAccountIamMember, binding.Type);
        Assert.Equal("${team-fraud-gsa.name}", binding.Str("serviceAccountId"));
        Assert.Equal("roles/iam.workloadIdentityUser", binding.Str("role"));
        Assert.Equal(
            $"serviceAccount:{config.ProjectId}.svc.id.goog[{team.Namespace}/{TeamIdentityNames.KubernetesServiceAccount(team)}]",
            binding.Str("member"));
    }

    [Fact]
    public void The_gsa_email_the_kubernetes_layer_annotates_is_the_one_gcp_creates()
    {
        var config = TestConfigs.Dev();
        var team = config.Teams[0];
        var spec = Assert.Single(GcpPlanner.Plan(config).Teams);

        Assert.Equal($"{spec.ServiceAccount.AccountId}@{config.ProjectId}.iam.gserviceaccount.com", TeamIdentityNames.GsaEmail(config, team));
        Assert.Equal(spec.ServiceAccount.Email, TeamIdentityNames.GsaEmail(config, team));
        Assert.Equal(spec.KubernetesServiceAccount, TeamIdentityNames.KubernetesServiceAccount(team));
    }

    [Fact]
    public void Model_bucket_is_private_versioned_regional_and_never_force_destroyed()
    {
        var config = TestConfigs.Prod();
        var bucket = GcpPlanner.Plan(config).Single("team-fraud-bucket");

        Assert.Equal(GcpResourceTypes.Bucket, bucket.Type);
        Assert.True(bucket.Bool("uniformBucketLevelAccess"));
        Assert.Equal("enforced", bucket.Str("publicAccessPrevention"));
        Assert.True(bucket.Bool("versioning.enabled"));
        Assert.False(bucket.Bool("forceDestroy"));
        Assert.Equal(config.Region, bucket.Str("location"));
        Assert.Equal(config.ProjectId, bucket.Str("project"));
    }

    [Fact]
    public void Bucket_name_is_deployment_team_models_plus_a_random_hex_suffix()
    {
        var config = TestConfigs.Dev();
        var plan = GcpPlanner.Plan(config);

        var suffix = plan.Single("team-fraud-bucket-suffix");
        Assert.Equal(GcpResourceTypes.RandomId, suffix.Type);
        Assert.Equal(4, suffix.Int("byteLength"));

        Assert.Equal($"{config.DeploymentName}-fraud-models-${{team-fraud-bucket-suffix.hex}}", plan.Single("team-fraud-bucket").Str("name"));
    }

    [Fact]
    public void The_team_gsa_reads_its_bucket_and_nothing_more()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        var viewer = plan.Single("team-fraud-bucket-viewer");
        Assert.Equal(GcpResourceTypes.BucketIamMember, viewer.Type);
        Assert.Equal("${team-fraud-bucket.name}", viewer.Str("bucket"));
        Assert.Equal("roles/storage.objectViewer", viewer.Str("role"));
        Assert.Equal("${team-fraud-gsa.member}", viewer.Str("member"));
        Assert.DoesNotContain(plan.Resources, r => r.Str("member") == "${team-fraud-gsa.member}" && r != viewer);
    }

    [Fact]
    public void Long_names_stay_within_gcp_limits_and_distinct()
    {
        var config = TestConfigs.Dev() with
        {
            DeploymentName = "secure-serving-production",
            Teams =
            [
                TestConfigs.Team("fraud-detection-europe-west", "fraud-a"),
                TestConfigs.Team("fraud-detection-europe-east", "fraud-b"),
            ],
        };
        var plan = GcpPlanner.Plan(config);

        var ids = plan.Teams.Select(t => t.ServiceAccount.AccountId).ToList();
        Assert.All(ids, id => Assert.InRange(id.Length, 6, 30));
        Assert.All(ids, id => Assert.Matches("^[a-z][-a-z0-9]*[a-z0-9]$", id));
        Assert.Equal(2, ids.Distinct(StringComparer.Ordinal).Count());

        var prefixes = plan.Teams.Select(t => t.Bucket.NamePrefix).ToList();
        Assert.All(prefixes, p => Assert.True(p.Length + 1 + 8 <= 63, p));
        Assert.Equal(2, prefixes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Teams_are_planned_in_name_order_whatever_the_config_order()
    {
        var config = TestConfigs.Dev() with { Teams = [TestConfigs.Team("recsys", "recsys-models"), TestConfigs.Team("fraud")] };

        Assert.Equal(["fraud", "recsys"], GcpPlanner.Plan(config).Teams.Select(t => t.Team));
    }
}
