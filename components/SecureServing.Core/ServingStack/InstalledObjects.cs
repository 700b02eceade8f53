using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// Decides which objects each installed release owns, so the settings a bring-your-own stack patches into them
/// (<see cref="ApplyMode.Patch"/> objects of the platform) become install-time values of the release that creates
/// them instead: for a release manifest an override of the object, for a chart the chart values that render those
/// fields. A patch of an object no release owns stays a patch.
/// </summary>
public static class InstalledObjects
{
    /// <summary>The release that creates the object <paramref name="patch"/> targets, or null when none does.</summary>
    public static string? OwnerOf(KubernetesObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return (patch.ApiVersion, patch.Kind, patch.Namespace, patch.Name) switch
        {
            (ApiVersions.Core, "ConfigMap", SystemNamespaces.KnativeServing, KnativeIngressConfig.IstioConfigMap) => KnativeReleases.NetIstio,
            (ApiVersions.IstioNetworking, "Gateway", SystemNamespaces.KnativeServing, _) when IsNetIstioGateway(patch.Name) => KnativeReleases.NetIstio,
            (ApiVersions.Core, "Service", SystemNamespaces.IstioSystem, KnativeLocalGateway.Name) => KnativeReleases.NetIstio,
            (ApiVersions.Core, "Namespace", null, SystemNamespaces.KnativeServing) => KnativeReleases.Serving,
            (ApiVersions.Core, "ConfigMap", SystemNamespaces.KnativeServing, _) => KnativeReleases.Serving,
            (ApiVersions.Core, "ConfigMap", SystemNamespaces.Kserve, KserveIngressConfig.ConfigMapName) => KserveReleases.Resources,
            (ApiVersions.Core, "Service", SystemNamespaces.IstioSystem, var name) => IstioReleases.GatewayOwning(name),
            _ => null,
        };
    }

    /// <summary>The platform's patches the installed stack absorbs, by owning release, in plan order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<KubernetesObject>> Absorbed(PlatformConfig config, IEnumerable<KubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(objects);
        if (!config.Serving.Install)
        {
            return new Dictionary<string, IReadOnlyList<KubernetesObject>>(StringComparer.Ordinal);
        }

        return objects
            .Where(o => o.Mode == ApplyMode.Patch && OwnerOf(o) is not null)
            .GroupBy(o => OwnerOf(o)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesObject>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>Whether the installed stack takes <paramref name="obj"/> over (it is then not applied as a patch).</summary>
    public static bool IsAbsorbed(PlatformConfig config, KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(obj);
        return config.Serving.Install && obj.Mode == ApplyMode.Patch && OwnerOf(obj) is not null;
    }

    /// <summary>A patch as an override of the object it targets: every field but <c>apiVersion</c>, <c>kind</c> and the object's name.</summary>
    public static ManifestOverride AsOverride(KubernetesObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var merge = (JsonObject)patch.Manifest.DeepClone();
        merge.Remove("apiVersion");
        merge.Remove("kind");
        if (merge["metadata"] is JsonObject metadata)
        {
            metadata.Remove("name");
            metadata.Remove("namespace");
            if (metadata.Count == 0)
            {
                merge.Remove("metadata");
            }
        }

        return new ManifestOverride(patch.ApiVersion, patch.Kind, patch.Namespace, patch.Name, merge);
    }

    private static bool IsNetIstioGateway(string name) => name is KnativeLocalGateway.Name or KnativeReleases.IngressGatewayName;
}
