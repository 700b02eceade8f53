using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered team identities and buckets for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class TeamIdentityComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "ss-dev", "acme-ml-dev", "fraud", "fraud-models")]
    [InlineData("dev", "ss-dev", "acme-ml-dev", "recsys", "recsys-models")]
    [InlineData("prod", "ss-prod", "acme-ml-prod", "fraud", "fraud-models")]
    public void Each_team_gets_a_workload_identity_gsa_and_a_private_bucket_it_can_read(
        string stack, string deployment, string project, string team, string ns)
    {
        var run = runs[stack];
        var gsa = run.Inputs(GcpResourceTypes.ServiceAccount, $"team-{team}-gsa");
        Assert.Equal($"{deployment}-{team}", Values.Text(gsa, "accountId"));
        var email = $"{deployment}-{team}@{project}.iam.gserviceaccount.com";

        var binding = run.Inputs(GcpResourceTypes.ServiceAccountIamMember, $"team-{team}-workload-identity");
        Assert.Equal("roles/iam.workloadIdentityUser", Values.Text(binding, "role"));
        Assert.Equal($"serviceAccount:{project}.svc.id.goog[{ns}/model-serving]", Values.Text(binding, "member"));
        Assert.Equal($"projects/{project}/serviceAccounts/{email}", Values.Text(binding, "serviceAccountId"));

        var suffix = run.Inputs(GcpResourceTypes.RandomId, $"team-{team}-bucket-suffix");
        Assert.Equal(4d, Values.Number(suffix, "byteLength"));

        var bucket = run.Inputs(GcpResourceTypes.Bucket, $"team-{team}-bucket");
        Assert.Equal($"{deployment}-{team}-models-{MockState.HexOf($"team-{team}-bucket-suffix")}", Values.Text(bucket, "name"));
        Assert.True(Values.Flag(bucket, "uniformBucketLevelAccess"));
        Assert.Equal("enforced", Values.Text(bucket, "publicAccessPrevention"));
        Assert.True(Values.Flag(bucket, "versioning.enabled"));
        Assert.False(Values.Flag(bucket, "forceDestroy"));
        Assert.Equal("europe-west4", Values.Text(bucket, "location"));
        Assert.Equal(project, Values.Text(bucket, "project"));

        var viewer = run.Inputs(GcpResourceTypes.BucketIamMember, $"team-{team}-bucket-viewer");
        Assert.Equal("roles/storage.objectViewer", Values.Text(viewer, "role"));
        Assert.Equal(Values.Text(bucket, "name"), Values.Text(viewer, "bucket"));
        Assert.Equal($"serviceAccount:{email}", Values.Text(viewer, "member"));
    }
}
