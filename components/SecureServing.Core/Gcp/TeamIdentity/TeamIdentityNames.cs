using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// The one place that names a team's identities, used by the GCP plan (GSA, Workload Identity binding, bucket) and by
/// the Kubernetes layer (the KSA it creates and annotates, the serviceAccountName of the team's InferenceServices),
/// so both layers always agree.
/// </summary>
public static class TeamIdentityNames
{
    /// <summary>KSA annotation that binds a Kubernetes service account to a Google service account.</summary>
    public const string GsaAnnotation = "iam.gke.io/gcp-service-account";

    /// <summary>Random bytes of the bucket name suffix (8 hex characters).</summary>
    public const int BucketSuffixBytes = 4;

    /// <summary>The team's Kubernetes service account in its namespace; its models run (and load from the bucket) as it.</summary>
    public static string KubernetesServiceAccount(TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return "model-serving";
    }

    /// <summary>The team's GSA id: <c>&lt;deploymentName&gt;-&lt;team&gt;</c>, shortened with a hash past 30 characters.</summary>
    public static string GsaAccountId(PlatformConfig config, TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(team);
        return GcpNames.ServiceAccountId($"{config.DeploymentName}-{team.Team}");
    }

    /// <summary>The value of <see cref="GsaAnnotation"/> on the team's KSA: <c>ID@PROJECT.iam.gserviceaccount.com</c>.</summary>
    public static string GsaEmail(PlatformConfig config, TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(config);
        return GcpNames.ServiceAccountEmail(GsaAccountId(config, team), config.ProjectId);
    }

    /// <summary>The IAM member of the team's KSA: <c>serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]</c>.</summary>
    public static string WorkloadIdentityMember(PlatformConfig config, TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return $"serviceAccount:{GcpNames.WorkloadPool(config)}[{team.Namespace}/{KubernetesServiceAccount(team)}]";
    }

    /// <summary>
    /// The part of the model bucket name known before deploy, <c>&lt;deploymentName&gt;-&lt;team&gt;-models</c>; the full
    /// name appends <c>-</c> and the hex of a Pulumi RandomId (bucket names are global).
    /// </summary>
    public static string BucketNamePrefix(PlatformConfig config, TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(team);
        // 63 characters at most, minus "-" and the 8 hex characters of the suffix.
        return GcpNames.Bounded(GcpNames.Kebab($"{config.DeploymentName}-{team.Team}-models"), 63 - 1 - (BucketSuffixBytes * 2));
    }

    /// <summary>The Pulumi component of the team, <c>team-&lt;team&gt;</c>; prefix of its children's logical names.</summary>
    public static string Component(TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return GcpNames.Child(TeamIdentitySpec.ComponentPrefix, team.Team);
    }
}
