using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

public static class PerimeterRendering
{
    public static IEnumerable<RenderedResource> Render(this PerimeterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        if (spec.AccessPolicy is { } policy)
        {
            yield return new PropertyBag()
                .Add("parent", policy.Parent)
                .Add("title", policy.Title)
                .Resource(GcpResourceTypes.AccessPolicy, policy.LogicalName);
        }

        foreach (var level in spec.AccessLevels)
        {
            yield return new PropertyBag()
                .Add("parent", spec.PolicyId.Parent)
                .Add("name", level.FullName(spec.PolicyId))
                .Add("title", level.Title)
                .Add("basic", new PropertyBag()
                    .Add("combiningFunction", level.CombiningFunction)
                    .Add("conditions", [new PropertyBag()
                        .Add("members", level.Members)
                        .Add("ipSubnetworks", level.IpSubnetworks)]))
                .Resource(GcpResourceTypes.AccessLevel, level.LogicalName);
        }

        var p = spec.Perimeter;
        var configuration = new PropertyBag()
            .Add("resources", p.Configuration.Resources)
            .Add("restrictedServices", p.Configuration.RestrictedServices)
            .Add("accessLevels", p.Configuration.AccessLevels.Select(l => l.Rendered))
            .Add("vpcAccessibleServices", new PropertyBag()
                .Add("enableRestriction", p.Configuration.VpcAccessibleServicesRestricted)
                .Add("allowedServices", p.Configuration.VpcAllowedServices));

        yield return new PropertyBag()
            .Add("parent", spec.PolicyId.Parent)
            .Add("name", p.FullName(spec.PolicyId))
            .Add("title", p.Title)
            .Add("perimeterType", p.PerimeterType)
            .Add("useExplicitDryRunSpec", p.UseExplicitDryRunSpec)
            .Add(p.UseExplicitDryRunSpec ? "spec" : "status", configuration)
            .Resource(GcpResourceTypes.ServicePerimeter, p.LogicalName);
    }
}
