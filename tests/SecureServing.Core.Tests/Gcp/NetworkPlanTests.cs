using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class NetworkPlanTests
{
    private static PlatformConfig WithEgress(EgressMode egress) =>
        TestConfigs.Dev() with { Network = TestConfigs.Dev().Network with { Egress = egress } };

    [Fact]
    public void Vpc_has_no_auto_subnets_and_the_configured_name()
    {
        var config = TestConfigs.Prod();
        var vpc = GcpPlanner.Plan(config).Single("network-vpc");

        Assert.Equal(GcpResourceTypes.Network, vpc.Type);
        Assert.False(vpc.Bool("autoCreateSubnetworks"));
        Assert.Equal(config.Network.Name, vpc.Str("name"));
    }

    [Fact]
    public void Subnet_has_private_google_access_and_pods_and_services_ranges_from_config()
    {
        var config = TestConfigs.Prod();
        var plan = GcpPlanner.Plan(config);
        var subnet = plan.Single("network-subnet");

        Assert.True(subnet.Bool("privateIpGoogleAccess"));
        Assert.Equal(config.Network.SubnetCidr, subnet.Str("ipCidrRange"));
        Assert.Equal(config.Region, subnet.Str("region"));
        Assert.Equal("pods", subnet.Str("secondaryIpRanges.0.rangeName"));
        Assert.Equal(config.Network.PodsCidr, subnet.Str("secondaryIpRanges.0.ipCidrRange"));
        Assert.Equal("services", subnet.Str("secondaryIpRanges.1.rangeName"));
        Assert.Equal(config.Network.ServicesCidr, subnet.Str("secondaryIpRanges.1.ipCidrRange"));

        // The cluster uses exactly those range names.
        Assert.Equal(plan.Network!.Subnet.PodsRangeName, plan.Cluster!.Cluster.PodsRangeName);
        Assert.Equal(plan.Network.Subnet.ServicesRangeName, plan.Cluster.Cluster.ServicesRangeName);
    }

    [Theory]
    [InlineData(EgressMode.Restricted)]
    [InlineData(EgressMode.Nat)]
    public void Restricted_vip_is_routed_through_the_default_internet_gateway_in_every_egress_mode(EgressMode egress)
    {
        var route = GcpPlanner.Plan(WithEgress(egress)).Single("network-restricted-vip-route");

        Assert.Equal("199.36.153.4/30", route.Str("destRange"));
        Assert.Equal("default-internet-gateway", route.Str("nextHopGateway"));
        Assert.Equal("${network-vpc.id}", route.Str("network"));
    }

    [Fact]
    public void Nat_egress_adds_a_router_and_a_nat_for_the_node_subnet_only()
    {
        var plan = GcpPlanner.Plan(WithEgress(EgressMode.Nat));

        var router = plan.Single("network-router");
        Assert.Equal(GcpResourceTypes.Router, router.Type);
        Assert.Equal("${network-vpc.id}", router.Str("network"));

        var nat = plan.Single("network-nat");
        Assert.Equal(GcpResourceTypes.RouterNat, nat.Type);
        Assert.Equal("${network-router.name}", nat.Str("router"));
        Assert.Equal("LIST_OF_SUBNETWORKS", nat.Str("sourceSubnetworkIpRangesToNat"));
        Assert.Equal("${network-subnet.id}", nat.Str("subnetworks.0.name"));
        Assert.Equal(["ALL_IP_RANGES"], nat.Strings("subnetworks.0.sourceIpRangesToNats"));
        Assert.True(nat.Bool("logConfig.enable"));
    }

    [Fact]
    public void Restricted_egress_has_no_router_or_nat()
    {
        var plan = GcpPlanner.Plan(WithEgress(EgressMode.Restricted));

        Assert.Null(plan.Network!.Nat);
        Assert.Empty(plan.OfType(GcpResourceTypes.Router));
        Assert.Empty(plan.OfType(GcpResourceTypes.RouterNat));
    }

    [Fact]
    public void Existing_clusters_get_no_network()
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } };
        var plan = GcpPlanner.Plan(config);

        Assert.Null(plan.Network);
        Assert.DoesNotContain(plan.Resources, r => r.Type.StartsWith("gcp:compute/network", StringComparison.Ordinal)
            || r.Type.StartsWith("gcp:compute/subnetwork", StringComparison.Ordinal));
    }
}
