namespace SecureServing.Core.Config;

/// <summary>
/// <c>secure-serving:serving</c>: whether <c>pulumi up</c> installs the serving stack (Istio, cert-manager, Knative
/// Serving with net-istio, KServe) or expects it in the cluster (bring-your-own, e.g. an existing non-GKE cluster).
/// </summary>
public sealed record ServingConfig
{
    /// <summary>Default in the stack file: true with <c>cluster.provider: gke</c>, else false.</summary>
    public bool Install { get; init; }
}
