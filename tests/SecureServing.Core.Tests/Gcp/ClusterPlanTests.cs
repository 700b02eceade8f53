using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class ClusterPlanTests
{
    private static readonly AuthorizedNetwork Office = new("203.0.113.0/24", "office");

    private static PlatformConfig WithEndpoint(ControlPlaneEndpoint endpoint) => TestConfigs.Dev() with
    {
        Cluster = TestConfigs.Dev().Cluster with { Endpoint = endpoint, MasterAuthorizedNetworks = [Office] },
    };

    [Fact]
    public void Nodes_are_private_with_the_configured_master_cidr()
    {
        var config = TestConfigs.Prod();
        var cluster = GcpPlanner.Plan(config).Single("cluster-gke");

        Assert.True(cluster.Bool("privateClusterConfig.enablePrivateNodes"));
        Assert.Equal(config.Network.MasterCidr, cluster.Str("privateClusterConfig.masterIpv4CidrBlock"));
        Assert.Equal("${network-vpc.id}", cluster.Str("network"));
        Assert.Equal("${network-subnet.id}", cluster.Str("subnetwork"));
    }

    [Fact]
    public void Dns_endpoint_is_reachable_from_outside_without_a_public_ip_and_ignores_authorized_networks()
    {
        var cluster = GcpPlanner.Plan(WithEndpoint(ControlPlaneEndpoint.Dns)).Single("cluster-gke");

        Assert.True(cluster.Bool("controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic"));
        Assert.True(cluster.Bool("privateClusterConfig.enablePrivateEndpoint"));
        Assert.Null(cluster.At("masterAuthorizedNetworksConfig.cidrBlocks"));
        Assert.True(cluster.Bool("masterAuthorizedNetworksConfig.privateEndpointEnforcementEnabled"));
        Assert.False(cluster.Bool("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"));
    }

    [Fact]
    public void Private_endpoint_closes_the_dns_endpoint_and_enforces_authorized_networks_on_it()
    {
        var cluster = GcpPlanner.Plan(WithEndpoint(ControlPlaneEndpoint.Private)).Single("cluster-gke");

        Assert.False(cluster.Bool("controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic"));
        Assert.True(cluster.Bool("privateClusterConfig.enablePrivateEndpoint"));
        Assert.Equal(Office.Cidr, cluster.Str("masterAuthorizedNetworksConfig.cidrBlocks.0.cidrBlock"));
        Assert.Equal(Office.Name, cluster.Str("masterAuthorizedNetworksConfig.cidrBlocks.0.displayName"));
        Assert.True(cluster.Bool("masterAuthorizedNetworksConfig.privateEndpointEnforcementEnabled"));
    }

    [Fact]
    public void Public_endpoint_opens_the_ip_endpoint_only_to_authorized_networks()
    {
        var cluster = GcpPlanner.Plan(WithEndpoint(ControlPlaneEndpoint.Public)).Single("cluster-gke");

        Assert.False(cluster.Bool("privateClusterConfig.enablePrivateEndpoint"));
        Assert.True(cluster.Bool("privateClusterConfig.enablePrivateNodes"));
        Assert.False(cluster.Bool("controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic"));
        Assert.Equal([Office.Cidr], cluster.At("masterAuthorizedNetworksConfig.cidrBlocks")!.AsArray().Select(b => b!["cidrBlock"]!.GetValue<string>()));
        Assert.False(cluster.Bool("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"));
    }

    [Fact]
    public void Workload_identity_shielded_nodes_dataplane_v2_and_default_pool_removal()
    {
        var config = TestConfigs.Dev();
        var cluster = GcpPlanner.Plan(config).Single("cluster-gke");

        Assert.Equal($"{config.ProjectId}.svc.id.goog", cluster.Str("workloadIdentityConfig.workloadPool"));
        Assert.True(cluster.Bool("enableShieldedNodes"));
        Assert.Equal("ADVANCED_DATAPATH", cluster.Str("datapathProvider"));
        Assert.True(cluster.Bool("removeDefaultNodePool"));
        Assert.Equal(1, cluster.Int("initialNodeCount"));
        Assert.Equal("VPC_NATIVE", cluster.Str("networkingMode"));
        Assert.False(cluster.Bool("addonsConfig.httpLoadBalancing.disabled"));
    }

    [Fact]
    public void The_transient_default_pool_never_runs_as_the_default_compute_service_account()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());
        var cluster = plan.Single("cluster-gke");

        Assert.Equal("${cluster-node-sa.email}", cluster.Str("nodeConfig.serviceAccount"));
        Assert.Equal("GKE_METADATA", cluster.Str("nodeConfig.workloadMetadataConfig.mode"));
        Assert.True(cluster.Bool("nodeConfig.shieldedInstanceConfig.enableSecureBoot"));
        Assert.Contains("nodeConfig", plan.Cluster!.Cluster.IgnoreChanges);
    }

    [Theory]
    [InlineData(ReleaseChannel.Rapid, "RAPID")]
    [InlineData(ReleaseChannel.Regular, "REGULAR")]
    [InlineData(ReleaseChannel.Stable, "STABLE")]
    public void Release_channel_follows_config(ReleaseChannel channel, string expected)
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { ReleaseChannel = channel } };

        Assert.Equal(expected, GcpPlanner.Plan(config).Single("cluster-gke").Str("releaseChannel.channel"));
    }

    [Fact]
    public void Production_is_deletion_protected_and_pulumi_protected_even_if_config_says_otherwise()
    {
        var config = TestConfigs.Prod() with { Cluster = TestConfigs.Prod().Cluster with { DeletionProtection = false } };
        var plan = GcpPlanner.Plan(config);

        Assert.True(plan.Single("cluster-gke").Bool("deletionProtection"));
        Assert.True(plan.Cluster!.Protect);
    }

    [Fact]
    public void Dev_follows_the_config_deletion_protection_and_is_not_protected()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        Assert.False(plan.Single("cluster-gke").Bool("deletionProtection"));
        Assert.False(plan.Cluster!.Protect);
    }

    [Fact]
    public void Node_service_account_gets_only_the_least_privilege_roles()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());
        var bindings = plan.OfType(GcpResourceTypes.ProjectIamMember)
            .Where(r => r.Str("member") == "${cluster-node-sa.member}")
            .ToList();

        Assert.Equal(
            ["roles/artifactregistry.reader", "roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer"],
            bindings.Select(b => b.Str("role")).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.Resources, r => r.Str("role") is "roles/editor" or "roles/owner");
    }

    [Fact]
    public void Node_pools_come_from_config_with_gke_metadata_shielded_nodes_node_tag_and_autoscaling()
    {
        var config = TestConfigs.Prod() with
        {
            Cluster = TestConfigs.Prod().Cluster with
            {
                NodePools =
                [
                    new NodePoolConfig { Name = "serving", MachineType = "n2-standard-8", MinNodes = 2, MaxNodes = 10 },
                    new NodePoolConfig { Name = "batch", MachineType = "e2-standard-8", MinNodes = 0, MaxNodes = 4, Spot = true, DiskSizeGb = 200 },
                ],
            },
        };
        var plan = GcpPlanner.Plan(config);

        var pools = plan.OfType(GcpResourceTypes.NodePool);
        Assert.Equal(["cluster-pool-serving", "cluster-pool-batch"], pools.Select(p => p.Name));
        Assert.All(pools, pool =>
        {
            Assert.Equal("${cluster-gke.id}", pool.Str("cluster"));
            Assert.Equal("GKE_METADATA", pool.Str("nodeConfig.workloadMetadataConfig.mode"));
            Assert.True(pool.Bool("nodeConfig.shieldedInstanceConfig.enableSecureBoot"));
            Assert.True(pool.Bool("nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring"));
            Assert.Equal([config.Cluster.NodeTag], pool.Strings("nodeConfig.tags"));
            Assert.Equal("${cluster-node-sa.email}", pool.Str("nodeConfig.serviceAccount"));
            Assert.True(pool.Bool("management.autoRepair"));
            Assert.True(pool.Bool("management.autoUpgrade"));
        });

        var batch = plan.Single("cluster-pool-batch");
        Assert.Equal("batch", batch.Str("name"));
        Assert.Equal("e2-standard-8", batch.Str("nodeConfig.machineType"));
        Assert.True(batch.Bool("nodeConfig.spot"));
        Assert.Equal(200, batch.Int("nodeConfig.diskSizeGb"));
        Assert.Equal(0, batch.Int("autoscaling.totalMinNodeCount"));
        Assert.Equal(4, batch.Int("autoscaling.totalMaxNodeCount"));
    }

    [Fact]
    public void Existing_provider_creates_no_cluster_node_account_or_pools()
    {
        var config = TestConfigs.Prod() with
        {
            Cluster = TestConfigs.Prod().Cluster with { Provider = ClusterProvider.Existing, Kubeconfig = new SecretRef("secure-serving:cluster", "kubeconfig") },
        };
        var plan = GcpPlanner.Plan(config);

        Assert.Null(plan.Cluster);
        Assert.Empty(plan.OfType(GcpResourceTypes.Cluster));
        Assert.Empty(plan.OfType(GcpResourceTypes.NodePool));
        Assert.DoesNotContain(plan.Resources, r => r.Name.StartsWith("cluster-", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Resources, r => r.Str("service") == "container.googleapis.com");
    }
}
