using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

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
