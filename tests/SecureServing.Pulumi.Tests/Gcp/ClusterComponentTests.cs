using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered GKE inputs for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class ClusterComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "acme-ml-dev", "172.16.0.0/28")]
    [InlineData("prod", "acme-ml-prod", "172.16.0.16/28")]
    public void The_cluster_is_private_and_reached_through_its_dns_endpoint_with_iam(string stack, string project, string masterCidr)
    {
        var cluster = runs[stack].Inputs(GcpResourceTypes.Cluster, "cluster-gke");
        Assert.True(Values.Flag(cluster, "privateClusterConfig.enablePrivateNodes"));
        Assert.True(Values.Flag(cluster, "privateClusterConfig.enablePrivateEndpoint"));
        Assert.Equal(masterCidr, Values.Text(cluster, "privateClusterConfig.masterIpv4CidrBlock"));
        Assert.True(Values.Flag(cluster, "controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic"));
        // endpoint: dns — IAM guards the control plane; no network is authorized on the IP endpoint.
        Assert.False(Values.Has(cluster, "masterAuthorizedNetworksConfig.cidrBlocks"));
        Assert.False(Values.Flag(cluster, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"));
        Assert.True(Values.Flag(cluster, "masterAuthorizedNetworksConfig.privateEndpointEnforcementEnabled"));
        Assert.Equal(project, Values.Text(cluster, "project"));
        Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(cluster, "network"));
        Assert.Equal(MockState.IdOf("network-subnet"), Values.Text(cluster, "subnetwork"));
    }

    [Theory]
    [InlineData("dev", "ss-dev", "acme-ml-dev", "REGULAR", false)]
    [InlineData("prod", "ss-prod", "acme-ml-prod", "STABLE", true)]
    public void Identity_and_hardening_settings_are_set(string stack, string deployment, string project, string channel, bool deletionProtection)
    {
        var cluster = runs[stack].Inputs(GcpResourceTypes.Cluster, "cluster-gke");
        Assert.Equal($"{project}.svc.id.goog", Values.Text(cluster, "workloadIdentityConfig.workloadPool"));
        Assert.True(Values.Flag(cluster, "enableShieldedNodes"));
        Assert.Equal("ADVANCED_DATAPATH", Values.Text(cluster, "datapathProvider"));
        Assert.Equal(channel, Values.Text(cluster, "releaseChannel.channel"));
        Assert.True(Values.Flag(cluster, "removeDefaultNodePool"));
        Assert.Equal(deletionProtection, Values.Flag(cluster, "deletionProtection"));
        // Even the transient default pool runs as the dedicated node account, never the Compute Engine default one.
        Assert.Equal($"{deployment}-nodes@{project}.iam.gserviceaccount.com", Values.Text(cluster, "nodeConfig.serviceAccount"));
    }

    [Theory]
    [InlineData("dev", "ss-dev", "acme-ml-dev", "e2-standard-4", 1, 3)]
    [InlineData("prod", "ss-prod", "acme-ml-prod", "n2-standard-8", 2, 10)]
    public void Node_pools_are_shielded_workload_identity_only_and_run_as_the_dedicated_account(
        string stack, string deployment, string project, string machineType, int min, int max)
    {
        var run = runs[stack];
        var pool = run.Inputs(GcpResourceTypes.NodePool, "cluster-pool-serving");
        Assert.Equal(MockState.IdOf("cluster-gke"), Values.Text(pool, "cluster"));
        Assert.Equal(machineType, Values.Text(pool, "nodeConfig.machineType"));
        Assert.Equal((double)min, Values.Number(pool, "autoscaling.totalMinNodeCount"));
        Assert.Equal((double)max, Values.Number(pool, "autoscaling.totalMaxNodeCount"));
        Assert.True(Values.Flag(pool, "nodeConfig.shieldedInstanceConfig.enableSecureBoot"));
        Assert.True(Values.Flag(pool, "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring"));
        Assert.Equal("GKE_METADATA", Values.Text(pool, "nodeConfig.workloadMetadataConfig.mode"));
        Assert.Equal($"{deployment}-nodes@{project}.iam.gserviceaccount.com", Values.Text(pool, "nodeConfig.serviceAccount"));
        Assert.Equal([ProgramRun.Load(stack).Cluster.NodeTag], Values.Texts(pool, "nodeConfig.tags"));
        Assert.Equal("true", Values.Text(pool, "nodeConfig.metadata.disable-legacy-endpoints"));

        var roles = run.OfType(GcpResourceTypes.ProjectIamMember).Where(r => r.Name!.StartsWith("cluster-node-sa-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["roles/artifactregistry.reader", "roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer"],
            roles.Select(r => Values.Text(r.Inputs, "role")).Order(StringComparer.Ordinal));
        Assert.All(roles, r => Assert.Equal($"serviceAccount:{deployment}-nodes@{project}.iam.gserviceaccount.com", Values.Text(r.Inputs, "member")));
    }

    [Theory]
    [InlineData("dev", null)]
    [InlineData("prod", true)]
    public void Cluster_and_node_pools_are_protected_in_prod_and_the_cluster_ignores_node_config_drift(string stack, bool? protect)
    {
        var run = runs[stack];
        Assert.Equal(protect, run.OptionsOf("cluster-gke").Protect);
        Assert.Equal(protect, run.OptionsOf("cluster-pool-serving").Protect);
        Assert.Equal(["nodeConfig"], run.OptionsOf("cluster-gke").IgnoreChanges);
        // The node account is not critical: it is recreated with the same e-mail.
        Assert.Null(run.OptionsOf("cluster-node-sa").Protect);
    }

    [Fact]
    public void The_dev_gpu_pool_registers_its_l4_with_the_gke_installed_driver_and_the_gpu_taint()
    {
        var pool = runs["dev"].Inputs(GcpResourceTypes.NodePool, "cluster-pool-gpu-l4");

        Assert.Equal("g2-standard-8", Values.Text(pool, "nodeConfig.machineType"));
        var accelerator = Assert.Single(Values.Objects(pool, "nodeConfig.guestAccelerators"));
        Assert.Equal("nvidia-l4", Values.Text(accelerator, "type"));
        Assert.Equal(1d, Values.Number(accelerator, "count"));
        Assert.Equal("DEFAULT", Values.Text(accelerator, "gpuDriverInstallationConfig.gpuDriverVersion"));
        var taint = Assert.Single(Values.Objects(pool, "nodeConfig.taints"));
        Assert.Equal(("nvidia.com/gpu", "present", "NO_SCHEDULE"), (Values.Text(taint, "key"), Values.Text(taint, "value"), Values.Text(taint, "effect")));
        Assert.Equal(0d, Values.Number(pool, "autoscaling.totalMinNodeCount"));
        // The CPU pool stays untainted and without GPUs.
        var serving = runs["dev"].Inputs(GcpResourceTypes.NodePool, "cluster-pool-serving");
        Assert.False(Values.Has(serving, "nodeConfig.guestAccelerators"));
        Assert.False(Values.Has(serving, "nodeConfig.taints"));
    }

    [Fact]
    public async Task A_sandbox_pool_registers_gvisor_and_google_groups_for_rbac_reaches_the_cluster()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "sandbox-pool-and-google-groups");
        var run = await ProgramRun.GcpLayerAsync(config);

        Assert.Equal("GVISOR", Values.Text(run.Inputs(GcpResourceTypes.NodePool, "cluster-pool-sandboxed"), "nodeConfig.sandboxConfig.type"));
        Assert.False(Values.Has(run.Inputs(GcpResourceTypes.NodePool, "cluster-pool-serving"), "nodeConfig.sandboxConfig"));
        Assert.Equal("gke-security-groups@example.com", Values.Text(run.Inputs(GcpResourceTypes.Cluster, "cluster-gke"), "authenticatorGroupsConfig.securityGroup"));
    }

    [Fact]
    public async Task An_ip_endpoint_authorizes_only_the_configured_networks_and_closes_the_dns_endpoint()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "private-endpoint");
        var run = await ProgramRun.GcpLayerAsync(config);

        var cluster = run.Inputs(GcpResourceTypes.Cluster, "cluster-gke");
        Assert.False(Values.Flag(cluster, "controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic"));
        Assert.True(Values.Flag(cluster, "privateClusterConfig.enablePrivateEndpoint"));
        var blocks = Values.Objects(cluster, "masterAuthorizedNetworksConfig.cidrBlocks");
        Assert.Equal([("10.200.0.0/24", "ci-runners"), ("10.201.0.0/24", "bastion")],
            blocks.Select(b => (Values.Text(b, "cidrBlock"), Values.Text(b, "displayName"))));
    }
}
