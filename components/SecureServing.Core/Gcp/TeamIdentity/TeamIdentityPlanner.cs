using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Team GSA; <c>roles/iam.workloadIdentityUser</c> for
/// <c>serviceAccount:PROJECT.svc.id.goog[NAMESPACE/model-serving]</c>; <c>RandomId</c> (4 bytes); bucket
/// <c>&lt;deploymentName&gt;-&lt;team&gt;-models-&lt;hex&gt;</c> in the stack's region with uniform bucket-level
/// access, public access prevention <c>enforced</c>, versioning, <c>forceDestroy: false</c>, default key
/// <c>kms.buckets</c>;
/// <c>roles/storage.objectViewer</c> on that bucket for the GSA
/// </summary>
/// <remarks>
/// Models load with the team's own identity, from a bucket inside the perimeter project that nobody can make public and
/// that a destroy never empties.
/// </remarks>
public static class TeamIdentityPlanner
{
    public const string WorkloadIdentityUserRole = "roles/iam.workloadIdentityUser";
    public const string BucketReaderRole = "roles/storage.objectViewer";

    /// <summary>One spec per team, sorted by team name.</summary>
    public static IReadOnlyList<TeamIdentitySpec> Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. config.Teams.OrderBy(t => t.Team, StringComparer.Ordinal).Select(team => PlanTeam(config, team))];
    }

    private static TeamIdentitySpec PlanTeam(PlatformConfig config, TeamConfig team)
    {
        var component = TeamIdentityNames.Component(team);
        var gsaName = GcpNames.Child(component, "gsa");
        var suffixName = GcpNames.Child(component, "bucket-suffix");
        var bucketName = GcpNames.Child(component, "bucket");
        var accountId = TeamIdentityNames.GsaAccountId(config, team);

        return new TeamIdentitySpec
        {
            Team = team.Team,
            Namespace = team.Namespace,
            Component = component,
            KubernetesServiceAccount = TeamIdentityNames.KubernetesServiceAccount(team),
            ServiceAccount = new ServiceAccountSpec
            {
                LogicalName = gsaName,
                Project = config.ProjectId,
                AccountId = accountId,
                DisplayName = $"{team.Team} model serving",
                Description = $"Identity of team {team.Team}'s models (namespace {team.Namespace}) through Workload Identity",
                Email = TeamIdentityNames.GsaEmail(config, team),
            },
            WorkloadIdentityUser = new ServiceAccountIamMemberSpec
            {
                LogicalName = GcpNames.Child(component, "workload-identity"),
                ServiceAccountId = ResourceRef.Name(gsaName),
                Role = WorkloadIdentityUserRole,
                Member = TeamIdentityNames.WorkloadIdentityMember(config, team),
            },
            BucketSuffix = new RandomIdSpec { LogicalName = suffixName, ByteLength = TeamIdentityNames.BucketSuffixBytes },
            Bucket = new BucketSpec
            {
                LogicalName = bucketName,
                Project = config.ProjectId,
                NamePrefix = TeamIdentityNames.BucketNamePrefix(config, team),
                NameSuffix = new ResourceRef(suffixName, ResourceRef.Outputs.Hex),
                Location = config.Region,
                UniformBucketLevelAccess = true,
                PublicAccessPrevention = "enforced",
                Versioning = true,
                ForceDestroy = false,
                KmsKey = KmsPlanner.BucketKey(config),
                Labels = GcpLabels.For(config, team.Team),
            },
            BucketViewer = new BucketIamMemberSpec
            {
                LogicalName = GcpNames.Child(component, "bucket-viewer"),
                Bucket = ResourceRef.Name(bucketName),
                Role = BucketReaderRole,
                Member = new ResourceRef(gsaName, ResourceRef.Outputs.Member),
            },
        };
    }
}
