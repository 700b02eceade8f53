using Pulumi;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// The objects of one owner: <c>secure-serving:kubernetes:Platform</c> for the platform objects shared by all teams,
/// <c>secure-serving:kubernetes:Team</c> (<c>&lt;layer&gt;-team-&lt;team&gt;</c>) for one team's. A preview then shows
/// each team's changes under its own node, and adding a team adds exactly one group.
/// </summary>
public sealed class KubernetesObjectGroup : ComponentResource
{
    private readonly Dictionary<string, Pulumi.CustomResource> _objects = new(StringComparer.Ordinal);

    internal KubernetesObjectGroup(string type, string name, string owner, ComponentResourceOptions options)
        : base(type, name, options)
    {
        Owner = owner;
    }

    /// <summary><c>platform</c> or <c>team:&lt;name&gt;</c>.</summary>
    public string Owner { get; }

    /// <summary>The registered resources of this group by <see cref="SecureServing.Core.Kubernetes.KubernetesObject.Key"/>.</summary>
    public IReadOnlyDictionary<string, Pulumi.CustomResource> Objects => _objects;

    internal void Add(string key, Pulumi.CustomResource resource) => _objects.Add(key, resource);

    internal void Complete() => RegisterOutputs();
}
