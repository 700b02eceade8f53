namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>network</c>: the VPC, the node subnet (Private Google Access, pods/services secondary ranges), the
/// route to the restricted VIP and, for <c>egress: nat</c>, Cloud Router + Cloud NAT. The egress firewall rules of
/// <c>egress: restricted</c> live in <see cref="FirewallSpec"/>.
/// </summary>
public sealed record NetworkSpec
{
    public const string Component = "network";

    public required VpcSpec Vpc { get; init; }
    public required SubnetSpec Subnet { get; init; }
    public required RouteSpec RestrictedVipRoute { get; init; }
    /// <summary>
    /// For <c>egress: nat</c>; for <c>restricted</c> only when a JWKS host the firewall policy allows is not reachable
    /// through Private Google Access (an external <c>mesh.dex.jwksUri</c>, <see cref="JwksEgress.NeedsInternetPath"/>):
    /// nodes have no external IPs, so NAT is the path, and the firewall still admits only those FQDNs.
    /// Null otherwise.
    /// </summary>
    public NatSpec? Nat { get; init; }
}

/// <summary><c>gcp:compute/network:Network</c>.</summary>
public sealed record VpcSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>Always false: only the subnet this stack declares exists.</summary>
    public bool AutoCreateSubnetworks { get; init; }
    /// <summary><c>REGIONAL</c>.</summary>
    public required string RoutingMode { get; init; }
    /// <summary>
    /// <c>BEFORE_CLASSIC_FIREWALL</c> when the firewall component attaches its egress FQDN policy
    /// (<see cref="FirewallSpec.EgressFqdnPolicy"/>), so the policy's allow rule is evaluated before the classic
    /// deny-all egress rule; null (provider default <c>AFTER_CLASSIC_FIREWALL</c>) otherwise.
    /// </summary>
    public string? NetworkFirewallPolicyEnforcementOrder { get; init; }
}

/// <summary><c>gcp:compute/subnetwork:Subnetwork</c>.</summary>
public sealed record SubnetSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef Network { get; init; }
    public required string IpCidrRange { get; init; }
    /// <summary>Always true: private nodes reach Google APIs without external IPs.</summary>
    public required bool PrivateIpGoogleAccess { get; init; }
    /// <summary>Pods range first, then services range.</summary>
    public required IReadOnlyList<SecondaryRangeSpec> SecondaryIpRanges { get; init; }
    public required string PodsRangeName { get; init; }
    public required string ServicesRangeName { get; init; }
    /// <summary><c>logConfig</c>: VPC Flow Logs of every VM, node and pod connection in the subnet.</summary>
    public required FlowLogsSpec FlowLogs { get; init; }
}

/// <summary>
/// <c>logConfig</c> of a subnet: VPC Flow Logs on. Hardened organizations refuse a subnet without them
/// (<c>compute.requireVpcFlowLogs</c>, which takes a sampling rate of at least 0.1; "VPC Flow Logs",
/// https://cloud.google.com/vpc/docs/flow-logs). Half of the flows, aggregated every 5 seconds, with their metadata:
/// enough to trace a connection while the volume stays half of full sampling.
/// </summary>
/// <param name="AggregationInterval"><c>aggregationInterval</c>, e.g. <c>INTERVAL_5_SEC</c>.</param>
/// <param name="FlowSampling"><c>flowSampling</c>, 0.1 to 1.0.</param>
/// <param name="Metadata"><c>metadata</c>, e.g. <c>INCLUDE_ALL_METADATA</c>.</param>
public sealed record FlowLogsSpec(string AggregationInterval, double FlowSampling, string Metadata)
{
    public static FlowLogsSpec Default { get; } = new("INTERVAL_5_SEC", 0.5, "INCLUDE_ALL_METADATA");
}

/// <summary>One entry of <c>secondaryIpRanges</c>: <c>{rangeName, ipCidrRange}</c>.</summary>
public sealed record SecondaryRangeSpec(string RangeName, string IpCidrRange);

/// <summary><c>gcp:compute/route:Route</c>.</summary>
public sealed record RouteSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef Network { get; init; }
    public required string DestRange { get; init; }
    /// <summary><c>default-internet-gateway</c>.</summary>
    public required string NextHopGateway { get; init; }
    public required int Priority { get; init; }
}

/// <summary>Cloud Router plus Cloud NAT for <c>egress: nat</c>.</summary>
public sealed record NatSpec
{
    public required RouterSpec Router { get; init; }
    public required RouterNatSpec Nat { get; init; }
}

/// <summary><c>gcp:compute/router:Router</c>.</summary>
public sealed record RouterSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef Network { get; init; }
}

/// <summary><c>gcp:compute/routerNat:RouterNat</c>.</summary>
public sealed record RouterNatSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    /// <summary>The router's <c>name</c>.</summary>
    public required ResourceRef Router { get; init; }
    /// <summary><c>AUTO_ONLY</c>.</summary>
    public required string NatIpAllocateOption { get; init; }
    /// <summary><c>LIST_OF_SUBNETWORKS</c>: only the node subnet is NATed, not every subnet of the VPC.</summary>
    public required string SourceSubnetworkIpRangesToNat { get; init; }
    public required IReadOnlyList<NatSubnetworkSpec> Subnetworks { get; init; }
    /// <summary><c>logConfig.filter</c>; <c>logConfig.enable</c> is always true.</summary>
    public required string LogFilter { get; init; }
}

/// <summary>One entry of <c>subnetworks</c>: <c>{name, sourceIpRangesToNats}</c>.</summary>
public sealed record NatSubnetworkSpec(ResourceRef Name, IReadOnlyList<string> SourceIpRangesToNats);
