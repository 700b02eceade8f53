using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Control plane → node webhook rules; for <c>egress: restricted</c> the egress lock-down; every rule logged (allow
/// rules without metadata, the deny rule with it)
/// </summary>
/// <remarks>
/// See docs/gcp-layer.md, sections "Webhook ports" and "Egress modes". No rule ever has <c>0.0.0.0/0</c> as a source.
/// Hardened organizations refuse a rule without logging (<c>custom.firewallEnforceRuleLogging</c>).
/// </remarks>
public static class FirewallPlanner
{
    /// <summary>Priority of every allow rule; lower numbers win.</summary>
    public const int AllowPriority = 1000;

    /// <summary>Priority of the deny-all egress rule: below every allow, above GCP's implied allow-egress (65535).</summary>
    public const int DenyAllEgressPriority = 65000;

    /// <summary>Null for <c>provider: existing</c>.</summary>
    public static FirewallSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Provider != ClusterProvider.Gke)
        {
            return null;
        }

        var ports = WebhookPorts.For(config.Versions);
        var rules = new List<FirewallRuleSpec>();
        rules.AddRange(ports.Select(port => WebhookRule(config, port)));
        if (config.Network.Egress == EgressMode.Restricted)
        {
            rules.AddRange(RestrictedEgressRules(config));
        }

        return new FirewallSpec { WebhookPorts = ports, Rules = rules, EgressFqdnPolicy = PlanEgressFqdnPolicy(config) };
    }

    /// <summary>
    /// <c>egress: restricted</c> with JWKS hosts outside the cluster: a network firewall policy allowing the nodes
    /// egress to exactly those FQDNs on the JWKS ports. Null when <see cref="JwksEgress.For"/> is empty.
    /// </summary>
    /// <remarks>
    /// Name resolution: Cloud NGFW resolves the FQDNs through Cloud DNS for the VPC, so a private zone bound to the VPC
    /// answers for the names it covers. The registry zones of this plan (<see cref="RegistryDnsPlanner.Domains"/>, e.g.
    /// <c>googleapis.com</c>, <c>gcr.io</c>, <c>pkg.dev</c>) do not cover <c>www.gstatic.com</c> (a different
    /// domain), so it resolves to its public Google front-end addresses, which nodes reach through Private Google
    /// Access; a registry domain that covered a JWKS host would point it at the restricted VIP instead.
    /// </remarks>
    private static EgressFqdnPolicySpec? PlanEgressFqdnPolicy(PlatformConfig config)
    {
        var destinations = JwksEgress.For(config);
        if (destinations.Count == 0)
        {
            return null;
        }

        var policyName = GcpNames.Child(FirewallSpec.Component, "egress-policy");
        var hosts = destinations.Select(d => d.Host).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ports = destinations.Select(d => d.Port).Distinct().Order().Select(GcpNames.Invariant).ToList();
        return new EgressFqdnPolicySpec
        {
            Destinations = destinations,
            Policy = new NetworkFirewallPolicySpec
            {
                LogicalName = policyName,
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, "egress-policy"),
                Description = "egress: restricted. Egress the mesh needs beyond the restricted VIP, evaluated before the VPC firewall rules",
            },
            Rule = new NetworkFirewallPolicyRuleSpec
            {
                LogicalName = GcpNames.Child(FirewallSpec.Component, "egress-fqdn"),
                Project = config.ProjectId,
                FirewallPolicy = ResourceRef.Name(policyName),
                RuleName = GcpNames.Prefixed(config, "allow-egress-jwks"),
                Description = "istiod fetches JWT signing keys (JWKS) from: " +
                    string.Join("; ", destinations.Select(d => $"{d.Host}:{GcpNames.Invariant(d.Port)} ({d.Reason})")),
                Direction = FirewallDirection.Egress,
                Action = "allow",
                Priority = AllowPriority,
                // Allowed internet egress is rare here; log it like the classic deny-all rule logs what it drops.
                EnableLogging = true,
                TargetServiceAccounts = [new ResourceRef(ClusterPlanner.NodeServiceAccountName, ResourceRef.Outputs.Email)],
                DestFqdns = hosts,
                Layer4Configs = [new FirewallPolicyLayer4Spec("tcp", ports)],
            },
            Association = new NetworkFirewallPolicyAssociationSpec
            {
                LogicalName = GcpNames.Child(FirewallSpec.Component, "egress-policy-vpc"),
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, "egress-policy-vpc"),
                FirewallPolicy = ResourceRef.Id(policyName),
                AttachmentTarget = NetworkPlanner.VpcId,
            },
        };
    }

    /// <summary>Control plane (master CIDR only) -> nodes (node tag only) on one webhook port.</summary>
    private static FirewallRuleSpec WebhookRule(PlatformConfig config, WebhookPort port) => new()
    {
        LogicalName = GcpNames.Child(FirewallSpec.Component, "webhook", port.Component),
        Project = config.ProjectId,
        Name = GcpNames.Prefixed(config, $"allow-webhook-{port.Component}"),
        Description = $"GKE control plane to {port.Reason} on tcp:{GcpNames.Invariant(port.Port)}",
        Network = NetworkPlanner.VpcId,
        Direction = FirewallDirection.Ingress,
        Priority = AllowPriority,
        SourceRanges = [config.Network.MasterCidr],
        TargetTags = [config.Cluster.NodeTag],
        Allows = [new FirewallProtocolSpec("tcp", [GcpNames.Invariant(port.Port)])],
    };

    /// <summary>
    /// <c>egress: restricted</c>: deny every egress, then allow only what a private GKE node needs: 443 to the
    /// restricted VIP (Google APIs and registries), the control plane, the cluster's own ranges (pod-to-pod and
    /// node-to-pod traffic crosses the VPC firewall), and the load-balancer health-check ranges.
    /// The metadata server (169.254.169.254, DNS and tokens) is never subject to VPC firewall rules.
    /// </summary>
    private static IEnumerable<FirewallRuleSpec> RestrictedEgressRules(PlatformConfig config)
    {
        var nodeTag = config.Cluster.NodeTag;
        var network = config.Network;

        yield return new FirewallRuleSpec
        {
            LogicalName = GcpNames.Child(FirewallSpec.Component, "egress-deny-all"),
            Project = config.ProjectId,
            Name = GcpNames.Prefixed(config, "deny-all-egress"),
            Description = "egress: restricted. Deny all egress from the VPC; the allow rules above it open only what nodes need",
            Network = NetworkPlanner.VpcId,
            Direction = FirewallDirection.Egress,
            Priority = DenyAllEgressPriority,
            DestinationRanges = [GoogleRanges.AnyIpv4],
            Denies = [new FirewallProtocolSpec("all", [])],
            // Denied connections are what an operator debugs first when egress is locked down.
            LogMetadata = FirewallRuleSpec.IncludeMetadata,
        };

        yield return EgressAllow(
            config, "restricted-vip", "allow-egress-restricted-vip",
            "Nodes to restricted.googleapis.com (Google APIs and registries inside VPC Service Controls) on tcp:443",
            [GoogleRanges.RestrictedVip], nodeTag, new FirewallProtocolSpec("tcp", ["443"]));

        yield return EgressAllow(
            config, "control-plane", "allow-egress-control-plane",
            "Nodes to the GKE control plane (API server and its node-facing services)",
            [network.MasterCidr], nodeTag, new FirewallProtocolSpec("tcp", []));

        yield return EgressAllow(
            config, "intra-cluster", "allow-egress-intra-cluster",
            "Nodes and pods to the node subnet, pods and services ranges (cluster-internal traffic)",
            [network.SubnetCidr, network.PodsCidr, network.ServicesCidr], nodeTag, new FirewallProtocolSpec("all", []));

        yield return EgressAllow(
            config, "health-checks", "allow-egress-health-checks",
            "Nodes to Google load-balancer health checkers (replies a node sends for probes another node received)",
            GoogleRanges.HealthCheckRanges, nodeTag, new FirewallProtocolSpec("tcp", []));
    }

    private static FirewallRuleSpec EgressAllow(
        PlatformConfig config,
        string key,
        string purpose,
        string description,
        IReadOnlyList<string> destinations,
        string nodeTag,
        FirewallProtocolSpec allow) => new()
        {
            LogicalName = GcpNames.Child(FirewallSpec.Component, "egress", key),
            Project = config.ProjectId,
            Name = GcpNames.Prefixed(config, purpose),
            Description = description,
            Network = NetworkPlanner.VpcId,
            Direction = FirewallDirection.Egress,
            Priority = AllowPriority,
            DestinationRanges = destinations,
            TargetTags = [nodeTag],
            Allows = [allow],
        };
}
