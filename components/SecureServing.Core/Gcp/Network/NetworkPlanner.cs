using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// VPC (<c>autoCreateSubnetworks: false</c>), subnet with Private Google Access, VPC Flow Logs (half of the flows, 5 s,
/// with metadata) and secondary ranges <c>pods</c> / <c>services</c>, route <c>199.36.153.4/30</c> via <c>default-internet-gateway</c>; for <c>egress: nat</c> also Cloud
/// Router + Cloud NAT (<c>LIST_OF_SUBNETWORKS</c>: only the node subnet, errors logged)
/// </summary>
/// <remarks>
/// Private nodes have no external IP; they reach Google APIs only through Private Google Access to the restricted VIP
/// (Kubeflow private GKE guide). Flow logs record every connection of the subnet, which hardened organizations require
/// (<c>compute.requireVpcFlowLogs</c>).
/// </remarks>
public static class NetworkPlanner
{
    public const string PodsRangeName = "pods";
    public const string ServicesRangeName = "services";

    public static readonly string VpcName = GcpNames.Child(NetworkSpec.Component, "vpc");
    public static readonly string SubnetName = GcpNames.Child(NetworkSpec.Component, "subnet");
    public static readonly string RouteName = GcpNames.Child(NetworkSpec.Component, "restricted-vip-route");
    public static readonly string RouterName = GcpNames.Child(NetworkSpec.Component, "router");
    public static readonly string NatName = GcpNames.Child(NetworkSpec.Component, "nat");

    /// <summary>The VPC's id, for every resource bound to the network.</summary>
    public static ResourceRef VpcId => ResourceRef.Id(VpcName);

    /// <summary>Null for <c>provider: existing</c>: the stack creates no network for a cluster it does not create.</summary>
    public static NetworkSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Provider != ClusterProvider.Gke)
        {
            return null;
        }

        var network = config.Network;
        return new NetworkSpec
        {
            Vpc = new VpcSpec
            {
                LogicalName = VpcName,
                Project = config.ProjectId,
                Name = network.Name,
                Description = $"SecureServing {config.Stack}: private GKE network",
                AutoCreateSubnetworks = false,
                RoutingMode = "REGIONAL",
                // Same condition as FirewallPlanner's egress FQDN policy.
                NetworkFirewallPolicyEnforcementOrder = JwksEgress.For(config).Count > 0
                    ? FirewallPolicyEnforcementOrder.BeforeClassicFirewall
                    : null,
            },
            Subnet = new SubnetSpec
            {
                LogicalName = SubnetName,
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, "subnet"),
                Region = config.Region,
                Network = VpcId,
                IpCidrRange = network.SubnetCidr,
                PrivateIpGoogleAccess = true,
                FlowLogs = FlowLogsSpec.Default,
                SecondaryIpRanges =
                [
                    new SecondaryRangeSpec(PodsRangeName, network.PodsCidr),
                    new SecondaryRangeSpec(ServicesRangeName, network.ServicesCidr),
                ],
                PodsRangeName = PodsRangeName,
                ServicesRangeName = ServicesRangeName,
            },
            // Private Google Access to restricted.googleapis.com needs a route to the VIP through the default
            // internet gateway; an explicit route keeps working if someone removes the 0.0.0.0/0 default route.
            RestrictedVipRoute = new RouteSpec
            {
                LogicalName = RouteName,
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, "restricted-vip"),
                Description = "restricted.googleapis.com (VPC Service Controls VIP) through Private Google Access",
                Network = VpcId,
                DestRange = GoogleRanges.RestrictedVip,
                NextHopGateway = GoogleRanges.DefaultInternetGateway,
                Priority = 1000,
            },
            Nat = network.Egress == EgressMode.Nat || JwksEgress.NeedsInternetPath(config) ? PlanNat(config) : null,
        };
    }

    private static NatSpec PlanNat(PlatformConfig config) => new()
    {
        Router = new RouterSpec
        {
            LogicalName = RouterName,
            Project = config.ProjectId,
            Name = GcpNames.Prefixed(config, "router"),
            Region = config.Region,
            Network = VpcId,
        },
        Nat = new RouterNatSpec
        {
            LogicalName = NatName,
            Project = config.ProjectId,
            Name = GcpNames.Prefixed(config, "nat"),
            Region = config.Region,
            Router = ResourceRef.Name(RouterName),
            NatIpAllocateOption = "AUTO_ONLY",
            SourceSubnetworkIpRangesToNat = "LIST_OF_SUBNETWORKS",
            Subnetworks = [new NatSubnetworkSpec(ResourceRef.Id(SubnetName), ["ALL_IP_RANGES"])],
            LogFilter = "ERRORS_ONLY",
        },
    };
}
