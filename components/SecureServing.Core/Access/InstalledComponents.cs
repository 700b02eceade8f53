using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>
/// What Istio, Knative Serving (with net-istio) and KServe install before this stack patches anything, as far as it
/// decides who reaches a model: the gateway deployment and its Services, the activator and autoscaler, net-istio's
/// Gateways, and the ConfigMaps the plan patches, with their upstream defaults. Sources: istioctl's default profile
/// (<c>istio-ingressgateway</c>, service account <c>istio-ingressgateway-service-account</c>, Service type LoadBalancer),
/// Istio's <c>gateway</c> Helm chart installed as release <c>istio-public-gateway</c> (a prerequisite of this platform:
/// pods labelled <c>istio: public-gateway</c>, service account and Service named after the release, Service type
/// LoadBalancer), knative/serving <c>config/core/deployments/{activator,autoscaler}.yaml</c>, knative-extensions/net-istio
/// <c>config/202-gateway.yaml</c>, <c>203-local-gateway.yaml</c> and <c>400-config-istio.yaml</c>, knative/serving
/// <c>config/core/configmaps/features.yaml</c>, and kserve/kserve
/// <c>config/configmap/inferenceservice.yaml</c>. The knative-serving namespace carries no <c>istio-injection</c> label
/// by default: the activator and autoscaler run without sidecars until something injects them.
/// </summary>
internal static class InstalledComponents
{
    public const string ActivatorServiceAccount = "activator";
    public const string AutoscalerServiceAccount = "controller";
    public const string ActivatorService = "activator-service";
    public const string DefaultDomain = "svc.cluster.local";
    public const string DefaultDomainTemplate = "{{.Name}}.{{.Namespace}}.{{.Domain}}";

    /// <summary>KServe v0.20.0's default <c>ingress</c> value (inferenceservice-config).</summary>
    public const string DefaultKserveIngress = """
        {
          "enableGatewayApi": false,
          "kserveIngressGateway": "kserve/kserve-ingress-gateway",
          "ingressGateway": "knative-serving/knative-ingress-gateway",
          "localGateway": "knative-serving/knative-local-gateway",
          "localGatewayService": "knative-local-gateway.istio-system.svc.cluster.local",
          "ingressDomain": "example.com",
          "ingressClassName": "istio",
          "domainTemplate": "{{ .Name }}-{{ .Namespace }}.{{ .IngressDomain }}",
          "urlScheme": "http",
          "disableIstioVirtualHost": false,
          "disableIngressCreation": false,
          "disableHTTPRouteTimeout": false
        }
        """;

    private const string Objects = """
        [
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "istio-system"}},
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "knative-serving", "labels": {"app.kubernetes.io/name": "knative-serving"}}},
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kserve"}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "istio-ingressgateway", "namespace": "istio-system"},
           "spec": {"template": {"metadata": {
               "labels": {"app": "istio-ingressgateway", "istio": "ingressgateway", "sidecar.istio.io/inject": "true"},
               "annotations": {"inject.istio.io/templates": "gateway"}},
             "spec": {"serviceAccountName": "istio-ingressgateway-service-account"}}}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "istio-public-gateway", "namespace": "istio-system"},
           "spec": {"template": {"metadata": {
               "labels": {"app": "istio-public-gateway", "istio": "public-gateway", "sidecar.istio.io/inject": "true"},
               "annotations": {"inject.istio.io/templates": "gateway"}},
             "spec": {"serviceAccountName": "istio-public-gateway"}}}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "istio-public-gateway", "namespace": "istio-system"},
           "spec": {"type": "LoadBalancer", "selector": {"app": "istio-public-gateway", "istio": "public-gateway"},
             "ports": [{"name": "status-port", "port": 15021, "targetPort": 15021},
                       {"name": "http2", "port": 80, "targetPort": 80},
                       {"name": "https", "port": 443, "targetPort": 443}]}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "istio-ingressgateway", "namespace": "istio-system"},
           "spec": {"type": "LoadBalancer", "selector": {"app": "istio-ingressgateway", "istio": "ingressgateway"},
             "ports": [{"name": "status-port", "port": 15021, "targetPort": 15021},
                       {"name": "http2", "port": 80, "targetPort": 8080},
                       {"name": "https", "port": 443, "targetPort": 8443}]}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "knative-local-gateway", "namespace": "istio-system",
             "labels": {"experimental.istio.io/disable-gateway-port-translation": "true"}},
           "spec": {"type": "ClusterIP", "selector": {"istio": "ingressgateway"},
             "ports": [{"name": "http2", "port": 80, "targetPort": 8081}, {"name": "https", "port": 443, "targetPort": 8444}]}},
          {"apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": {"name": "knative-ingress-gateway", "namespace": "knative-serving"},
           "spec": {"selector": {"istio": "ingressgateway"}, "servers": [{"port": {"number": 80, "name": "http", "protocol": "HTTP"}, "hosts": ["*"]}]}},
          {"apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": {"name": "knative-local-gateway", "namespace": "knative-serving"},
           "spec": {"selector": {"istio": "ingressgateway"}, "servers": [{"port": {"number": 8081, "name": "http", "protocol": "HTTP"}, "hosts": ["*"]}]}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "activator", "namespace": "knative-serving"},
           "spec": {"template": {"metadata": {"labels": {"app": "activator", "role": "activator"}}, "spec": {"serviceAccountName": "activator"}}}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "activator-service", "namespace": "knative-serving"},
           "spec": {"type": "ClusterIP", "selector": {"app": "activator"},
             "ports": [{"name": "http-metrics", "port": 9090, "targetPort": 9090}, {"name": "http", "port": 80, "targetPort": 8012}, {"name": "http2", "port": 81, "targetPort": 8013}]}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "autoscaler", "namespace": "knative-serving"},
           "spec": {"template": {"metadata": {"labels": {"app": "autoscaler"}}, "spec": {"serviceAccountName": "controller"}}}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config-istio", "namespace": "knative-serving"}, "data": {}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config-domain", "namespace": "knative-serving"}, "data": {}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config-network", "namespace": "knative-serving"}, "data": {}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config-features", "namespace": "knative-serving"}, "data": {}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "inferenceservice-config", "namespace": "kserve"}, "data": {}}
        ]
        """;

    private static readonly JsonArray Parsed = ParseOnce();

    /// <summary>A fresh copy of every installed object.</summary>
    public static IEnumerable<ClusterObject> All() =>
        Parsed.Select(node => new ClusterObject((JsonObject)node!.DeepClone(), ObjectOrigin.Installed));

    private static JsonArray ParseOnce()
    {
        var array = JsonNode.Parse(Objects)!.AsArray();
        foreach (var manifest in array.OfType<JsonObject>().Where(m => Json.Str(m, "metadata", "name") == "inferenceservice-config"))
        {
            manifest["data"]!["ingress"] = DefaultKserveIngress;
        }

        return array;
    }
}
