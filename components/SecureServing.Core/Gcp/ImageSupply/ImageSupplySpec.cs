namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>image-supply</c>: images inside the perimeter with no copy step. One Artifact Registry remote
/// repository per proxied registry (<see cref="ServingStack.ImageMirrors.Upstreams"/>) in the stack's project and region,
/// read access for the node service account only, and the project's Artifact Registry VPC Service Controls setting
/// for the region: remote repositories inside a perimeter may fetch from upstreams outside it only when it is
/// <c>ALLOW</c> ("gcloud artifacts vpcsc-config allow", https://cloud.google.com/sdk/gcloud/reference/artifacts/vpcsc-config/allow;
/// Artifact Registry: "Create remote repositories", https://cloud.google.com/artifact-registry/docs/repositories/remote-repo).
/// The nodes reach the repositories at <c>REGION-docker.pkg.dev</c> through the restricted VIP (the <c>pkg.dev</c>
/// private zone), inside the perimeter. Only for a stack that installs the serving stack on GKE under
/// <c>network.egress: restricted</c>.
/// </summary>
public sealed record ImageSupplySpec
{
    public const string Component = "image-supply";

    /// <summary>In <see cref="ServingStack.ImageMirrors.Upstreams"/> order.</summary>
    public required IReadOnlyList<RemoteRepositorySpec> Repositories { get; init; }

    /// <summary>Per repository: <c>roles/artifactregistry.reader</c> for the node service account.</summary>
    public required IReadOnlyList<RepositoryIamMemberSpec> Readers { get; init; }

    /// <summary>
    /// Pulumi <c>deleteBeforeReplace</c> on the repositories: a repository keeps its id (the image paths the cluster
    /// pulls), and a change Artifact Registry cannot make in place (its <c>kmsKeyName</c>, its upstream) replaces it, which
    /// with the same id works only by deleting the old one first. They are caches: the new one fills again on the next pull.
    /// </summary>
    public bool DeleteBeforeReplace => true;

    /// <summary>Null when the perimeter does not restrict <c>artifactregistry.googleapis.com</c> (nothing to allow).</summary>
    public VpcscConfigSpec? VpcscConfig { get; init; }
}

/// <summary><c>gcp:artifactregistry/repository:Repository</c> in <c>REMOTE_REPOSITORY</c> mode, format <c>DOCKER</c>.</summary>
public sealed record RemoteRepositorySpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The stack's region, next to the cluster.</summary>
    public required string Location { get; init; }
    /// <summary><c>&lt;deploymentName&gt;-&lt;key&gt;</c>, e.g. <c>ss-dev-quay-io</c>.</summary>
    public required string RepositoryId { get; init; }
    public required string Description { get; init; }
    public required string Format { get; init; }
    public required string Mode { get; init; }
    /// <summary><c>remoteRepositoryConfig.description</c>: the upstream.</summary>
    public required string UpstreamDescription { get; init; }
    /// <summary><c>remoteRepositoryConfig.dockerRepository.publicRepository</c> (<c>DOCKER_HUB</c>), or null.</summary>
    public string? PublicRepository { get; init; }
    /// <summary><c>remoteRepositoryConfig.dockerRepository.customRepository.uri</c>, or null.</summary>
    public string? CustomUri { get; init; }
    /// <summary><c>kmsKeyName</c> (<c>kms.images</c>): the key in the repository's region; null for Google-managed encryption.</summary>
    public KmsKeyRef? KmsKey { get; init; }
    /// <summary>GCP labels (<see cref="GcpLabels"/>).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}

/// <summary><c>gcp:artifactregistry/repositoryIamMember:RepositoryIamMember</c>.</summary>
public sealed record RepositoryIamMemberSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Location { get; init; }
    /// <summary>The repository's <c>name</c>.</summary>
    public required ResourceRef Repository { get; init; }
    /// <summary><c>roles/artifactregistry.reader</c>.</summary>
    public required string Role { get; init; }
    /// <summary>The node service account's <c>member</c>.</summary>
    public required ResourceRef Member { get; init; }
}

/// <summary><c>gcp:artifactregistry/vpcscConfig:VpcscConfig</c>: the per-project, per-location setting (it always exists; the resource adopts it).</summary>
public sealed record VpcscConfigSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Location { get; init; }
    /// <summary><c>ALLOW</c>: remote repositories inside the perimeter may fetch from upstreams outside it.</summary>
    public required string VpcscPolicy { get; init; }
}
