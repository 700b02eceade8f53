namespace SecureServing.Core.Kubernetes;

/// <summary>API versions: the newest served version of each kind in the pinned upstream releases (see <c>shared/schemas</c>).</summary>
public static class ApiVersions
{
    public const string Core = "v1";
    public const string Networking = "networking.k8s.io/v1";
    public const string Rbac = "rbac.authorization.k8s.io/v1";
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

/// <summary>
/// Istio's <c>istio-ingressgateway</c> deployment (installed with Istio, istioctl's default profile): the cluster-local
/// gateway. Knative's <c>knative-local-gateway</c> and KServe's <c>kserve-local-gateway</c> run on it; nothing public
/// does (<see cref="PublicGatewayWorkload"/>), and its Service is patched to ClusterIP.
/// </summary>
public static class IngressGatewayWorkload
{
    public const string SelectorKey = "istio";
    public const string SelectorValue = "ingressgateway";
    public const string ServiceName = "istio-ingressgateway";
    public const string ServiceHost = "istio-ingressgateway.istio-system.svc.cluster.local";
    /// <summary>Its pods' service account in istioctl's default profile: their mesh identity (<see cref="GatewayPrincipals.Local"/>).</summary>
    public const string ServiceAccount = "istio-ingressgateway-service-account";
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

/// <summary>
/// The public gateway: a second Istio gateway deployment, installed with Istio's <c>gateway</c> Helm chart as release
/// <c>istio-public-gateway</c> in istio-system (the chart names the Deployment, Service and service account after the
/// release and labels the pods <c>istio: public-gateway</c>). Only the public Gateway (<see cref="PublicHttpsGateway"/>)
/// selects it, IAP's load balancer sends to it, and its own identity is what models admit for requests from the
/// internet. Distinct pods and a distinct service account from the cluster-local gateway
/// (<see cref="IngressGatewayWorkload"/>), so the two can be told apart by principal.
/// </summary>
public static class PublicGatewayWorkload
{
    public const string SelectorKey = "istio";
    public const string SelectorValue = "public-gateway";
    public const string ServiceName = "istio-public-gateway";
    public const string ServiceHost = "istio-public-gateway.istio-system.svc.cluster.local";
    public const string ServiceAccount = "istio-public-gateway";
}

/// <summary>Mesh identities (Istio <c>source.principals</c>, trust domain <c>cluster.local</c>) of the two gateways.</summary>
public static class GatewayPrincipals
{
    public const string TrustDomain = "cluster.local";

    /// <summary><c>cluster.local/ns/istio-system/sa/istio-public-gateway</c>.</summary>
    public static string Public => Of(SystemNamespaces.IstioSystem, PublicGatewayWorkload.ServiceAccount);

    /// <summary><c>cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account</c>.</summary>
    public static string Local => Of(SystemNamespaces.IstioSystem, IngressGatewayWorkload.ServiceAccount);

    public static string Of(string ns, string serviceAccount) => $"{TrustDomain}/ns/{ns}/sa/{serviceAccount}";
}
