namespace SecureServing.Core.Gcp;

/// <summary>
/// The only project roles the node service account gets: what GKE documents as the minimum for a node
/// (write logs and metrics, read monitoring, write resource metadata) plus pulling images from Artifact Registry.
/// No Editor, no Storage Admin, no token creator: workloads use their own identity through Workload Identity.
/// </summary>
public static class NodeServiceAccountRoles
{
    public static readonly IReadOnlyList<string> Roles =
    [
        "roles/logging.logWriter",
        "roles/monitoring.metricWriter",
        "roles/monitoring.viewer",
        "roles/stackdriver.resourceMetadata.writer",
        "roles/artifactregistry.reader",
    ];
}
