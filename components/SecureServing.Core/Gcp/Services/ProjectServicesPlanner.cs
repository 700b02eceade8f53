using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// <c>gcp:projects/service:Service</c> per API: compute, container, dns, accesscontextmanager, iap, artifactregistry,
/// iam, iamcredentials, sts, cloudresourcemanager, storage, logging, monitoring, cloudkms, binaryauthorization, pubsub
/// </summary>
/// <remarks>
/// <para>Decides which project APIs the stack enables, and which of them each GCP component's resources call, so that a
/// component waits only for the services it uses (not for every API) and components otherwise deploy in parallel. Both
/// come from one table, one row per API: why the stack needs it, when it is enabled, who calls it.</para>
/// <para>Every other component needs them. <c>disableOnDestroy: false</c>: destroying a stack never switches off an API
/// other workloads in the project use. container and dns only for <c>cluster.provider: gke</c>, iap only when IAP is
/// enabled, cloudkms only when the stack creates a key, binaryauthorization unless it is <c>disabled</c>, pubsub only
/// with cluster notifications.</para>
/// </remarks>
public static class ProjectServicesPlanner
{
    private static readonly Func<PlatformConfig, bool> Always = _ => true;
    private static readonly Func<PlatformConfig, bool> OnGke = config => config.Cluster.Provider == ClusterProvider.Gke;

    private static readonly ProjectApi[] Apis =
    [
        // Networks, firewalls, routes and NAT; the IAP global address and managed certificate; the boot-disk key's
        // grant names the Compute Engine service agent, which exists once compute is enabled.
        new(GcpApis.Compute, Always, [NetworkSpec.Component, FirewallSpec.Component, IapSpec.Component, KmsSpec.Component]),
        // VPC Service Controls: the access policy, its levels and the perimeter.
        new(GcpApis.AccessContextManager, Always, [PerimeterSpec.Component]),
        // Registries nodes pull from, through the restricted VIP; the image-supply remote repositories, their IAM and
        // the Artifact Registry VPC-SC setting.
        new(GcpApis.ArtifactRegistry, Always, [ImageSupplySpec.Component, KmsSpec.Component]),
        // Service accounts and their IAM bindings: the node service account, each team's GSA and Workload Identity binding.
        new(GcpApis.Iam, Always, [ClusterSpec.Component, TeamIdentitySpec.ComponentPrefix]),
        // Workload Identity at run time: KSA tokens are exchanged (sts) for GSA access tokens (iamcredentials).
        new(GcpApis.IamCredentials, Always, []),
        new(GcpApis.Sts, Always, []),
        // Project-level IAM members (the node service account's roles).
        new(GcpApis.CloudResourceManager, Always, [ClusterSpec.Component]),
        // Team model buckets and their IAM.
        new(GcpApis.Storage, Always, [TeamIdentitySpec.ComponentPrefix, KmsSpec.Component]),
        // What the node service account writes to.
        new(GcpApis.Logging, Always, []),
        new(GcpApis.Monitoring, Always, []),
        // The cluster and its node pools; the secrets key's grant names the GKE service agent.
        new(GcpApis.Container, OnGke, [ClusterSpec.Component, KmsSpec.Component]),
        // Private registry zones bound to the stack's VPC.
        new(GcpApis.Dns, OnGke, [RegistryDnsSpec.Component]),
        // IAP web IAM (the accessors of the team paths).
        new(GcpApis.Iap, config => config.Iap.Enabled, [IapSpec.Component]),
        // Keys the stack creates (secrets, boot disks, buckets, notifications, image caches), and their grants.
        new(GcpApis.CloudKms, KmsPlanner.Creates, [KmsSpec.Component]),
        // The project's Binary Authorization policy, and the cluster's evaluation of it.
        new(GcpApis.BinaryAuthorization, config => config.BinaryAuthorization.Mode != BinaryAuthorizationMode.Disabled,
            [BinaryAuthorizationSpec.Component, ClusterSpec.Component]),
        // The cluster notifications topic.
        new(GcpApis.PubSub, NotificationsPlanner.Creates, [NotificationsSpec.Component, KmsSpec.Component]),
    ];

    public static ProjectServicesSpec Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        return new ProjectServicesSpec
        {
            Services =
            [
                .. Apis.Where(api => api.EnabledWhen(config)).Select(api => api.Service).Order(StringComparer.Ordinal).Select(service => new ProjectServiceSpec
                {
                    LogicalName = GcpNames.Child(ProjectServicesSpec.Component, service.Split('.')[0]),
                    Project = config.ProjectId,
                    Service = service,
                    DisableOnDestroy = false,
                    DisableDependentServices = false,
                }),
            ],
        };
    }

    /// <summary>
    /// The APIs the resources of <paramref name="component"/> call (<c>network</c>, <c>cluster</c>, …, or
    /// <see cref="TeamIdentitySpec.ComponentPrefix"/> for every team), whether or not the plan enables them: a
    /// component waits only for those the plan enables (a cluster under <c>binaryAuthorization.mode: disabled</c>
    /// does not wait for Binary Authorization).
    /// </summary>
    public static IReadOnlyList<string> ApisCalledBy(string component)
    {
        var apis = Apis.Where(api => api.CalledBy.Contains(component, StringComparer.Ordinal)).Select(api => api.Service).ToList();
        return apis.Count > 0
            ? apis
            : throw new ArgumentException($"No project APIs declared for component '{component}'.", nameof(component));
    }

    /// <param name="Service">e.g. <c>compute.googleapis.com</c>.</param>
    /// <param name="EnabledWhen">Whether the stack enables the API.</param>
    /// <param name="CalledBy">The components whose resources call it (none for APIs used only at run time).</param>
    private sealed record ProjectApi(string Service, Func<PlatformConfig, bool> EnabledWhen, IReadOnlyList<string> CalledBy);
}
