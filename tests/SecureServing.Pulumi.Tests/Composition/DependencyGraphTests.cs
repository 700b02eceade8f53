using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Composition;

/// <summary>
/// A dependency graph without false edges. The mocks hold one resource type back until the registrations a test names
/// as independent are done (then a moment of quiet): what really uses it is registered only after it, the independent
/// ones meanwhile (the GCP components run in parallel), however busy the machine.
/// </summary>
public sealed class DependencyGraphTests
{
    [Fact]
    public async Task Kubernetes_objects_wait_for_the_node_pools_while_unrelated_gcp_resources_do_not()
    {
        string[] independents = ["perimeter-service-perimeter", "registry-dns-gcr-io-zone", "team-fraud-bucket", "iap-ip"];
        var mocks = new ProgramMocks(GcpResourceTypes.NodePool) { ReleaseAfter = independents };
        var run = await ProgramRun.ProgramAsync("dev", mocks);
        var events = mocks.Events.ToList();
        var poolsDone = run.OfType(GcpResourceTypes.NodePool).Max(p => events.At($"done:{p.Name}"));

        var kubernetes = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) || r.Type == "pulumi:providers:kubernetes").ToList();
        Assert.NotEmpty(kubernetes);
        Assert.All(kubernetes, r => Assert.True(events.At($"start:{r.Name}") > poolsDone, $"{r.Type} {r.Name} was registered before the node pools"));

        foreach (var independent in independents)
        {
            Assert.True(events.At($"done:{independent}") < poolsDone, $"{independent} waited for the node pools");
        }
    }

    [Fact]
    public async Task Gcp_components_wait_only_for_the_resources_they_use()
    {
        string[] independents = ["perimeter-service-perimeter", "iap-certificate", "team-recsys-gsa", "team-recsys-bucket", "cluster-node-sa"];
        var mocks = new ProgramMocks(GcpResourceTypes.Network) { ReleaseAfter = independents };
        await ProgramRun.GcpLayerAsync(ProgramRun.Load("dev"), mocks);
        var events = mocks.Events.ToList();
        var vpcDone = events.At("done:network-vpc");

        // These use the VPC's id ...
        foreach (var user in new[] { "network-subnet", "network-restricted-vip-route", "firewall-webhook-kserve", "registry-dns-gcr-io-zone", "cluster-gke" })
        {
            Assert.True(events.At($"start:{user}") > vpcDone, $"{user} was registered before the VPC it uses");
        }

        // ... these do not, and are not held up by it.
        foreach (var independent in independents)
        {
            Assert.True(events.At($"done:{independent}") < vpcDone, $"{independent} waited for the VPC");
        }
    }

    [Fact]
    public async Task What_a_key_protects_waits_for_that_key_s_grant_and_nothing_else_waits_for_grants()
    {
        string[] independents = ["network-vpc", "perimeter-service-perimeter", "binary-authorization-policy"];
        var mocks = new ProgramMocks(GcpResourceTypes.CryptoKeyIamMember) { ReleaseAfter = independents };
        await ProgramRun.GcpLayerAsync(ProgramRun.Load("prod"), mocks);
        var events = mocks.Events.ToList();

        // The GKE service agent must be able to use the secrets key before the cluster exists, the Compute Engine
        // service agent the boot-disk key before any node disk does, Cloud Storage's, Pub/Sub's and Artifact
        // Registry's agents theirs before the bucket, topic or repository that names it as its key.
        (string User, string Grant)[] uses =
        [
            ("cluster-gke", "kms-secrets-gke-agent"), ("cluster-pool-serving", "kms-boot-disks-compute-agent"),
            ("team-fraud-bucket", "kms-buckets-storage-agent"), ("notifications-topic", "kms-notifications-pubsub-agent"),
            ("image-supply-docker-io", "kms-images-artifactregistry-agent"),
        ];
        foreach (var (user, grant) in uses)
        {
            Assert.True(events.At($"start:{user}") > events.At($"done:{grant}"), $"{user} was registered before {grant}");
        }

        var firstGrant = uses.Min(u => events.At($"done:{u.Grant}"));
        foreach (var independent in independents)
        {
            Assert.True(events.At($"done:{independent}") < firstGrant, $"{independent} waited for a key grant");
        }
    }

    [Fact]
    public async Task Grants_wait_for_the_service_agents_that_exist_only_once_asked_for()
    {
        var run = await ProgramRun.GcpLayerAsync(ProgramRun.Load("prod"));

        Assert.Contains("kms-pubsub-agent", await run.DependsOnOf("kms-notifications-pubsub-agent"));
        Assert.Contains("kms-artifactregistry-agent", await run.DependsOnOf("kms-images-artifactregistry-agent"));
        Assert.DoesNotContain("kms-pubsub-agent", await run.DependsOnOf("kms-secrets-gke-agent"));
        Assert.Contains(run.Mocks.Calls, c => c == "gcp:storage/getProjectServiceAccount:getProjectServiceAccount");
    }

    [Fact]
    public async Task Kubernetes_objects_wait_for_the_binary_authorization_policy()
    {
        var mocks = new ProgramMocks(GcpResourceTypes.BinaryAuthorizationPolicy) { ReleaseAfter = ["cluster-gke"] };
        var run = await ProgramRun.ProgramAsync("prod", mocks);
        var events = mocks.Events.ToList();
        var policyDone = events.At("done:binary-authorization-policy");

        var kubernetes = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kubernetes);
        Assert.All(kubernetes, r => Assert.True(events.At($"start:{r.Name}") > policyDone, $"{r.Type} {r.Name} was registered before the admission policy"));
        Assert.True(events.At("done:cluster-gke") < policyDone, "the cluster waited for the policy");
    }

    [Fact]
    public async Task Only_the_workload_identity_binding_waits_for_the_cluster_that_creates_the_identity_pool()
    {
        var mocks = new ProgramMocks(GcpResourceTypes.Cluster) { ReleaseAfter = ["team-fraud-bucket", "team-recsys-bucket"] };
        await ProgramRun.GcpLayerAsync(ProgramRun.Load("dev"), mocks);
        var events = mocks.Events.ToList();
        var clusterDone = events.At("done:cluster-gke");

        foreach (var team in new[] { "fraud", "recsys" })
        {
            Assert.True(events.At($"start:team-{team}-workload-identity") > clusterDone, $"team {team}'s binding did not wait for the cluster");
            Assert.True(events.At($"done:team-{team}-bucket") < clusterDone, $"team {team}'s bucket waited for the cluster");
        }
    }

    [Fact]
    public async Task Each_component_waits_only_for_the_apis_it_calls()
    {
        var run = await ProgramRun.GcpLayerAsync(ProgramRun.Load("dev"));
        var dependencies = run.Gcp!.ComponentDependencies.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => r.GetResourceName()).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["services-compute"], dependencies[NetworkSpec.Component]);
        Assert.Equal(["services-binaryauthorization", "services-cloudresourcemanager", "services-container", "services-iam"], dependencies[ClusterSpec.Component]);
        Assert.Equal(["services-artifactregistry", "services-cloudkms", "services-compute", "services-container", "services-pubsub", "services-storage"], dependencies[KmsSpec.Component]);
        Assert.Equal(["services-pubsub"], dependencies[NotificationsSpec.Component]);
        Assert.Equal(["services-binaryauthorization"], dependencies[BinaryAuthorizationSpec.Component]);
        Assert.Equal(["services-compute"], dependencies[FirewallSpec.Component]);
        Assert.Equal(["services-dns"], dependencies[RegistryDnsSpec.Component]);
        Assert.Equal(["services-accesscontextmanager"], dependencies[PerimeterSpec.Component]);
        Assert.Equal(["services-compute", "services-iap"], dependencies[IapSpec.Component]);
        Assert.Equal(["services-iam", "services-storage"], dependencies["team-fraud"]);
        // And every child carries its component's dependencies (Pulumi does not hand them down by itself).
        Assert.Equal(["services-iam", "services-storage"], await run.DependsOnOf("team-fraud-bucket"));
        Assert.Equal(["cluster-gke", "services-iam", "services-storage"], await run.DependsOnOf("team-fraud-workload-identity"));
    }
}
