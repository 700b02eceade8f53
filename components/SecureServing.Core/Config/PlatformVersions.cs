using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:versions</c>: what the cluster runs; webhook firewall ports derive from it.</summary>
public sealed record PlatformVersions
{
    public string Istio { get; init; } = StackFileContract.Versions.Istio.Default!;
    public string Knative { get; init; } = StackFileContract.Versions.Knative.Default!;
    public string Kserve { get; init; } = StackFileContract.Versions.Kserve.Default!;
    public string CertManager { get; init; } = StackFileContract.Versions.CertManager.Default!;
}
