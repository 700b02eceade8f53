using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>Decides the VPC Service Controls resources.</summary>
public static class PerimeterPlanner
{
    public static readonly string AccessPolicyName = GcpNames.Child(PerimeterSpec.Component, "access-policy");
    public static readonly string PerimeterName = GcpNames.Child(PerimeterSpec.Component, "service-perimeter");

    /// <summary>VPC accessible services keyword: every service the perimeter restricts.</summary>
    public const string RestrictedServicesKeyword = "RESTRICTED-SERVICES";

    /// <summary>
    /// Services the VPC must still reach even when the perimeter does not restrict them: what a private GKE node
    /// and Workload Identity call (GKE, logging, monitoring, token exchange) and the registries it pulls from.
    /// Without them, <c>vpcAccessibleServices</c> limited to <see cref="RestrictedServicesKeyword"/> would cut the
    /// cluster off once the perimeter is enforced.
    /// </summary>
    public static readonly IReadOnlyList<string> ClusterServices =
    [
        "artifactregistry.googleapis.com",
        "container.googleapis.com",
        "containerregistry.googleapis.com",
        "iamcredentials.googleapis.com",
        "logging.googleapis.com",
        "monitoring.googleapis.com",
        "storage.googleapis.com",
        "sts.googleapis.com",
    ];

    public static PerimeterSpec Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var perimeter = config.Perimeter;

        var createPolicy = perimeter.AccessPolicy.Create || perimeter.AccessPolicy.Id is null;
        var policy = createPolicy
            ? new AccessPolicySpec
            {
                LogicalName = AccessPolicyName,
                Parent = $"organizations/{config.OrganizationId}",
                Title = perimeter.AccessPolicy.Title ?? perimeter.Title,
            }
            : null;
        var policyId = createPolicy
            ? new AccessPolicyId(null, ResourceRef.Name(AccessPolicyName))
            : new AccessPolicyId(perimeter.AccessPolicy.Id, null);

        var levels = perimeter.AccessLevels.Select(level => new AccessLevelSpec
        {
            LogicalName = GcpNames.Child(PerimeterSpec.Component, "level", level.Name),
            ShortName = level.Name,
            Title = level.Title ?? level.Name,
            CombiningFunction = "AND",
            Members = level.Members,
            IpSubnetworks = level.IpSubnetworks,
        }).ToList();

        var restricted = perimeter.RestrictedServices.Distinct(StringComparer.Ordinal).ToList();
        var allowed = new List<string> { RestrictedServicesKeyword };
        allowed.AddRange(ClusterServices.Where(s => !restricted.Contains(s, StringComparer.Ordinal)));

        return new PerimeterSpec
        {
            AccessPolicy = policy,
            PolicyId = policyId,
            AccessLevels = levels,
            Perimeter = new ServicePerimeterSpec
            {
                LogicalName = PerimeterName,
                ShortName = perimeter.Name,
                Title = perimeter.Title,
                PerimeterType = "PERIMETER_TYPE_REGULAR",
                UseExplicitDryRunSpec = perimeter.Mode == PerimeterMode.DryRun,
                Configuration = new PerimeterConfigurationSpec
                {
                    Resources = [$"projects/{config.ProjectNumber}"],
                    RestrictedServices = restricted,
                    AccessLevels = [.. levels.Select(l => ResourceRef.Name(l.LogicalName))],
                    VpcAccessibleServicesRestricted = true,
                    VpcAllowedServices = allowed,
                },
            },
            Protect = config.IsProduction,
        };
    }
}
