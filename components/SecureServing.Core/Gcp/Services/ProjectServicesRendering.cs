using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="ProjectServicesSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class ProjectServicesRendering
{
    public static IEnumerable<RenderedResource> Render(this ProjectServicesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Services.Select(s => new PropertyBag()
            .Add("project", s.Project)
            .Add("service", s.Service)
            .Add("disableOnDestroy", s.DisableOnDestroy)
            .Add("disableDependentServices", s.DisableDependentServices)
            .Resource(GcpResourceTypes.ProjectService, s.LogicalName));
    }
}
