using SecureServing.Core.Kubernetes;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Pulumi type tokens and logical names of the Kubernetes layer, derived only from the manifest (kind, apiVersion,
/// namespace, name) and the apply mode, so the same plan always registers the same URNs and a rendered manifest can be
/// matched to its registered resource.
/// </summary>
public static class KubernetesResourceNames
{
    /// <summary>Type token of the layer component.</summary>
    public const string LayerType = "secure-serving:kubernetes:Layer";

    /// <summary>Type token of one team's group of objects.</summary>
    public const string TeamType = "secure-serving:kubernetes:Team";

    /// <summary>Type token of the group of platform objects (shared by all teams).</summary>
    public const string PlatformType = "secure-serving:kubernetes:Platform";

    /// <summary>The component holding the platform objects: <c>&lt;layer&gt;-platform</c>.</summary>
    public static string PlatformGroup(string layerName) => $"{layerName}-platform";

    /// <summary>The component holding one team's objects: <c>&lt;layer&gt;-team-&lt;team&gt;</c> (e.g. <c>k8s-team-fraud</c>).</summary>
    public static string TeamGroup(string layerName, string team) => $"{layerName}-team-{team}";

    /// <summary>The group component name for an owner (<c>platform</c> or <c>team:&lt;name&gt;</c>).</summary>
    public static string Group(string layerName, string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (owner == KubernetesObject.PlatformOwner)
        {
            return PlatformGroup(layerName);
        }

        const string teamPrefix = "team:";
        if (owner.StartsWith(teamPrefix, StringComparison.Ordinal) && owner.Length > teamPrefix.Length)
        {
            return TeamGroup(layerName, owner[teamPrefix.Length..]);
        }

        throw new UnmappedManifestFieldException($"Unknown owner '{owner}': expected '{KubernetesObject.PlatformOwner}' or 'team:<name>'.");
    }

    /// <summary>
    /// Logical name of an object inside its group: <c>&lt;group&gt;-&lt;kind&gt;-&lt;namespace&gt;-&lt;name&gt;</c>, kind in lower case,
    /// namespace left out for cluster-scoped objects (e.g. <c>k8s-team-fraud-namespace-fraud-models</c>,
    /// <c>k8s-platform-configmap-kserve-inferenceservice-config</c>).
    /// </summary>
    public static string LogicalName(string groupName, KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = obj.Kind.ToLowerInvariant();
        return obj.Namespace is null ? $"{groupName}-{kind}-{obj.Name}" : $"{groupName}-{kind}-{obj.Namespace}-{obj.Name}";
    }

    /// <summary>
    /// The Pulumi type token the object is registered under: <c>kubernetes:core/v1:Service</c>,
    /// <c>kubernetes:networking.k8s.io/v1:Ingress</c>, <c>kubernetes:security.istio.io/v1:AuthorizationPolicy</c>;
    /// patches end in <c>Patch</c> (<c>kubernetes:core/v1:ConfigMapPatch</c>, <c>kubernetes:networking.istio.io/v1:GatewayPatch</c>).
    /// </summary>
    public static string TypeToken(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var groupVersion = obj.ApiVersion.Contains('/', StringComparison.Ordinal) ? obj.ApiVersion : $"core/{obj.ApiVersion}";
        var suffix = obj.Mode == ApplyMode.Patch ? "Patch" : "";
        return $"kubernetes:{groupVersion}:{obj.Kind}{suffix}";
    }

    /// <summary>
    /// True for kinds defined by a CustomResourceDefinition (Istio, KServe, cert-manager, GKE): any API group with a dot
    /// that is not a Kubernetes group (<c>*.k8s.io</c>). Those are registered through
    /// <c>Pulumi.Kubernetes.ApiExtensions.CustomResource</c>; built-in kinds only through their typed resources.
    /// </summary>
    public static bool IsCustomResource(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var group = obj.Group;
        return group.Contains('.', StringComparison.Ordinal)
            && !group.EndsWith(".k8s.io", StringComparison.Ordinal)
            && group != "k8s.io";
    }
}
