using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Access policy (only with <c>accessPolicy.create</c>, scoped to the project by default; otherwise the existing
/// <c>accessPolicy.id</c>), a basic access level per <c>accessLevels</c> entry (members, IP ranges, regions, VPC
/// networks and a device policy in one condition: a request must match all that are given), the service perimeter on
/// <c>projects/PROJECT_NUMBER</c> with its ingress and egress policies
/// </summary>
/// <remarks>
/// <c>mode: dryRun</c> writes the perimeter into <c>spec</c> with <c>useExplicitDryRunSpec: true</c> (violations are
/// logged, nothing is blocked); <c>enforced</c> writes <c>status</c>, and with <c>perimeter.dryRun</c> also the next
/// configuration into <c>spec</c> beside it (<c>dryRun.promote: true</c> makes it the status). VPC accessible services
/// are restricted to <c>RESTRICTED-SERVICES</c> plus what the cluster itself calls (container, logging, monitoring,
/// iamcredentials, sts and the registries/storage if the perimeter does not already restrict them), so enforcing the
/// perimeter does not cut the nodes off.
/// </remarks>
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
        GcpApis.ArtifactRegistry,
        GcpApis.Container,
        GcpApis.ContainerRegistry,
        GcpApis.IamCredentials,
        GcpApis.Logging,
        GcpApis.Monitoring,
        GcpApis.Storage,
        GcpApis.Sts,
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
                Scopes = perimeter.AccessPolicy.Scope,
            }
            : null;
        var policyId = createPolicy
            ? new AccessPolicyId(null, ResourceRef.Name(AccessPolicyName))
            : new AccessPolicyId(perimeter.AccessPolicy.Id, null);

        var levels = perimeter.AccessLevels.Select(level => new AccessLevelSpec
        {
            LogicalName = LevelName(level.Name),
            ShortName = level.Name,
            Title = level.Title ?? level.Name,
            CombiningFunction = "AND",
            Members = level.Members,
            IpSubnetworks = level.IpSubnetworks,
            Regions = level.Regions,
            VpcNetworkSources = [.. level.VpcNetworkSources.Select(v => new VpcNetworkSourceSpec(v.Network, v.IpRanges))],
            DevicePolicy = level.DevicePolicy is { } d
                ? new DevicePolicySpec(d.RequireScreenLock, d.RequireCorpOwned, d.RequireAdminApproval, d.EncryptedStorage ? ["ENCRYPTED"] : [],
                    [.. d.OsConstraints.Select(o => new OsConstraintSpec(GcpNames.UpperSnake(o.Os.ToString()), o.MinimumVersion))])
                : null,
        }).ToList();

        var current = Configuration(config, perimeter.RestrictedServices, [.. perimeter.AccessLevels.Select(l => l.Name)], perimeter.IngressPolicies, perimeter.EgressPolicies);
        var next = perimeter.DryRun is { } dr
            ? Configuration(config, dr.RestrictedServices ?? perimeter.RestrictedServices, dr.AccessLevels ?? [.. perimeter.AccessLevels.Select(l => l.Name)],
                dr.IngressPolicies ?? perimeter.IngressPolicies, dr.EgressPolicies ?? perimeter.EgressPolicies)
            : null;

        // dryRun: everything in spec. enforced: status, plus the next change in spec unless it is promoted.
        var (status, spec) = perimeter.Mode == PerimeterMode.DryRun
            ? (null, current)
            : next is null ? (current, null)
            : perimeter.DryRun!.Promote ? (next, null) : (current, next);

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
                Status = status,
                DryRunSpec = spec,
            },
            Protect = config.IsProduction,
        };
    }

    /// <summary>Logical name of an access level: <c>perimeter-level-&lt;name&gt;</c>.</summary>
    public static string LevelName(string level) => GcpNames.Child(PerimeterSpec.Component, "level", level);

    /// <summary>One <c>status</c> or <c>spec</c> block.</summary>
    private static PerimeterConfigurationSpec Configuration(
        PlatformConfig config, IReadOnlyList<string> restrictedServices, IReadOnlyList<string> levels,
        IReadOnlyList<IngressPolicyConfig> ingress, IReadOnlyList<EgressPolicyConfig> egress)
    {
        var restricted = restrictedServices.Distinct(StringComparer.Ordinal).ToList();
        var allowed = new List<string> { RestrictedServicesKeyword };
        allowed.AddRange(ClusterServices.Where(s => !restricted.Contains(s, StringComparer.Ordinal)));
        return new PerimeterConfigurationSpec
        {
            Resources = [$"projects/{config.ProjectNumber}"],
            RestrictedServices = restricted,
            AccessLevels = [.. levels.Select(l => ResourceRef.Name(LevelName(l)))],
            VpcAccessibleServicesRestricted = true,
            VpcAllowedServices = allowed,
            IngressPolicies = [.. ingress.Select(i => new IngressPolicySpec
            {
                Title = i.Title,
                Identities = i.Identities,
                IdentityType = i.IdentityType is { } t ? GcpNames.UpperSnake(t.ToString()) : null,
                Sources = [.. i.Sources.Select(s => new IngressSourceSpec(
                    s.AccessLevel is null || s.IsAnywhere ? null : ResourceRef.Name(LevelName(s.AccessLevel)),
                    s.IsAnywhere,
                    s.Resource))],
                Resources = i.Resources,
                Operations = Operations(i.Operations),
            })],
            EgressPolicies = [.. egress.Select(e => new EgressPolicySpec
            {
                Title = e.Title,
                Identities = e.Identities,
                IdentityType = e.IdentityType is { } t ? GcpNames.UpperSnake(t.ToString()) : null,
                Resources = e.Resources,
                Operations = Operations(e.Operations),
            })],
        };
    }

    /// <summary>Methods, else permissions, else every method (<c>*</c>); none for all services.</summary>
    private static IReadOnlyList<ApiOperationSpec> Operations(IReadOnlyList<ApiOperationConfig> operations) =>
        [.. operations.Select(o => new ApiOperationSpec(o.Service,
            o.Service == ApiOperationConfig.AllServices ? []
            : o.Methods.Count > 0 ? [.. o.Methods.Select(m => new MethodSelectorSpec(m, null))]
            : o.Permissions.Count > 0 ? [.. o.Permissions.Select(p => new MethodSelectorSpec(null, p))]
            : [new MethodSelectorSpec("*", null)]))];

}
