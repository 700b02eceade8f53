using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Knative Serving's ingress settings, patched into its installed ConfigMaps (namespace knative-serving):
/// <list type="bullet">
/// <item><c>config-istio</c> <c>external-gateways</c>: bind Knative's public routes to the public HTTPS gateway
/// (<see cref="PublicHttpsGateway"/>), served by the istio-public-gateway Service (net-istio probes its pods). Without it they stay on net-istio's knative-ingress-gateway, plain HTTP on
/// port 80 — the HTTPS gateway would have no routes for <c>*.hostname</c> and the models would be served unencrypted.
/// (Seed 004 edits the gateway Knative was bound to; net-istio's new-format key; <c>local-gateways</c> keeps its
/// default. Set before any model exists: net-istio does not move existing routes to a new gateway.)</item>
/// <item><c>config-domain</c>: <c>{hostname: ""}</c>, the default domain of every route (seed 004).</item>
/// <item><c>config-network</c>: <c>domain-template</c> from <c>ingress.domainTemplate</c> — the single-level
/// <c>{{.Name}}-{{.Namespace}}.{{.Domain}}</c> keeps a <c>*.hostname</c> certificate valid (seed 004 wrote the legacy
/// key <c>domainTemplate</c>; knative.dev/networking reads <c>domain-template</c> and lets it win); and
/// <c>default-external-scheme: https</c>, so route URLs say https, as the gateway serves them.</item>
/// </list>
/// Models that are not exposed are cluster-local (<see cref="InferenceServices"/>) and get no public route at all.
/// </summary>
internal static class KnativeIngressConfig
{
    public const string IstioConfigMap = "config-istio";
    public const string DomainConfigMap = "config-domain";
    public const string NetworkConfigMap = "config-network";
    public const string ExternalGatewaysKey = "external-gateways";
    public const string DomainTemplateKey = "domain-template";
    public const string ExternalSchemeKey = "default-external-scheme";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        var externalGateways =
            $"- name: {PublicHttpsGateway.Name}\n" +
            $"  namespace: {SystemNamespaces.IstioSystem}\n" +
            $"  service: {PublicGatewayWorkload.ServiceHost}\n";
        yield return Patch(IstioConfigMap, new JsonObject { [ExternalGatewaysKey] = externalGateways });
        yield return Patch(DomainConfigMap, new JsonObject { [config.Ingress.Hostname] = "" });
        yield return Patch(NetworkConfigMap, new JsonObject
        {
            [DomainTemplateKey] = config.Ingress.DomainTemplate,
            [ExternalSchemeKey] = "https",
        });
    }

    private static KubernetesObject Patch(string name, JsonObject data) =>
        new(Manifest.New(ApiVersions.Core, "ConfigMap", name, SystemNamespaces.KnativeServing).With("data", data), ApplyMode.Patch, KubernetesObject.PlatformOwner);
}
