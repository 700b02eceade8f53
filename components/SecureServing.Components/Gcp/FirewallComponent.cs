using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Firewall</c>: the control plane → node webhook rules and the egress lock-down of
/// <see cref="FirewallSpec"/>, one <c>gcp:compute/firewall:Firewall</c> per rule, plus, when the spec has one, the
/// egress FQDN network firewall policy, its rule and its VPC association.
/// </summary>
public sealed class FirewallComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Firewall";

    public FirewallComponent(string name, FirewallSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        Rules = [.. spec.Rules.Select(rule =>
        {
            var firewall = new Firewall(ChildOptions.Prefixed(name, rule.LogicalName), new FirewallArgs
            {
                Project = rule.Project,
                Name = rule.Name,
                Description = rule.Description,
                Network = outputs.Resolve(rule.Network),
                Direction = rule.Direction,
                Priority = rule.Priority,
                SourceRanges = InputValues.ListOrUnset(rule.SourceRanges),
                DestinationRanges = InputValues.ListOrUnset(rule.DestinationRanges),
                TargetTags = InputValues.ListOrUnset(rule.TargetTags),
                Allows = InputValues.ListOrUnset(rule.Allows.Select(p =>
                    new FirewallAllowArgs { Protocol = p.Protocol, Ports = InputValues.ListOrUnset(p.Ports) })),
                Denies = InputValues.ListOrUnset(rule.Denies.Select(p =>
                    new FirewallDenyArgs { Protocol = p.Protocol, Ports = InputValues.ListOrUnset(p.Ports) })),
                LogConfig = new FirewallLogConfigArgs { Metadata = rule.LogMetadata },
            }, child);
            outputs.Add(rule.LogicalName, firewall, (ResourceRef.Outputs.Name, firewall.Name));
            return firewall;
        })];

        if (spec.EgressFqdnPolicy is { } egress)
        {
            var p = egress.Policy;
            var policy = new NetworkFirewallPolicy(ChildOptions.Prefixed(name, p.LogicalName), new NetworkFirewallPolicyArgs
            {
                Project = p.Project,
                Name = p.Name,
                Description = p.Description,
            }, child);
            outputs.Add(p.LogicalName, policy, (ResourceRef.Outputs.Name, policy.Name));

            var r = egress.Rule;
            var rule = new NetworkFirewallPolicyRule(ChildOptions.Prefixed(name, r.LogicalName), new NetworkFirewallPolicyRuleArgs
            {
                Project = r.Project,
                FirewallPolicy = outputs.Resolve(r.FirewallPolicy),
                RuleName = r.RuleName,
                Description = r.Description,
                Direction = r.Direction,
                Action = r.Action,
                Priority = r.Priority,
                EnableLogging = r.EnableLogging,
                TargetServiceAccounts = InputValues.ListOrUnset(r.TargetServiceAccounts.Select(outputs.Resolve)),
                Match = new NetworkFirewallPolicyRuleMatchArgs
                {
                    DestFqdns = InputValues.ListOrUnset(r.DestFqdns),
                    Layer4Configs = InputValues.ListOrUnset(r.Layer4Configs.Select(l =>
                        new NetworkFirewallPolicyRuleMatchLayer4ConfigArgs { IpProtocol = l.IpProtocol, Ports = InputValues.ListOrUnset(l.Ports) })),
                },
            }, child);
            outputs.Add(r.LogicalName, rule);

            var a = egress.Association;
            var association = new NetworkFirewallPolicyAssociation(ChildOptions.Prefixed(name, a.LogicalName), new NetworkFirewallPolicyAssociationArgs
            {
                Project = a.Project,
                Name = a.Name,
                FirewallPolicy = outputs.Resolve(a.FirewallPolicy),
                AttachmentTarget = outputs.Resolve(a.AttachmentTarget),
            }, child);
            outputs.Add(a.LogicalName, association, (ResourceRef.Outputs.Name, association.Name));

            EgressPolicy = policy;
            EgressFqdnRule = rule;
            EgressPolicyAssociation = association;
        }

        var registered = new Dictionary<string, object?>
        {
            ["rules"] = Output.All(Rules.Select(r => r.Name)),
        };
        if (spec.EgressFqdnPolicy is { } allowed)
        {
            registered["egressFqdns"] = allowed.Rule.DestFqdns.ToList();
        }

        RegisterOutputs(registered);
    }

    /// <summary>In spec order: webhook ingress rules, then egress rules.</summary>
    public IReadOnlyList<Firewall> Rules { get; }

    /// <summary>Null unless the spec has an egress FQDN policy (<c>egress: restricted</c> with external JWKS hosts).</summary>
    public NetworkFirewallPolicy? EgressPolicy { get; }
    /// <summary>The policy's EGRESS allow rule on <c>match.destFqdns</c>; null with <see cref="EgressPolicy"/>.</summary>
    public NetworkFirewallPolicyRule? EgressFqdnRule { get; }
    /// <summary>The policy's attachment to the VPC; null with <see cref="EgressPolicy"/>.</summary>
    public NetworkFirewallPolicyAssociation? EgressPolicyAssociation { get; }
}
