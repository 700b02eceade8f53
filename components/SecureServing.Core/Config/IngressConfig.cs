using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:ingress</c>: public HTTPS at the Istio ingress gateway and Knative domains (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/).</summary>
public sealed record IngressConfig
{
    public required string Hostname { get; init; }
    public IngressTls Tls { get; init; } = StackFileContract.Ingress.Tls.Default;
    /// <summary>TLS secret in istio-system; created by cert-manager or pre-existing.</summary>
    public string TlsSecret { get; init; } = StackFileContract.Ingress.TlsSecret.Default!;
    /// <summary>cert-manager ClusterIssuer for <c>tls: certManager</c>.</summary>
    public string ClusterIssuer { get; init; } = StackFileContract.Ingress.ClusterIssuer.Default!;
    /// <summary>Knative domain template; the single-level form keeps a <c>*.hostname</c> certificate valid (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/).</summary>
    public string DomainTemplate { get; init; } = StackFileContract.Ingress.DomainTemplate.Default!;
    /// <summary>Patch istio-ingressgateway to type LoadBalancer (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/); off when IAP's GKE Ingress fronts it.</summary>
    public bool LoadBalancerService { get; init; } = StackFileContract.Ingress.LoadBalancerService.Default;
}

/// <summary><c>secure-serving:ingress.tls</c>: where the public gateway's certificate comes from (cert-manager, or an existing TLS secret).</summary>
public enum IngressTls { CertManager, Secret }
