using Pulumi;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// <c>secure-serving:kubernetes:Layer</c>: registers every object of a <see cref="KubernetesPlan"/> 1:1, in plan order,
/// each with the explicit provider of <see cref="KubernetesLayerInputs.Provider"/>, under one
/// <see cref="KubernetesObjectGroup"/> per owner (<c>&lt;name&gt;-platform</c>, <c>&lt;name&gt;-team-&lt;team&gt;</c>).
/// Logical names and type tokens come from <see cref="KubernetesResourceNames"/>; ordering edges from
/// <see cref="KubernetesDependencies"/> and, for the installed serving stack, <see cref="ReadinessEdges"/>; placeholders are filled from <see cref="KubernetesLayerInputs"/>. Nothing is
/// decided here: every value is the core's manifest.
/// </summary>
public sealed class KubernetesLayer : ComponentResource
{
    private readonly Dictionary<string, Pulumi.CustomResource> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KubernetesObjectGroup> _groups = new(StringComparer.Ordinal);

    public KubernetesLayer(string name, KubernetesPlan plan, KubernetesLayerInputs inputs, ComponentResourceOptions? options = null)
        : base(KubernetesResourceNames.LayerType, name, options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(inputs);

        EnsureUnique(name, plan);
        var dependencies = KubernetesDependencies.For(plan);
        foreach (var obj in plan.Objects)
        {
            var group = Group(name, obj.Owner, inputs.Provider);
            var dependsOn = dependencies[obj.Key].Select(key => _objects.TryGetValue(key, out var dep)
                ? (Resource)dep
                : throw new InvalidOperationException($"{ManifestValues.Describe(obj)} depends on {key}, which the plan orders after it.")).ToList();
            dependsOn.AddRange(ReadinessEdges.For(inputs.ServingStack, obj).Select(release => inputs.Releases.TryGetValue(release, out var r)
                ? r
                : throw new InvalidOperationException($"{ManifestValues.Describe(obj)} waits for release {release}, which is not registered.")));
            var resource = KubernetesObjectRegistrar.Register(obj, KubernetesResourceNames.LogicalName(group.GetResourceName(), obj), inputs, new CustomResourceOptions
            {
                Parent = group,
                Provider = inputs.Provider,
                DependsOn = dependsOn,
            });
            _objects.Add(obj.Key, resource);
            group.Add(obj.Key, resource);
        }

        foreach (var group in _groups.Values)
        {
            group.Complete();
        }

        RegisterOutputs();
    }

    /// <summary>Every registered resource by <see cref="KubernetesObject.Key"/>.</summary>
    public IReadOnlyDictionary<string, Pulumi.CustomResource> Objects => _objects;

    /// <summary>The groups by owner (<c>platform</c>, <c>team:&lt;name&gt;</c>).</summary>
    public IReadOnlyDictionary<string, KubernetesObjectGroup> Groups => _groups;

    private KubernetesObjectGroup Group(string layerName, string owner, Pulumi.Kubernetes.Provider provider)
    {
        if (_groups.TryGetValue(owner, out var existing))
        {
            return existing;
        }

        var type = owner == KubernetesObject.PlatformOwner ? KubernetesResourceNames.PlatformType : KubernetesResourceNames.TeamType;
        var group = new KubernetesObjectGroup(type, KubernetesResourceNames.Group(layerName, owner), owner, new ComponentResourceOptions
        {
            Parent = this,
            Providers = { provider },
        });
        _groups.Add(owner, group);
        return group;
    }

    /// <summary>Two objects with the same key, or the same type token and logical name, would be one resource: refuse.</summary>
    private static void EnsureUnique(string layerName, KubernetesPlan plan)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in plan.Objects)
        {
            if (!keys.Add(obj.Key))
            {
                throw new InvalidOperationException($"The plan has {obj.Key} twice.");
            }

            var name = $"{KubernetesResourceNames.TypeToken(obj)}::{KubernetesResourceNames.LogicalName(KubernetesResourceNames.Group(layerName, obj.Owner), obj)}";
            if (!names.Add(name))
            {
                throw new InvalidOperationException($"{ManifestValues.Describe(obj)} gets the logical name of another object ({name}).");
            }
        }
    }
}
