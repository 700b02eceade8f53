namespace SecureServing.Core.Gcp;

/// <summary>
/// Cloud NGFW global network firewall policy that lets the nodes reach the JWKS hosts of <see cref="JwksEgress"/>
/// under <c>egress: restricted</c>: one EGRESS <c>allow</c> rule matching <c>destFqdns</c> on the JWKS ports only,
/// attached to the VPC, which evaluates it before the classic VPC firewall rules
/// (<see cref="VpcSpec.NetworkFirewallPolicyEnforcementOrder"/> = <c>BEFORE_CLASSIC_FIREWALL</c>), so the classic
/// deny-all egress rule never sees that traffic; every other packet falls through the policy's implied
/// <c>goto_next</c> rules to the classic rules unchanged.
/// </summary>
/// <remarks>
/// FQDN objects are a Cloud NGFW Standard feature of compute firewall policies (Compute Engine API, already enabled);
/// they need no <c>networksecurity.googleapis.com</c> (that is for Cloud NGFW Enterprise endpoints and security profiles).
/// Cloud NGFW resolves each FQDN periodically through Cloud DNS in the VPC's name-resolution order (private zones
/// and response policies bound to the VPC included), the same answers the nodes get from the metadata server.
/// </remarks>
public sealed record EgressFqdnPolicySpec
{
    /// <summary>Why each FQDN is allowed (sorted by host, port).</summary>
    public required IReadOnlyList<JwksDestination> Destinations { get; init; }
    public required NetworkFirewallPolicySpec Policy { get; init; }
    public required NetworkFirewallPolicyRuleSpec Rule { get; init; }
    public required NetworkFirewallPolicyAssociationSpec Association { get; init; }
}

/// <summary><c>gcp:compute/networkFirewallPolicy:NetworkFirewallPolicy</c> (global).</summary>
public sealed record NetworkFirewallPolicySpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
}

/// <summary><c>gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule</c>.</summary>
public sealed record NetworkFirewallPolicyRuleSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The policy's <c>name</c>.</summary>
    public required ResourceRef FirewallPolicy { get; init; }
    public required string RuleName { get; init; }
    public required string Description { get; init; }
    /// <summary><see cref="FirewallDirection.Egress"/>.</summary>
    public required string Direction { get; init; }
    /// <summary><c>allow</c>.</summary>
    public required string Action { get; init; }
    public required int Priority { get; init; }
    public required bool EnableLogging { get; init; }
    /// <summary>The node service account's <c>email</c>: the rule applies to the cluster's nodes (and their pods) only.</summary>
    public required IReadOnlyList<ResourceRef> TargetServiceAccounts { get; init; }
    /// <summary><c>match.destFqdns</c>: host names only, sorted, no scheme, port or path.</summary>
    public required IReadOnlyList<string> DestFqdns { get; init; }
    /// <summary><c>match.layer4Configs</c>.</summary>
    public required IReadOnlyList<FirewallPolicyLayer4Spec> Layer4Configs { get; init; }
}

/// <summary>One entry of <c>match.layer4Configs</c>: <c>{ipProtocol, ports}</c>.</summary>
public sealed record FirewallPolicyLayer4Spec(string IpProtocol, IReadOnlyList<string> Ports);

/// <summary><c>gcp:compute/networkFirewallPolicyAssociation:NetworkFirewallPolicyAssociation</c>.</summary>
public sealed record NetworkFirewallPolicyAssociationSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    /// <summary>The policy's <c>id</c>.</summary>
    public required ResourceRef FirewallPolicy { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef AttachmentTarget { get; init; }
}

/// <summary>Values of a VPC's <c>networkFirewallPolicyEnforcementOrder</c>.</summary>
public static class FirewallPolicyEnforcementOrder
{
    /// <summary>Network firewall policies first, then classic VPC firewall rules.</summary>
    public const string BeforeClassicFirewall = "BEFORE_CLASSIC_FIREWALL";
}
