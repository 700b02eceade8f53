using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>Decides which project APIs the stack enables.</summary>
public static class RequiredServices
{
    /// <summary>APIs every stack needs, whatever the cluster provider.</summary>
    private static readonly string[] Always =
    [
        // Networks, firewalls, global address and managed certificate for IAP.
        "compute.googleapis.com",
        // VPC Service Controls (seed 002 enables it in the project).
        "accesscontextmanager.googleapis.com",
        // Registries nodes pull from, through the restricted VIP.
        "artifactregistry.googleapis.com",
        // Service accounts and their IAM bindings.
        "iam.googleapis.com",
        // Workload Identity: KSA tokens are exchanged (sts) for GSA access tokens (iamcredentials).
        "iamcredentials.googleapis.com",
        "sts.googleapis.com",
        // Project-level IAM members.
        "cloudresourcemanager.googleapis.com",
        // Team model buckets.
        "storage.googleapis.com",
        // What the node service account writes to.
        "logging.googleapis.com",
        "monitoring.googleapis.com",
    ];

    public static ProjectServicesSpec Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        var services = new List<string>(Always);
        if (config.Cluster.Provider == ClusterProvider.Gke)
        {
            services.Add("container.googleapis.com");
            // Private registry zones bound to the stack's VPC.
            services.Add("dns.googleapis.com");
        }

        if (config.Iap.Enabled)
        {
            services.Add("iap.googleapis.com");
        }

        // Keys the stack creates (secrets and boot-disk encryption).
        if (KmsPlanner.Plan(config) is not null)
        {
            services.Add("cloudkms.googleapis.com");
        }

        // The project's Binary Authorization policy, evaluated by the cluster.
        if (config.BinaryAuthorization.Mode != BinaryAuthorizationMode.Disabled)
        {
            services.Add("binaryauthorization.googleapis.com");
        }

        // The cluster notifications topic.
        if (NotificationsPlanner.Plan(config) is not null)
        {
            services.Add("pubsub.googleapis.com");
        }

        return new ProjectServicesSpec
        {
            Services =
            [
                .. services.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(service => new ProjectServiceSpec
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
}
