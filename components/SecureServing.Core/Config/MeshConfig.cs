using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:mesh</c>: Istio mTLS, local gateways, in-mesh JWT checks.</summary>
public sealed record MeshConfig
{
    /// <summary><c>namespace</c>: STRICT per team namespace; <c>mesh</c>: STRICT mesh-wide plus ISTIO_MUTUAL DestinationRule.</summary>
    public MtlsScope Mtls { get; init; } = StackFileContract.Mesh.Mtls.Default;
    /// <summary>KServe's dedicated local gateway; null when none.</summary>
    public LocalGatewayConfig? LocalGateway { get; init; }
    /// <summary>KServe <c>ingress.disableIstioVirtualHost</c> (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    public bool DisableIstioVirtualHost { get; init; } = StackFileContract.Mesh.DisableIstioVirtualHost.Default;
    /// <summary>TLS on Knative's knative-local-gateway: HTTPS 8081 ISTIO_MUTUAL, as KServe "Secure InferenceService with ServiceMesh" patches it (https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    public KnativeLocalGatewayTls KnativeLocalGatewayTls { get; init; } = StackFileContract.Mesh.KnativeLocalGatewayTls.Default;
    /// <summary>Whether workloads outside the mesh call InferenceServices (the hybrid setup of KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    public bool OutOfMeshCallers { get; init; } = StackFileContract.Mesh.OutOfMeshCallers.Default;
    public DexConfig? Dex { get; init; }
}

/// <summary><c>secure-serving:mesh.mtls</c>: STRICT mTLS per team namespace, or mesh-wide.</summary>
public enum MtlsScope { Namespace, Mesh }

/// <summary><c>secure-serving:mesh.knativeLocalGatewayTls</c>: Istio mTLS on Knative's <c>knative-local-gateway</c>, or none.</summary>
public enum KnativeLocalGatewayTls { IstioMutual, None }

/// <summary><c>secure-serving:mesh.localGateway</c>: KServe's own local gateway (<c>kserve-local-gateway</c>).</summary>
public sealed record LocalGatewayConfig
{
    public LocalGatewayMode Mode { get; init; } = StackFileContract.Mesh.LocalGatewayMode.Default;
    /// <summary>TLS secret in istio-system for HTTPS mode (<c>kserve-cluster-local-tls</c> in KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/), issued by cert-manager.</summary>
    public string TlsSecret { get; init; } = StackFileContract.Mesh.LocalGatewayTlsSecret.Default!;
}

/// <summary><c>mesh.localGateway.mode</c>: HTTP (port 8082), or HTTPS (port 8445) with a certificate cert-manager issues.</summary>
public enum LocalGatewayMode { Http, Https }

/// <summary>Dex as OIDC provider: RequestAuthentication + AuthorizationPolicy on claims (Istio "RequestAuthentication", https://istio.io/latest/docs/reference/config/security/request_authentication/).</summary>
public sealed record DexConfig
{
    public required string Issuer { get; init; }
    public required string JwksUri { get; init; }
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public IReadOnlyList<string> RequiredGroups { get; init; } = [];
}
