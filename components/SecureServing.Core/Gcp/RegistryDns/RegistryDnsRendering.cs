using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="RegistryDnsSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class RegistryDnsRendering
{
    public static IEnumerable<RenderedResource> Render(this RegistryDnsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var zone in spec.Zones)
        {
            var z = zone.Zone;
            yield return new PropertyBag()
                .Add("project", z.Project)
                .Add("name", z.Name)
                .Add("dnsName", z.DnsName)
                .Add("description", z.Description)
                .Add("visibility", z.Visibility)
                .Add("privateVisibilityConfig", new PropertyBag()
                    .Add("networks", z.Networks.Select(n => new PropertyBag().Add("networkUrl", n))))
                .Add("labels", z.Labels)
                .Resource(GcpResourceTypes.ManagedZone, z.LogicalName);

            yield return Record(zone.Wildcard);
            yield return Record(zone.Apex);
        }
    }

    private static RenderedResource Record(RecordSetSpec r) => new PropertyBag()
        .Add("project", r.Project)
        .Add("managedZone", r.ManagedZone)
        .Add("name", r.Name)
        .Add("type", r.Type)
        .Add("ttl", r.Ttl)
        .Add("rrdatas", r.Rrdatas)
        .Resource(GcpResourceTypes.RecordSet, r.LogicalName);
}
