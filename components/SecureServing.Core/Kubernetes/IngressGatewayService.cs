using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// One patch of the installed istio-ingressgateway Service (istio-system), when anything needs changing:
/// <list type="bullet">
/// <item>IAP: <c>cloud.google.com/neg: {"ingress": true}</c> (container-native load balancing: the load balancer
/// sends to the gateway pods and health-checks them directly) and <c>cloud.google.com/backend-config</c> naming the
/// IAP BackendConfig (<see cref="IapInMesh"/>).</item>
/// <item><c>ingress.loadBalancerService</c>: <c>type: LoadBalancer</c> (seed 004).</item>
/// </list>
/// One object, because two patches of the same Service would compete for it.
/// </summary>
internal static class IngressGatewayService
{
    public const string NegAnnotation = "cloud.google.com/neg";
    public const string BackendConfigAnnotation = "cloud.google.com/backend-config";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (!config.Iap.Enabled && !config.Ingress.LoadBalancerService)
        {
            yield break;
        }

        var annotations = config.Iap.Enabled
            ? new[]
            {
                Manifest.Pair(BackendConfigAnnotation, $"{{\"default\":\"{IapInMesh.BackendConfigName}\"}}"),
                Manifest.Pair(NegAnnotation, "{\"ingress\":true}"),
            }
            : [];
        var manifest = Manifest.New(ApiVersions.Core, "Service", IngressGatewayWorkload.ServiceName, SystemNamespaces.IstioSystem, annotations: annotations);
        if (config.Ingress.LoadBalancerService)
        {
            manifest["spec"] = new JsonObject { ["type"] = "LoadBalancer" };
        }

        yield return new KubernetesObject(manifest, ApplyMode.Patch, KubernetesObject.PlatformOwner);
    }
}
