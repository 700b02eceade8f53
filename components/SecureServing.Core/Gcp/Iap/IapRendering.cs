using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="IapSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class IapRendering
{
    public static IEnumerable<RenderedResource> Render(this IapSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        yield return new PropertyBag()
            .Add("project", spec.StaticIp.Project)
            .Add("name", spec.StaticIp.Name)
            .Add("description", spec.StaticIp.Description)
            .Add("addressType", spec.StaticIp.AddressType)
            .Add("ipVersion", spec.StaticIp.IpVersion)
            .Add("labels", spec.StaticIp.Labels)
            .Resource(GcpResourceTypes.GlobalAddress, spec.StaticIp.LogicalName);

        yield return new PropertyBag()
            .Add("project", spec.Certificate.Project)
            .Add("name", spec.Certificate.Name)
            .Add("description", spec.Certificate.Description)
            .Add("type", spec.Certificate.Type)
            .Add("managed", new PropertyBag().Add("domains", spec.Certificate.Domains))
            .Resource(GcpResourceTypes.ManagedSslCertificate, spec.Certificate.LogicalName);

        foreach (var accessor in spec.Accessors)
        {
            var member = new PropertyBag()
                .Add("project", accessor.Project)
                .Add("role", accessor.Role)
                .Add("member", accessor.Member);
            if (accessor.Condition is { } condition)
            {
                member.Add("condition", new PropertyBag()
                    .Add("title", condition.Title)
                    .Add("description", condition.Description)
                    .Add("expression", condition.Expression));
            }

            yield return member.Resource(GcpResourceTypes.IapWebIamMember, accessor.LogicalName);
        }
    }
}
