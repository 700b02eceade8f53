using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="NetworkSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class NetworkRendering
{
    public static IEnumerable<RenderedResource> Render(this NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        var vpc = spec.Vpc;
        yield return new PropertyBag()
            .Add("project", vpc.Project)
            .Add("name", vpc.Name)
            .Add("description", vpc.Description)
            .Add("autoCreateSubnetworks", vpc.AutoCreateSubnetworks)
            .Add("routingMode", vpc.RoutingMode)
            .Add("networkFirewallPolicyEnforcementOrder", vpc.NetworkFirewallPolicyEnforcementOrder)
            .Resource(GcpResourceTypes.Network, vpc.LogicalName);

        var subnet = spec.Subnet;
        yield return new PropertyBag()
            .Add("project", subnet.Project)
            .Add("name", subnet.Name)
            .Add("region", subnet.Region)
            .Add("network", subnet.Network)
            .Add("ipCidrRange", subnet.IpCidrRange)
            .Add("privateIpGoogleAccess", subnet.PrivateIpGoogleAccess)
            .Add("secondaryIpRanges", subnet.SecondaryIpRanges.Select(r => new PropertyBag()
                .Add("rangeName", r.RangeName)
                .Add("ipCidrRange", r.IpCidrRange)))
            .Add("logConfig", new PropertyBag()
                .Add("aggregationInterval", subnet.FlowLogs.AggregationInterval)
                .Add("flowSampling", subnet.FlowLogs.FlowSampling)
                .Add("metadata", subnet.FlowLogs.Metadata))
            .Resource(GcpResourceTypes.Subnetwork, subnet.LogicalName);

        var route = spec.RestrictedVipRoute;
        yield return new PropertyBag()
            .Add("project", route.Project)
            .Add("name", route.Name)
            .Add("description", route.Description)
            .Add("network", route.Network)
            .Add("destRange", route.DestRange)
            .Add("nextHopGateway", route.NextHopGateway)
            .Add("priority", route.Priority)
            .Resource(GcpResourceTypes.Route, route.LogicalName);

        if (spec.Nat is { } nat)
        {
            yield return new PropertyBag()
                .Add("project", nat.Router.Project)
                .Add("name", nat.Router.Name)
                .Add("region", nat.Router.Region)
                .Add("network", nat.Router.Network)
                .Resource(GcpResourceTypes.Router, nat.Router.LogicalName);

            yield return new PropertyBag()
                .Add("project", nat.Nat.Project)
                .Add("name", nat.Nat.Name)
                .Add("region", nat.Nat.Region)
                .Add("router", nat.Nat.Router)
                .Add("natIpAllocateOption", nat.Nat.NatIpAllocateOption)
                .Add("sourceSubnetworkIpRangesToNat", nat.Nat.SourceSubnetworkIpRangesToNat)
                .Add("subnetworks", nat.Nat.Subnetworks.Select(s => new PropertyBag()
                    .Add("name", s.Name)
                    .Add("sourceIpRangesToNats", s.SourceIpRangesToNats)))
                .Add("logConfig", new PropertyBag().Add("enable", true).Add("filter", nat.Nat.LogFilter))
                .Resource(GcpResourceTypes.RouterNat, nat.Nat.LogicalName);
        }
    }
}
