using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// Knative Serving and its Istio networking layer from their release manifests (Knative publishes YAML, not charts):
/// <list type="bullet">
/// <item><c>knative-serving</c>: <c>serving-core.yaml</c> (the CRDs, the knative-serving namespace, activator,
/// autoscaler, controller, webhook and their ConfigMaps).</item>
/// <item><c>net-istio</c>: <c>net-istio.yaml</c> (its controller and webhook, <c>config-istio</c>, the
/// <c>knative-ingress-gateway</c> and <c>knative-local-gateway</c> Gateways and the <c>knative-local-gateway</c>
/// Service).</item>
/// </list>
/// The settings the platform patches into those objects (<c>config-istio</c>, <c>config-domain</c>,
/// <c>config-network</c>, the local gateway's TLS, the namespace's sidecar injection) are merged into them before they
/// are created (<see cref="ManifestOverride"/>). Under restricted egress their images come through the gcr.io mirror,
/// including the queue-proxy image Knative adds to every revision; and Knative's controller, which resolves image
/// tags to digests itself, skips the mirror's host: its pod has no credentials for Artifact Registry (the nodes
/// pull with the node service account, the controller would need its own identity).
/// </summary>
public static class KnativeReleases
{
    public const string Serving = "knative-serving";
    public const string NetIstio = "net-istio";
    public const string IngressGatewayName = "knative-ingress-gateway";
    public const string DeploymentConfigMap = "config-deployment";
    public const string SkipTagResolvingKey = "registries-skipping-tag-resolving";

    /// <summary>Knative's default for <c>registries-skipping-tag-resolving</c>, kept when the mirror's host is added.</summary>
    public const string SkipTagResolvingDefault = "kind.local,ko.local,dev.local";

    public static string ServingManifestUrl(string version) =>
        $"https://github.com/knative/serving/releases/download/knative-v{version}/serving-core.yaml";

    public static string NetIstioManifestUrl(string version) =>
        $"https://github.com/knative-extensions/net-istio/releases/download/knative-v{version}/net-istio.yaml";

    public static IEnumerable<Release> For(PlatformConfig config, ImageMirrors? mirrors, IReadOnlyDictionary<string, IReadOnlyList<KubernetesObject>> absorbed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(absorbed);
        var version = config.Versions.Knative;

        var servingOverrides = absorbed.GetValueOrDefault(Serving, []).Select(InstalledObjects.AsOverride).ToList();
        if (mirrors is not null)
        {
            servingOverrides.Add(new ManifestOverride(ApiVersions.Core, "ConfigMap", SystemNamespaces.KnativeServing, DeploymentConfigMap,
                new JsonObject { ["data"] = new JsonObject { [SkipTagResolvingKey] = $"{SkipTagResolvingDefault},{ImageMirrors.RepositoryHost(config)}" } }));
        }

        yield return new Release
        {
            Name = Serving,
            Namespace = SystemNamespaces.KnativeServing,
            Mechanism = InstallMechanism.ReleaseManifest,
            ManifestUrl = ServingManifestUrl(version),
            Version = "knative-v" + version,
            Overrides = servingOverrides,
            // Pods of an injected namespace are created only once istiod's injection webhook answers.
            DependsOn = servingOverrides.Any(InjectsSidecars) ? [IstioReleases.Istiod] : [],
        };

        yield return new Release
        {
            Name = NetIstio,
            Namespace = SystemNamespaces.KnativeServing,
            Mechanism = InstallMechanism.ReleaseManifest,
            ManifestUrl = NetIstioManifestUrl(version),
            Version = "knative-v" + version,
            Overrides = [.. absorbed.GetValueOrDefault(NetIstio, []).Select(InstalledObjects.AsOverride)],
            // Istio's CRDs and validation (its Gateways, PeerAuthentications), Knative's namespace and CRDs.
            DependsOn = [IstioReleases.Istiod, Serving],
        };
    }

    private static bool InjectsSidecars(ManifestOverride o) =>
        o.Kind == "Namespace" && (string?)o.Merge["metadata"]?["labels"]?[TeamIsolation.InjectionLabel] == "enabled";
}
