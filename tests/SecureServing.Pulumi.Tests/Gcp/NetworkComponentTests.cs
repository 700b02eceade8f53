using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered network and project services.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class NetworkComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "10.10.0.0/20", "10.20.0.0/16", "10.30.0.0/20")]
    [InlineData("prod", "10.40.0.0/20", "10.50.0.0/16", "10.60.0.0/20")]
    public void The_vpc_has_one_private_subnet_with_pod_and_service_ranges_and_a_route_to_the_restricted_vip(
        string stack, string subnet, string pods, string services)
    {
        var run = runs[stack];
        Assert.False(Values.Flag(run.Inputs(GcpResourceTypes.Network, "network-vpc"), "autoCreateSubnetworks"));

        var sub = run.Inputs(GcpResourceTypes.Subnetwork, "network-subnet");
        Assert.Equal(subnet, Values.Text(sub, "ipCidrRange"));
        Assert.True(Values.Flag(sub, "privateIpGoogleAccess"));
        Assert.Equal([("pods", pods), ("services", services)],
            Values.Objects(sub, "secondaryIpRanges").Select(r => (Values.Text(r, "rangeName"), Values.Text(r, "ipCidrRange"))));
        Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(sub, "network"));

        var route = run.Inputs(GcpResourceTypes.Route, "network-restricted-vip-route");
        Assert.Equal("199.36.153.4/30", Values.Text(route, "destRange"));
        Assert.Equal("default-internet-gateway", Values.Text(route, "nextHopGateway"));

        // egress: restricted has no NAT, unless an external JWKS host (prod's Dex) is reachable only through it
        // (EgressFqdnPolicyComponentTests).
        if (stack == "dev")
        {
            Assert.Empty(run.OfType(GcpResourceTypes.Router));
            Assert.Empty(run.OfType(GcpResourceTypes.RouterNat));
        }
    }

    [Fact]
    public async Task Nat_egress_adds_a_router_and_a_nat_for_the_node_subnet_only()
    {
        var run = await ProgramRun.GcpLayerAsync(Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "nat"));

        var router = run.Inputs(GcpResourceTypes.Router, "network-router");
        Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(router, "network"));
        var nat = run.Inputs(GcpResourceTypes.RouterNat, "network-nat");
        Assert.Equal(Values.Text(router, "name"), Values.Text(nat, "router"));
        Assert.Equal("LIST_OF_SUBNETWORKS", Values.Text(nat, "sourceSubnetworkIpRangesToNat"));
        var subnetwork = Assert.Single(Values.Objects(nat, "subnetworks"));
        Assert.Equal(MockState.IdOf("network-subnet"), Values.Text(subnetwork, "name"));
        Assert.True(Values.Flag(nat, "logConfig.enable"));
        // No egress lock-down rules with NAT.
        Assert.DoesNotContain(run.OfType(GcpResourceTypes.Firewall), r => r.Name!.StartsWith("firewall-egress-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_apis_the_stack_uses_are_enabled_and_never_disabled_on_destroy(string stack)
    {
        var services = runs[stack].OfType(GcpResourceTypes.ProjectService).ToList();
        var names = services.Select(s => Values.Text(s.Inputs, "service")).ToList();
        foreach (var api in new[] { "container", "compute", "dns", "accesscontextmanager", "iap", "artifactregistry", "iam", "storage" })
        {
            Assert.Contains($"{api}.googleapis.com", names);
        }

        Assert.All(services, s => Assert.False(Values.Flag(s.Inputs, "disableOnDestroy")));
    }
}
