using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

public static class FirewallRendering
{
    public static IEnumerable<RenderedResource> Render(this FirewallSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Rules.Select(rule => new PropertyBag()
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
            .Add("logConfig", rule.LogMetadata is null ? null : new PropertyBag().Add("metadata", rule.LogMetadata))
            .Resource(GcpResourceTypes.Firewall, rule.LogicalName));
    }

    private static PropertyBag Protocol(FirewallProtocolSpec p) =>
        new PropertyBag().Add("protocol", p.Protocol).Add("ports", p.Ports);
}
