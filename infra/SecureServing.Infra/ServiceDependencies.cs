using SecureServing.Core.Gcp;

namespace SecureServing.Infra;

/// <summary>
/// The project APIs each GCP component's resources call, so a component waits only for the services it uses (not for
/// every API) and components otherwise deploy in parallel. Only APIs the plan enables are waited for
/// (<see cref="Components.Gcp.ServicesComponent.Enabling"/>).
/// </summary>
public static class ServiceDependencies
{
    /// <summary>Component of every team (<c>team-&lt;team&gt;</c>).</summary>
    public const string Team = "team";

    private static readonly Dictionary<string, string[]> ByComponent = new(StringComparer.Ordinal)
    {
        // VPC, subnet, route, router, NAT.
        [NetworkSpec.Component] = ["compute.googleapis.com"],
        // Key ring, keys and their grants (cloudkms); the grants name the GKE and Compute Engine service agents, which
        // exist once container and compute are enabled.
        [KmsSpec.Component] = ["cloudkms.googleapis.com", "container.googleapis.com", "compute.googleapis.com"],
        [NotificationsSpec.Component] = ["pubsub.googleapis.com"],
        [BinaryAuthorizationSpec.Component] = ["binaryauthorization.googleapis.com"],
        // Node service account (iam), its project roles (cloudresourcemanager), cluster and pools (container), the
        // cluster's Binary Authorization evaluation (binaryauthorization).
        [ClusterSpec.Component] = ["iam.googleapis.com", "cloudresourcemanager.googleapis.com", "container.googleapis.com", "binaryauthorization.googleapis.com"],
        [FirewallSpec.Component] = ["compute.googleapis.com"],
        [RegistryDnsSpec.Component] = ["dns.googleapis.com"],
        [PerimeterSpec.Component] = ["accesscontextmanager.googleapis.com"],
        // Global address and managed certificate (compute), IAP web IAM (iap).
        [IapSpec.Component] = ["compute.googleapis.com", "iap.googleapis.com"],
        // Team GSA and its Workload Identity binding (iam), model bucket and its IAM (storage).
        [Team] = ["iam.googleapis.com", "storage.googleapis.com"],
    };

    /// <summary>The APIs of <paramref name="component"/> (<c>network</c>, <c>cluster</c>, …, or <see cref="Team"/>).</summary>
    public static IReadOnlyList<string> Of(string component) =>
        ByComponent.TryGetValue(component, out var apis)
            ? apis
            : throw new ArgumentException($"No service dependencies declared for component '{component}'.", nameof(component));
}
