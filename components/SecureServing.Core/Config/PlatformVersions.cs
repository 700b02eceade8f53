namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:versions</c>: what the cluster runs; webhook firewall ports derive from it.</summary>
public sealed record PlatformVersions
{
    public string Istio { get; init; } = "1.30.3";
    public string Knative { get; init; } = "1.23.0";
    public string Kserve { get; init; } = "0.20.0";
    public string CertManager { get; init; } = "1.21.1";
}
