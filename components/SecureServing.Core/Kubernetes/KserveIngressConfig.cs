using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The <c>ingress</c> entry of KServe's <c>inferenceservice-config</c> ConfigMap (namespace kserve), patched into the
/// installed ConfigMap. A patch replaces the whole <c>ingress</c> value (one JSON string), so every key KServe reads is
/// written, with KServe v0.20.0's defaults (<c>config/configmap/inferenceservice.yaml</c>) where this platform has no
/// opinion; key names are the JSON tags of <c>IngressConfig</c> in <c>pkg/apis/serving/v1beta1/configmap.go</c>.
/// KServe refuses the config without <c>ingressGateway</c>.
/// <list type="bullet">
/// <item><c>disableIstioVirtualHost</c> from <c>mesh.disableIstioVirtualHost</c> (KServe service mesh guide: lets the authorization policy
/// see the caller's namespace).</item>
/// <item><c>localGateway</c>/<c>localGatewayService</c>: KServe's dedicated local gateway when configured
/// (<see cref="LocalGateway"/>), else Knative's; <c>knativeLocalGatewayService</c> is Knative's (KServe service mesh guide).</item>
/// <item><c>ingressGateway</c>: the public HTTPS gateway (<see cref="PublicHttpsGateway"/>), the same one Knative's
/// routes are bound to (<see cref="KnativeIngressConfig"/>); <c>ingressDomain</c> the ingress hostname;
/// <c>urlScheme</c> https; <c>domainTemplate</c> the Knative template in KServe's variable names.</item>
/// </list>
/// KServe reads this ConfigMap when it reconciles; restart the KServe controller after a change (KServe service mesh guide).
/// </summary>
internal static partial class KserveIngressConfig
{
    public const string ConfigMapName = "inferenceservice-config";
    public const string IngressKey = "ingress";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        var manifest = Manifest.New(ApiVersions.Core, "ConfigMap", ConfigMapName, SystemNamespaces.Kserve)
            .With("data", new JsonObject { [IngressKey] = Ingress(config).ToJsonString(Json) });
        yield return new KubernetesObject(manifest, ApplyMode.Patch, KubernetesObject.PlatformOwner);
    }

    /// <summary>The <c>ingress</c> JSON object, keys in KServe's order.</summary>
    public static JsonObject Ingress(PlatformConfig config)
    {
        var dedicated = config.Mesh.LocalGateway is not null;
        return new JsonObject
        {
            ["enableGatewayApi"] = false,
            ["kserveIngressGateway"] = "kserve/kserve-ingress-gateway",
            ["ingressGateway"] = PublicHttpsGateway.GatewayRef,
            ["knativeLocalGatewayService"] = KnativeLocalGateway.ServiceHost,
            ["localGateway"] = dedicated ? LocalGateway.GatewayRef : KnativeLocalGateway.GatewayRef,
            ["localGatewayService"] = dedicated ? LocalGateway.ServiceHost : KnativeLocalGateway.ServiceHost,
            ["ingressDomain"] = config.Ingress.Hostname,
            ["ingressClassName"] = "istio",
            ["domainTemplate"] = KnativeDomainVariable().Replace(config.Ingress.DomainTemplate, "{{ .IngressDomain }}"),
            ["urlScheme"] = "https",
            ["disableIstioVirtualHost"] = config.Mesh.DisableIstioVirtualHost,
            ["disableIngressCreation"] = false,
            ["disableHTTPRouteTimeout"] = false,
        };
    }

    /// <summary>Knative's <c>{{.Domain}}</c> is KServe's <c>{{ .IngressDomain }}</c>.</summary>
    [GeneratedRegex(@"\{\{\s*\.Domain\s*\}\}")]
    private static partial Regex KnativeDomainVariable();
}
