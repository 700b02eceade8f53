using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="FirewallSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class FirewallRendering
{
    public static IEnumerable<RenderedResource> Render(this FirewallSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rules = spec.Rules.Select(rule => new PropertyBag()
            .Add("project", rule.Project)
            .Add("name", rule.Name)
            .Add("description", rule.Description)
            .Add("network", rule.Network)
            .Add("direction", rule.Direction)
            .Add("priority", rule.Priority)
            .Add("sourceRanges", rule.SourceRanges)
            .Add("destinationRanges", rule.DestinationRanges)
            .Add("targetTags", rule.TargetTags)
            .Add("allows", rule.Allows.Select(Protocol))
            .Add("denies", rule.Denies.Select(Protocol))
            .Add("logConfig", new PropertyBag().Add("metadata", rule.LogMetadata))
            .Resource(GcpResourceTypes.Firewall, rule.LogicalName));
        return spec.EgressFqdnPolicy is { } policy ? rules.Concat(Render(policy)) : rules;
    }

    /// <summary>Policy, its rule, then the association with the VPC.</summary>
    private static IEnumerable<RenderedResource> Render(EgressFqdnPolicySpec spec)
    {
        var policy = spec.Policy;
        yield return new PropertyBag()
            .Add("project", policy.Project)
            .Add("name", policy.Name)
            .Add("description", policy.Description)
            .Resource(GcpResourceTypes.NetworkFirewallPolicy, policy.LogicalName);

        var rule = spec.Rule;
        yield return new PropertyBag()
            .Add("project", rule.Project)
            .Add("firewallPolicy", rule.FirewallPolicy)
            .Add("ruleName", rule.RuleName)
            .Add("description", rule.Description)
            .Add("direction", rule.Direction)
            .Add("action", rule.Action)
            .Add("priority", rule.Priority)
            .Add("enableLogging", rule.EnableLogging)
            .Add("targetServiceAccounts", rule.TargetServiceAccounts.Select(r => r.Rendered))
            .Add("match", new PropertyBag()
                .Add("destFqdns", rule.DestFqdns)
                .Add("layer4Configs", rule.Layer4Configs.Select(l => new PropertyBag()
                    .Add("ipProtocol", l.IpProtocol)
                    .Add("ports", l.Ports))))
            .Resource(GcpResourceTypes.NetworkFirewallPolicyRule, rule.LogicalName);

        var association = spec.Association;
        yield return new PropertyBag()
            .Add("project", association.Project)
            .Add("name", association.Name)
            .Add("firewallPolicy", association.FirewallPolicy)
            .Add("attachmentTarget", association.AttachmentTarget)
            .Resource(GcpResourceTypes.NetworkFirewallPolicyAssociation, association.LogicalName);
    }

    private static PropertyBag Protocol(FirewallProtocolSpec p) =>
        new PropertyBag().Add("protocol", p.Protocol).Add("ports", p.Ports);
}
