namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>team-&lt;team&gt;</c>: the team's GSA, the Workload Identity binding for its KSA, and its model bucket
/// inside the perimeter project with read access for the GSA.
/// The Workload Identity binding needs the cluster's identity pool: create the team components after the cluster.
/// </summary>
public sealed record TeamIdentitySpec
{
    /// <summary>The first part of every team's component name (<see cref="Component"/>).</summary>
    public const string ComponentPrefix = "team";

    public required string Team { get; init; }
    public required string Namespace { get; init; }
    /// <summary><c>team-&lt;team&gt;</c>.</summary>
    public required string Component { get; init; }
    /// <summary>The KSA the Kubernetes layer creates and annotates with <see cref="ServiceAccountSpec.Email"/>.</summary>
    public required string KubernetesServiceAccount { get; init; }
    public required ServiceAccountSpec ServiceAccount { get; init; }
    public required ServiceAccountIamMemberSpec WorkloadIdentityUser { get; init; }
    public required RandomIdSpec BucketSuffix { get; init; }
    public required BucketSpec Bucket { get; init; }
    public required BucketIamMemberSpec BucketViewer { get; init; }
}

/// <summary><c>gcp:serviceaccount/iAMMember:IAMMember</c>.</summary>
public sealed record ServiceAccountIamMemberSpec
{
    public required string LogicalName { get; init; }
    /// <summary>The GSA's <c>name</c> (<c>projects/P/serviceAccounts/EMAIL</c>).</summary>
    public required ResourceRef ServiceAccountId { get; init; }
    /// <summary><c>roles/iam.workloadIdentityUser</c>.</summary>
    public required string Role { get; init; }
    /// <summary><c>serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]</c>.</summary>
    public required string Member { get; init; }
}

/// <summary><c>gcp:storage/bucket:Bucket</c>.</summary>
public sealed record BucketSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The bucket <c>name</c> is <c>NamePrefix + "-" + NameSuffix</c>.</summary>
    public required string NamePrefix { get; init; }
    /// <summary>The RandomId's <c>hex</c>.</summary>
    public required ResourceRef NameSuffix { get; init; }
    /// <summary>The stack's region: data stays next to the cluster.</summary>
    public required string Location { get; init; }
    public required bool UniformBucketLevelAccess { get; init; }
    /// <summary><c>enforced</c>: no public ACL or IAM grant can ever make it public.</summary>
    public required string PublicAccessPrevention { get; init; }
    /// <summary><c>versioning.enabled</c>: an overwritten model can be restored.</summary>
    public required bool Versioning { get; init; }
    /// <summary>Always false: destroying the stack never deletes models.</summary>
    public required bool ForceDestroy { get; init; }
    /// <summary><c>encryption.defaultKmsKeyName</c> (<c>kms.buckets</c>): the key in the bucket's region; null for Google-managed encryption.</summary>
    public KmsKeyRef? KmsKey { get; init; }

    /// <summary>The rendered name, e.g. <c>ss-dev-fraud-models-${team-fraud-bucket-suffix.hex}</c>.</summary>
    public string RenderedName => $"{NamePrefix}-{NameSuffix.Rendered}";
    /// <summary>GCP labels (<see cref="GcpLabels"/>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>gcp:storage/bucketIAMMember:BucketIAMMember</c>.</summary>
public sealed record BucketIamMemberSpec
{
    public required string LogicalName { get; init; }
    /// <summary>The bucket's <c>name</c>.</summary>
    public required ResourceRef Bucket { get; init; }
    /// <summary><c>roles/storage.objectViewer</c>: serving reads models, never writes them.</summary>
    public required string Role { get; init; }
    /// <summary>The GSA's <c>member</c>.</summary>
    public required ResourceRef Member { get; init; }
}
