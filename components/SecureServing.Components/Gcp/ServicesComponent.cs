using Pulumi;
using Pulumi.Gcp.Projects;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Services</c>: one <c>gcp:projects/service:Service</c> per API of <see cref="ProjectServicesSpec"/>.
/// Other components depend on the few APIs they use (<see cref="Enabling"/>), not on the whole component.
/// </summary>
public sealed class ServicesComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Services";

    private readonly Dictionary<string, Service> _byApi = new(StringComparer.Ordinal);

    public ServicesComponent(string name, ProjectServicesSpec spec, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var s in spec.Services)
        {
            _byApi[s.Service] = new Service(ChildOptions.Prefixed(name, s.LogicalName), new ServiceArgs
            {
                Project = s.Project,
                ServiceName = s.Service,
                DisableOnDestroy = s.DisableOnDestroy,
                DisableDependentServices = s.DisableDependentServices,
            }, ChildOptions.For(this, options));
        }

        Services = [.. _byApi.Values];
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["services"] = Output.All(Services.Select(s => s.ServiceName)),
        });
    }

    /// <summary>Every enabled API, in spec order.</summary>
    public IReadOnlyList<Service> Services { get; }

    /// <summary>
    /// The services enabling <paramref name="apis"/> (e.g. <c>compute.googleapis.com</c>), for <c>DependsOn</c>.
    /// APIs this stack does not enable are skipped: the spec decides which APIs exist.
    /// </summary>
    public IReadOnlyList<Resource> Enabling(params string[] apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        return [.. apis.Distinct(StringComparer.Ordinal).Where(_byApi.ContainsKey).Select(api => (Resource)_byApi[api])];
    }
}
