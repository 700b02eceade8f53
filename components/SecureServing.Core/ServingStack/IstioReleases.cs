using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// Istio from its Helm charts (<c>https://istio-release.storage.googleapis.com/charts</c>, the repository Istio
/// publishes official releases to), in istio-system:
/// <list type="bullet">
/// <item><c>istio-base</c> (chart <c>base</c>): the CRDs and the default-revision validating webhook.</item>
/// <item><c>istiod</c>: the control plane: sidecar injection, validation, certificates, JWKS fetching. Values: the image
/// hub (through the Docker Hub mirror under restricted egress) and the trust domain <c>cluster.local</c>, which the
/// mesh policies' principals are written in.</item>
/// <item>Two gateway deployments (chart <c>gateway</c>), each with its own service account and a ClusterIP Service:
/// <c>istio-public-gateway</c> (pods <c>istio: public-gateway</c>), fronted by IAP's load balancer through container-native
/// load balancing, and <c>istio-ingressgateway</c> (pods <c>istio: ingressgateway</c>, service account
/// <c>istio-ingressgateway-service-account</c>), the cluster-local gateway. The gateway chart defaults its Service to
/// LoadBalancer, a public IP beside IAP: both are ClusterIP unless <c>ingress.loadBalancerService</c> says otherwise. The
/// Service patches the platform decides (type, NEG and BackendConfig annotations) become the chart's
/// <c>service.type</c> and <c>service.annotations</c>.</item>
/// </list>
/// Gateway pods get their proxy image from istiod's injection template, so the hub covers them too.
/// </summary>
public static class IstioReleases
{
    public const string Repository = "https://istio-release.storage.googleapis.com/charts";
    public const string Base = "istio-base";
    public const string Istiod = "istiod";
    public const string PublicGateway = PublicGatewayWorkload.ServiceName;
    public const string LocalGateway = IngressGatewayWorkload.ServiceName;
    public const string LocalGatewayServiceAccount = IngressGatewayWorkload.ServiceAccount;
    public const string TrustDomain = GatewayPrincipals.TrustDomain;

    /// <summary>The gateway release whose chart renders the Service <paramref name="serviceName"/> in istio-system.</summary>
    public static string? GatewayOwning(string serviceName) => serviceName switch
    {
        PublicGateway => PublicGateway,
        LocalGateway => LocalGateway,
        _ => null,
    };

    public static IEnumerable<Release> For(PlatformConfig config, ImageMirrors? mirrors, IReadOnlyDictionary<string, IReadOnlyList<KubernetesObject>> absorbed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(absorbed);
        var version = config.Versions.Istio;

        yield return Chart(Base, "base", version, [], []) with { CreatesNamespace = true };

        var istiod = new JsonObject();
        if (mirrors?.MirrorOf("docker.io") is { } hub)
        {
            istiod["global"] = new JsonObject { ["hub"] = $"{hub}/istio" };
        }

        istiod["meshConfig"] = new JsonObject { ["trustDomain"] = TrustDomain };
        yield return Chart(Istiod, "istiod", version, istiod, [Base]);

        yield return Gateway(PublicGateway, version, null, absorbed);
        yield return Gateway(LocalGateway, version, LocalGatewayServiceAccount, absorbed);
    }

    private static Release Gateway(string name, string version, string? serviceAccount, IReadOnlyDictionary<string, IReadOnlyList<KubernetesObject>> absorbed)
    {
        var service = new JsonObject { ["type"] = GatewayServices.ClusterIp };
        foreach (var patch in absorbed.GetValueOrDefault(name, []))
        {
            ServicePatchValues(patch, service);
        }

        var values = new JsonObject { ["service"] = service };
        if (serviceAccount is not null)
        {
            values["serviceAccount"] = new JsonObject { ["name"] = serviceAccount };
        }

        return Chart(name, "gateway", version, values, [Istiod]);
    }

    /// <summary>A Service patch as gateway chart values: <c>spec.type</c> → <c>service.type</c>, annotations → <c>service.annotations</c>.</summary>
    private static void ServicePatchValues(KubernetesObject patch, JsonObject service)
    {
        foreach (var (field, value) in patch.Manifest)
        {
            switch (field)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata":
                    foreach (var (key, meta) in value!.AsObject())
                    {
                        switch (key)
                        {
                            case "name" or "namespace":
                                break;
                            case "annotations":
                                service["annotations"] = meta!.DeepClone();
                                break;
                            default:
                                throw Unmapped(patch, $"metadata.{key}");
                        }
                    }

                    break;
                case "spec":
                    foreach (var (key, spec) in value!.AsObject())
                    {
                        service[key is "type" ? "type" : throw Unmapped(patch, $"spec.{key}")] = spec!.DeepClone();
                    }

                    break;
                default:
                    throw Unmapped(patch, field);
            }
        }
    }

    private static InvalidOperationException Unmapped(KubernetesObject patch, string field) =>
        new($"{patch.Key}: field '{field}' of the Service patch has no gateway chart value; map it in {nameof(IstioReleases)}.");

    private static Release Chart(string name, string chart, string version, JsonObject values, IReadOnlyList<string> dependsOn) =>
        Release.HelmChart(name, SystemNamespaces.IstioSystem, chart, Repository, version, values, dependsOn);
}
