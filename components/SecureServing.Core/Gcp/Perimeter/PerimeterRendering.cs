using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="PerimeterSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
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
                .Add("scopes", policy.Scopes)
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
                        .Add("ipSubnetworks", level.IpSubnetworks)
                        .Add("regions", level.Regions)
                        .Add("vpcNetworkSources", level.VpcNetworkSources.Select(v => new PropertyBag()
                            .Add("vpcSubnetwork", new PropertyBag()
                                .Add("network", v.Network)
                                .Add("vpcIpSubnetworks", v.VpcIpSubnetworks))))
                        .Add("devicePolicy", level.DevicePolicy is not { } d ? null : new PropertyBag()
                            .Add("requireScreenLock", d.RequireScreenLock)
                            .Add("requireCorpOwned", d.RequireCorpOwned)
                            .Add("requireAdminApproval", d.RequireAdminApproval)
                            .Add("allowedEncryptionStatuses", d.AllowedEncryptionStatuses)
                            .Add("osConstraints", d.OsConstraints.Select(o => new PropertyBag()
                                .Add("osType", o.OsType)
                                .Add("minimumVersion", o.MinimumVersion))))]))
                .Resource(GcpResourceTypes.AccessLevel, level.LogicalName);
        }

        var p = spec.Perimeter;
        yield return new PropertyBag()
            .Add("parent", spec.PolicyId.Parent)
            .Add("name", p.FullName(spec.PolicyId))
            .Add("title", p.Title)
            .Add("perimeterType", p.PerimeterType)
            .Add("useExplicitDryRunSpec", p.UseExplicitDryRunSpec)
            .Add("status", Configuration(p.Status))
            .Add("spec", Configuration(p.DryRunSpec))
            .Resource(GcpResourceTypes.ServicePerimeter, p.LogicalName);
    }

    private static PropertyBag? Configuration(PerimeterConfigurationSpec? c) => c is null ? null : new PropertyBag()
        .Add("resources", c.Resources)
        .Add("restrictedServices", c.RestrictedServices)
        .Add("accessLevels", c.AccessLevels.Select(l => l.Rendered))
        .Add("vpcAccessibleServices", new PropertyBag()
            .Add("enableRestriction", c.VpcAccessibleServicesRestricted)
            .Add("allowedServices", c.VpcAllowedServices))
        .Add("ingressPolicies", c.IngressPolicies.Select(i => new PropertyBag()
            .Add("title", i.Title)
            .Add("ingressFrom", new PropertyBag()
                .Add("identities", i.Identities)
                .Add("identityType", i.IdentityType)
                .Add("sources", i.Sources.Select(s => new PropertyBag().Add("accessLevel", s.RenderedAccessLevel).Add("resource", s.Resource))))
            .Add("ingressTo", new PropertyBag()
                .Add("resources", i.Resources)
                .Add("operations", Operations(i.Operations)))))
        .Add("egressPolicies", c.EgressPolicies.Select(e => new PropertyBag()
            .Add("title", e.Title)
            .Add("egressFrom", new PropertyBag()
                .Add("identities", e.Identities)
                .Add("identityType", e.IdentityType))
            .Add("egressTo", new PropertyBag()
                .Add("resources", e.Resources)
                .Add("operations", Operations(e.Operations)))));

    private static IEnumerable<PropertyBag> Operations(IReadOnlyList<ApiOperationSpec> operations) => operations.Select(o => new PropertyBag()
        .Add("serviceName", o.ServiceName)
        .Add("methodSelectors", o.MethodSelectors.Select(m => new PropertyBag().Add("method", m.Method).Add("permission", m.Permission))));
}
