using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V4;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using SecureServing.Core.ServingStack;
using CoreV1 = Pulumi.Kubernetes.Core.V1;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// <c>secure-serving:kubernetes:ServingStack</c>: every release of a <see cref="ServingStackPlan"/>, 1:1 and in plan
/// order, with the explicit Kubernetes provider:
/// <list type="bullet">
/// <item><see cref="InstallMechanism.HelmChart"/> → <c>Pulumi.Kubernetes.Helm.V4.Chart</c> (chart, version,
/// <c>repositoryOpts.repo</c> or an <c>oci://</c> reference, release name, namespace, values). Pulumi renders the chart
/// at deploy time from the repository, so previews diff each object.</item>
/// <item><see cref="InstallMechanism.ReleaseManifest"/> → <c>Pulumi.Kubernetes.Yaml.V2.ConfigFile</c> (the manifest URL).</item>
/// </list>
/// Each release waits for the releases it depends on and for the namespace the stack creates for it
/// (named by <see cref="ServingStackNames"/>), and is registered with <see cref="ReleaseTransforms.For"/>, which applies the
/// release's overrides and image mirrors to every object it renders.
/// </summary>
public sealed class ServingStackComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:kubernetes:ServingStack";

    private readonly Dictionary<string, Resource> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CoreV1.Namespace> _namespaces = new(StringComparer.Ordinal);

    public ServingStackComponent(string name, ServingStackPlan plan, Pulumi.Kubernetes.Provider provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(provider);

        foreach (var release in plan.Releases)
        {
            var dependsOn = release.DependsOn.Select(d => _releases.TryGetValue(d, out var r)
                ? r
                : throw new InvalidOperationException($"Release {release.Name} depends on {d}, which the plan orders after it.")).ToList();
            if (release.CreatesNamespace)
            {
                dependsOn.Add(Namespace(name, release.Namespace, provider, options));
            }

            var releaseOptions = new ComponentResourceOptions
            {
                Parent = this,
                Providers = { provider },
                DependsOn = Inherited(options, dependsOn),
                ResourceTransforms = { ReleaseTransforms.For(release) },
            };
            var resourceName = ServingStackNames.Release(name, release.Name);
            _releases.Add(release.Name, release.Mechanism switch
            {
                InstallMechanism.HelmChart => new Pulumi.Kubernetes.Helm.V4.Chart(resourceName, new ChartArgs
                {
                    Name = release.Name,
                    Namespace = release.Namespace,
                    Chart = release.ChartReference!,
                    Version = release.Version,
                    RepositoryOpts = release.RepositoryUrl is { } repo ? new RepositoryOptsArgs { Repo = repo } : null!,
                    Values = ReleaseValues.ToInput(release.Values),
                }, releaseOptions),
                InstallMechanism.ReleaseManifest => new Pulumi.Kubernetes.Yaml.V2.ConfigFile(resourceName, new ConfigFileArgs
                {
                    File = release.ManifestUrl!,
                }, releaseOptions),
                _ => throw new InvalidOperationException($"No Pulumi resource for {release.Mechanism}."),
            });
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["releases"] = plan.Releases.Select(r => $"{r.Name} {r.Version}").ToList(),
        });
    }

    /// <summary>The registered chart or manifest per release name.</summary>
    public IReadOnlyDictionary<string, Resource> Releases => _releases;

    /// <summary>The component's own <c>DependsOn</c> (Pulumi does not hand it down to children) plus <paramref name="extra"/>.</summary>
    private static InputList<Resource> Inherited(ComponentResourceOptions? options, IEnumerable<Resource> extra)
    {
        var list = new InputList<Resource>();
        if (options?.DependsOn is { } inherited)
        {
            list.AddRange(inherited);
        }

        foreach (var resource in extra)
        {
            list.Add(resource);
        }

        return list;
    }

    private CoreV1.Namespace Namespace(string component, string ns, Pulumi.Kubernetes.Provider provider, ComponentResourceOptions? options)
    {
        if (!_namespaces.TryGetValue(ns, out var resource))
        {
            resource = new CoreV1.Namespace(ServingStackNames.Namespace(component, ns), new NamespaceArgs
            {
                Metadata = new ObjectMetaArgs { Name = ns },
            }, new CustomResourceOptions { Parent = this, Provider = provider, DependsOn = Inherited(options, []) });
            _namespaces.Add(ns, resource);
        }

        return resource;
    }
}
