namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>perimeter</c>: VPC Service Controls around the project: the access policy (created, or an
/// existing one: there is one per organization), basic access levels, and the service perimeter.
/// </summary>
public sealed record PerimeterSpec
{
    public const string Component = "perimeter";

    /// <summary>Only when the config asks to create the policy; null when an existing policy id is used.</summary>
    public AccessPolicySpec? AccessPolicy { get; init; }
    /// <summary>The policy every level and the perimeter live in.</summary>
    public required AccessPolicyId PolicyId { get; init; }
    public required IReadOnlyList<AccessLevelSpec> AccessLevels { get; init; }
    public required ServicePerimeterSpec Perimeter { get; init; }
    /// <summary>Pulumi <c>protect</c> for the policy, levels and perimeter (true in production).</summary>
    public required bool Protect { get; init; }
}

/// <summary>
/// An access policy id: either <see cref="Existing"/> (config <c>accessPolicy.id</c>) or the <c>name</c> output of the
/// policy this stack creates (<see cref="Created"/>; the AccessPolicy's <c>name</c> is its numeric id). Exactly one is
/// set. A component builds <c>parent</c> as <c>accessPolicies/{id}</c> from whichever is set, and level and perimeter
/// names as <c>{parent}/accessLevels/{ShortName}</c> and <c>{parent}/servicePerimeters/{ShortName}</c>.
/// </summary>
public sealed record AccessPolicyId(string? Existing, ResourceRef? Created)
{
    /// <summary><c>accessPolicies/ID</c>, the <c>parent</c> of levels and perimeters.</summary>
    public string Parent => "accessPolicies/" + (Existing ?? Created!.Rendered);
}

/// <summary><c>gcp:accesscontextmanager/accessPolicy:AccessPolicy</c>.</summary>
public sealed record AccessPolicySpec
{
    public required string LogicalName { get; init; }
    /// <summary><c>organizations/ORG_ID</c>.</summary>
    public required string Parent { get; init; }
    public required string Title { get; init; }
}

/// <summary><c>gcp:accesscontextmanager/accessLevel:AccessLevel</c> with a <c>basic</c> level of one condition.</summary>
public sealed record AccessLevelSpec
{
    public required string LogicalName { get; init; }
    /// <summary>Letters, digits, underscore (seed 002: no hyphens).</summary>
    public required string ShortName { get; init; }
    public required string Title { get; init; }
    /// <summary><c>basic.combiningFunction</c>: <c>AND</c>.</summary>
    public required string CombiningFunction { get; init; }
    /// <summary><c>basic.conditions[0].members</c>.</summary>
    public required IReadOnlyList<string> Members { get; init; }
    /// <summary><c>basic.conditions[0].ipSubnetworks</c>; when both are set a request must match both.</summary>
    public required IReadOnlyList<string> IpSubnetworks { get; init; }

    /// <summary><c>accessPolicies/ID/accessLevels/SHORT_NAME</c>.</summary>
    public string FullName(AccessPolicyId policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Parent}/accessLevels/{ShortName}";
    }
}

/// <summary><c>gcp:accesscontextmanager/servicePerimeter:ServicePerimeter</c>.</summary>
public sealed record ServicePerimeterSpec
{
    public required string LogicalName { get; init; }
    public required string ShortName { get; init; }
    public required string Title { get; init; }
    /// <summary><c>PERIMETER_TYPE_REGULAR</c>.</summary>
    public required string PerimeterType { get; init; }
    /// <summary>
    /// True for <c>mode: dryRun</c>: <see cref="Configuration"/> goes to <c>spec</c> (violations logged, nothing blocked).
    /// False for <c>enforced</c>: it goes to <c>status</c>.
    /// </summary>
    public required bool UseExplicitDryRunSpec { get; init; }
    public required PerimeterConfigurationSpec Configuration { get; init; }

    /// <summary><c>accessPolicies/ID/servicePerimeters/SHORT_NAME</c>.</summary>
    public string FullName(AccessPolicyId policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Parent}/servicePerimeters/{ShortName}";
    }
}

/// <summary>The <c>spec</c> (dry run) or <c>status</c> (enforced) block.</summary>
public sealed record PerimeterConfigurationSpec
{
    /// <summary><c>projects/PROJECT_NUMBER</c>.</summary>
    public required IReadOnlyList<string> Resources { get; init; }
    public required IReadOnlyList<string> RestrictedServices { get; init; }
    /// <summary>
    /// Each access level's <c>name</c> output (<c>accessPolicies/ID/accessLevels/SHORT_NAME</c>), so the perimeter
    /// is created after its levels.
    /// </summary>
    public required IReadOnlyList<ResourceRef> AccessLevels { get; init; }
    /// <summary><c>vpcAccessibleServices.enableRestriction</c>: always true.</summary>
    public required bool VpcAccessibleServicesRestricted { get; init; }
    /// <summary><c>vpcAccessibleServices.allowedServices</c>: <c>RESTRICTED-SERVICES</c> plus what the cluster itself needs.</summary>
    public required IReadOnlyList<string> VpcAllowedServices { get; init; }
}
