namespace SecureServing.Core.Kubernetes;

/// <summary>API versions: the newest served version of each kind in the pinned upstream releases (see <c>shared/schemas</c>).</summary>
public static class ApiVersions
{
    public const string Core = "v1";
    public const string Networking = "networking.k8s.io/v1";
    public const string IstioSecurity = "security.istio.io/v1";
    public const string IstioNetworking = "networking.istio.io/v1";
    public const string Kserve = "serving.kserve.io/v1beta1";
    public const string CertManager = "cert-manager.io/v1";
    public const string GkeNetworking = "networking.gke.io/v1";
    /// <summary>GKE BackendConfig (ingress-gce); it has no published CRD file.</summary>
    public const string GkeBackendConfig = "cloud.google.com/v1";
}

/// <summary>Namespaces the platform components live in (installed by Istio, Knative, KServe, cert-manager).</summary>
public static class SystemNamespaces
{
    public const string IstioSystem = "istio-system";
    public const string KnativeServing = "knative-serving";
    public const string Kserve = "kserve";
    /// <summary>cert-manager's cluster resource namespace: a CA ClusterIssuer reads its secret from here.</summary>
    public const string CertManager = "cert-manager";
}

/// <summary>The Istio ingress gateway deployment (installed by Istio) that every Gateway here runs on.</summary>
public static class IngressGatewayWorkload
{
    public const string SelectorKey = "istio";
    public const string SelectorValue = "ingressgateway";
    public const string ServiceName = "istio-ingressgateway";
    public const string ServiceHost = "istio-ingressgateway.istio-system.svc.cluster.local";
    /// <summary>Istio's status port: <c>/healthz/ready</c> answers here without passing the HTTP filters.</summary>
    public const int StatusPort = 15021;
    public const string ReadinessPath = "/healthz/ready";
}

/// <summary>Knative's cluster-local gateway (net-istio): Service in istio-system, Gateway in knative-serving.</summary>
public static class KnativeLocalGateway
{
    public const string Name = "knative-local-gateway";
    public const string ServiceHost = "knative-local-gateway.istio-system.svc.cluster.local";
    /// <summary>Gateway reference as KServe's <c>localGateway</c> writes it.</summary>
    public const string GatewayRef = "knative-serving/knative-local-gateway";
}
