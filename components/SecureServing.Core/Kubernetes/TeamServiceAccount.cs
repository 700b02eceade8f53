using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The team's Kubernetes service account, bound to the team's Google service account through Workload Identity
/// (annotation <c>iam.gke.io/gcp-service-account</c>). Its models run as it and read the team bucket with it. Names
/// come from <see cref="TeamIdentityNames"/>, shared with the GCP plan (which grants the GSA to exactly this KSA).
/// </summary>
internal static class TeamServiceAccount
{
    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team)
    {
        var manifest = Manifest.New(ApiVersions.Core, "ServiceAccount", TeamIdentityNames.KubernetesServiceAccount(team), team.Namespace,
            annotations: [Manifest.Pair(TeamIdentityNames.GsaAnnotation, TeamIdentityNames.GsaEmail(config, team))]);
        yield return new KubernetesObject(manifest, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }
}
