using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The Services of the two Istio gateway deployments, patched (Istio's charts install them as <c>LoadBalancer</c> by
/// default: a public IP of their own, beside IAP). One patch per Service, because two patches of one Service would
/// compete for it.
/// <list type="bullet">
/// <item><c>istio-public-gateway</c> (<see cref="PublicGatewayWorkload"/>): <c>type: ClusterIP</c>, and with IAP
/// <c>cloud.google.com/neg: {"ingress": true}</c> (container-native load balancing: IAP's load balancer sends to the
/// gateway pods and health-checks them directly) and <c>cloud.google.com/backend-config</c> naming the IAP
/// BackendConfig (<see cref="IapInMesh"/>). <c>type: LoadBalancer</c> only with <c>ingress.loadBalancerService</c>
/// (seed 004; refused while IAP is on by <c>load-balancer-bypasses-iap</c>).</item>
/// <item><c>istio-ingressgateway</c> (<see cref="IngressGatewayWorkload"/>): always <c>type: ClusterIP</c>. It serves
/// only the cluster-local gateways, which must never be reachable from outside the cluster.</item>
/// </list>
/// Changing an existing Service to ClusterIP is a plain update: the API server drops the node ports and the other
/// fields that only LoadBalancer Services have.
/// </summary>
internal static class GatewayServices
{
    public const string NegAnnotation = "cloud.google.com/neg";
    public const string BackendConfigAnnotation = "cloud.google.com/backend-config";
    public const string ClusterIp = "ClusterIP";
    public const string LoadBalancer = "LoadBalancer";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        var annotations = config.Iap.Enabled
            ? new[]
            {
                Manifest.Pair(BackendConfigAnnotation, $"{{\"default\":\"{IapInMesh.BackendConfigName}\"}}"),
                Manifest.Pair(NegAnnotation, "{\"ingress\":true}"),
            }
            : [];
        yield return Patch(PublicGatewayWorkload.ServiceName, config.Ingress.LoadBalancerService ? LoadBalancer : ClusterIp, annotations);
        yield return Patch(IngressGatewayWorkload.ServiceName, ClusterIp, []);
    }

    private static KubernetesObject Patch(string service, string type, IEnumerable<KeyValuePair<string, string>> annotations) =>
        new(Manifest.New(ApiVersions.Core, "Service", service, SystemNamespaces.IstioSystem, annotations: annotations)
                .With("spec", new JsonObject { ["type"] = type }),
            ApplyMode.Patch, KubernetesObject.PlatformOwner);
}
