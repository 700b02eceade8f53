using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Network</c>: the VPC (with its firewall-policy enforcement order), the node subnet, the
/// restricted-VIP route and, for <c>egress: nat</c> or when the spec asks for it,
/// Cloud Router + NAT, exactly as <see cref="NetworkSpec"/> says.
/// </summary>
public sealed class NetworkComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Network";

    public NetworkComponent(string name, NetworkSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var v = spec.Vpc;
        Vpc = new Network(ChildOptions.Prefixed(name, v.LogicalName), new NetworkArgs
        {
            Project = v.Project,
            Name = v.Name,
            Description = v.Description,
            AutoCreateSubnetworks = v.AutoCreateSubnetworks,
            RoutingMode = v.RoutingMode,
            NetworkFirewallPolicyEnforcementOrder = InputValues.Optional(v.NetworkFirewallPolicyEnforcementOrder),
        }, child);
        outputs.Add(v.LogicalName, Vpc, (ResourceRef.Outputs.Name, Vpc.Name));

        var s = spec.Subnet;
        var subnetArgs = new SubnetworkArgs
        {
            Project = s.Project,
            Name = s.Name,
            Region = s.Region,
            Network = outputs.Resolve(s.Network),
            IpCidrRange = s.IpCidrRange,
            PrivateIpGoogleAccess = s.PrivateIpGoogleAccess,
            LogConfig = new SubnetworkLogConfigArgs
            {
                AggregationInterval = s.FlowLogs.AggregationInterval,
                FlowSampling = s.FlowLogs.FlowSampling,
                Metadata = s.FlowLogs.Metadata,
            },
        };
        foreach (var range in s.SecondaryIpRanges)
        {
            subnetArgs.SecondaryIpRanges.Add(new SubnetworkSecondaryIpRangeArgs { RangeName = range.RangeName, IpCidrRange = range.IpCidrRange });
        }

        Subnet = new Subnetwork(ChildOptions.Prefixed(name, s.LogicalName), subnetArgs, child);
        outputs.Add(s.LogicalName, Subnet, (ResourceRef.Outputs.Name, Subnet.Name));

        var r = spec.RestrictedVipRoute;
        RestrictedVipRoute = new Route(ChildOptions.Prefixed(name, r.LogicalName), new RouteArgs
        {
            Project = r.Project,
            Name = r.Name,
            Description = r.Description,
            Network = outputs.Resolve(r.Network),
            DestRange = r.DestRange,
            NextHopGateway = r.NextHopGateway,
            Priority = r.Priority,
        }, child);
        outputs.Add(r.LogicalName, RestrictedVipRoute, (ResourceRef.Outputs.Name, RestrictedVipRoute.Name));

        if (spec.Nat is { } nat)
        {
            var router = new Router(ChildOptions.Prefixed(name, nat.Router.LogicalName), new RouterArgs
            {
                Project = nat.Router.Project,
                Name = nat.Router.Name,
                Region = nat.Router.Region,
                Network = outputs.Resolve(nat.Router.Network),
            }, child);
            outputs.Add(nat.Router.LogicalName, router, (ResourceRef.Outputs.Name, router.Name));

            var n = nat.Nat;
            var natArgs = new RouterNatArgs
            {
                Project = n.Project,
                Name = n.Name,
                Region = n.Region,
                Router = outputs.Resolve(n.Router),
                NatIpAllocateOption = n.NatIpAllocateOption,
                SourceSubnetworkIpRangesToNat = n.SourceSubnetworkIpRangesToNat,
                LogConfig = new RouterNatLogConfigArgs { Enable = true, Filter = n.LogFilter },
            };
            foreach (var subnetwork in n.Subnetworks)
            {
                var entry = new RouterNatSubnetworkArgs { Name = outputs.Resolve(subnetwork.Name) };
                foreach (var rangeKind in subnetwork.SourceIpRangesToNats)
                {
                    entry.SourceIpRangesToNats.Add(rangeKind);
                }

                natArgs.Subnetworks.Add(entry);
            }

            var routerNat = new RouterNat(ChildOptions.Prefixed(name, n.LogicalName), natArgs, child);
            outputs.Add(n.LogicalName, routerNat, (ResourceRef.Outputs.Name, routerNat.Name));
            Router = router;
            Nat = routerNat;
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = Vpc.Id,
            ["subnetId"] = Subnet.Id,
        });
    }

    public Network Vpc { get; }
    public Subnetwork Subnet { get; }
    public Route RestrictedVipRoute { get; }
    /// <summary>Null unless <c>egress: nat</c>.</summary>
    public Router? Router { get; }
    /// <summary>Null unless <c>egress: nat</c>.</summary>
    public RouterNat? Nat { get; }
}
