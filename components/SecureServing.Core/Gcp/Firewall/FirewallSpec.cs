namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>firewall</c>: control plane -> node webhook ingress rules and, for <c>egress: restricted</c>, the
/// egress lock-down (deny all, then allow only what the cluster needs). No rule ever has 0.0.0.0/0 as a source.
/// </summary>
public sealed record FirewallSpec
{
    public const string Component = "firewall";

    /// <summary>The webhook ports the ingress rules open, with why (the table in docs/gcp-layer.md).</summary>
    public required IReadOnlyList<WebhookPort> WebhookPorts { get; init; }
    /// <summary>Webhook ingress rules first, then egress rules.</summary>
    public required IReadOnlyList<FirewallRuleSpec> Rules { get; init; }
    /// <summary>
    /// Only for <c>egress: restricted</c> when the mesh verifies JWTs whose keys live outside the cluster
    /// (<see cref="JwksEgress"/>); null otherwise.
    /// </summary>
    public EgressFqdnPolicySpec? EgressFqdnPolicy { get; init; }
}

/// <summary><c>gcp:compute/firewall:Firewall</c>.</summary>
public sealed record FirewallRuleSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef Network { get; init; }
    /// <summary><see cref="FirewallDirection.Ingress"/> or <see cref="FirewallDirection.Egress"/>.</summary>
    public required string Direction { get; init; }
    public required int Priority { get; init; }
    public IReadOnlyList<string> SourceRanges { get; init; } = [];
    public IReadOnlyList<string> DestinationRanges { get; init; } = [];
    /// <summary>Empty: the rule applies to every instance in the VPC.</summary>
    public IReadOnlyList<string> TargetTags { get; init; } = [];
    public IReadOnlyList<FirewallProtocolSpec> Allows { get; init; } = [];
    public IReadOnlyList<FirewallProtocolSpec> Denies { get; init; } = [];
    /// <summary>
    /// <c>logConfig.metadata</c>: every rule logs, since hardened organizations refuse a VPC firewall rule without
    /// logging (Cloud Foundation Fabric's <c>custom.firewallEnforceRuleLogging</c>; "Firewall Rules Logging",
    /// https://cloud.google.com/firewall/docs/firewall-rules-logging). Allow rules log without metadata (the
    /// connection only, which keeps the volume of intra-cluster traffic down); the deny rule with all of it.
    /// </summary>
    public string LogMetadata { get; init; } = ExcludeMetadata;

    /// <summary>Log the connection without VM and VPC metadata.</summary>
    public const string ExcludeMetadata = "EXCLUDE_ALL_METADATA";

    /// <summary>Log the connection with its VM and VPC metadata.</summary>
    public const string IncludeMetadata = "INCLUDE_ALL_METADATA";
}

/// <summary>One entry of <c>allows</c>/<c>denies</c>: <c>{protocol, ports}</c>; no ports means every port.</summary>
public sealed record FirewallProtocolSpec(string Protocol, IReadOnlyList<string> Ports);

/// <summary>Values of a firewall rule's <c>direction</c>.</summary>
public static class FirewallDirection
{
    public const string Ingress = "INGRESS";
    public const string Egress = "EGRESS";
}
