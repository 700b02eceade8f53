using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class TeamIdentityPlanTests
{
    [Fact]
    public void Each_team_gets_a_gsa_bound_to_its_namespace_ksa_through_workload_identity()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        var gsa = plan.Single("team-fraud-gsa");
        Assert.Equal(GcpResourceTypes.ServiceAccount, gsa.Type);
        Assert.Equal("ss-dev-fraud", gsa.Str("accountId"));

        var binding = plan.Single("team-fraud-workload-identity");
        Assert.Equal(GcpResourceTypes.ServiceAccountIamMember, binding.Type);
        Assert.Equal("${team-fraud-gsa.name}", binding.Str("serviceAccountId"));
        Assert.Equal("roles/iam.workloadIdentityUser", binding.Str("role"));
        Assert.Equal("serviceAccount:acme-ml-dev.svc.id.goog[fraud-models/model-serving]", binding.Str("member"));
    }

    [Fact]
    public void The_gsa_email_the_kubernetes_layer_annotates_is_the_one_gcp_creates()
    {
        var config = TestConfigs.Dev();
        var spec = Assert.Single(GcpPlanner.Plan(config).Teams);
        var ksa = KubernetesPlanner.Plan(config).Objects.Single(o => o.Kind == "ServiceAccount" && o.Namespace == "fraud-models");

        Assert.Equal("ss-dev-fraud@acme-ml-dev.iam.gserviceaccount.com", spec.ServiceAccount.Email);
        Assert.Equal("ss-dev-fraud@acme-ml-dev.iam.gserviceaccount.com", ksa.Manifest["metadata"]!["annotations"]!["iam.gke.io/gcp-service-account"]!.GetValue<string>());
        Assert.Equal("model-serving", spec.KubernetesServiceAccount);
        Assert.Equal("model-serving", ksa.Name);
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
        Assert.Equal("europe-west4", bucket.Str("location"));
        Assert.Equal("acme-ml-prod", bucket.Str("project"));
    }

    [Fact]
    public void Bucket_name_is_deployment_team_models_plus_a_random_hex_suffix()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        var suffix = plan.Single("team-fraud-bucket-suffix");
        Assert.Equal(GcpResourceTypes.RandomId, suffix.Type);
        Assert.Equal(4, suffix.Int("byteLength"));

        Assert.Equal("ss-dev-fraud-models-${team-fraud-bucket-suffix.hex}", plan.Single("team-fraud-bucket").Str("name"));
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

        // Cut to 30 (service account ids) and 54 (bucket prefixes, before "-" and 8 hex digits) with a hash of the
        // whole name, so the two teams that share their first 30 characters still get different names.
        Assert.Equal(
            [
                ("fraud-detection-europe-east", "secure-serving-producti-bc2be6", "secure-serving-production-fraud-detection-europ-6f03c2"),
                ("fraud-detection-europe-west", "secure-serving-producti-101303", "secure-serving-production-fraud-detection-europ-e874b8"),
            ],
            plan.Teams.Select(t => (t.Team, t.ServiceAccount.AccountId, t.Bucket.NamePrefix)));
        Assert.All(plan.Teams, t => Assert.Matches(@"\A[a-z][-a-z0-9]{4,28}[a-z0-9]\z", t.ServiceAccount.AccountId));
    }

    [Fact]
    public void Teams_are_planned_in_name_order_whatever_the_config_order()
    {
        var config = TestConfigs.Dev() with { Teams = [TestConfigs.Team("recsys", "recsys-models"), TestConfigs.Team("fraud")] };

        Assert.Equal(["fraud", "recsys"], GcpPlanner.Plan(config).Teams.Select(t => t.Team));
    }
}
