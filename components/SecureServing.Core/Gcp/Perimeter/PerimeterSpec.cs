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
    /// <summary><c>scopes</c>: <c>projects/NUMBER</c> or <c>folders/ID</c> for a scoped policy; null for an organization-wide one.</summary>
    public string? Scopes { get; init; }
}

/// <summary><c>gcp:accesscontextmanager/accessLevel:AccessLevel</c> with a <c>basic</c> level of one condition.</summary>
public sealed record AccessLevelSpec
{
    public required string LogicalName { get; init; }
    /// <summary>Letters, digits, underscore, no hyphens: Access Context Manager refuses other characters in access level names.</summary>
    public required string ShortName { get; init; }
    public required string Title { get; init; }
    /// <summary><c>basic.combiningFunction</c>: <c>AND</c>.</summary>
    public required string CombiningFunction { get; init; }
    /// <summary><c>basic.conditions[0].members</c>.</summary>
    public required IReadOnlyList<string> Members { get; init; }
    /// <summary><c>basic.conditions[0].ipSubnetworks</c>; when both are set a request must match both.</summary>
    public required IReadOnlyList<string> IpSubnetworks { get; init; }
    /// <summary><c>basic.conditions[0].regions</c>: ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary><c>basic.conditions[0].vpcNetworkSources[].vpcSubnetwork</c>.</summary>
    public IReadOnlyList<VpcNetworkSourceSpec> VpcNetworkSources { get; init; } = [];
    /// <summary><c>basic.conditions[0].devicePolicy</c>; null for any device.</summary>
    public DevicePolicySpec? DevicePolicy { get; init; }

    /// <summary><c>accessPolicies/ID/accessLevels/SHORT_NAME</c>.</summary>
    public string FullName(AccessPolicyId policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Parent}/accessLevels/{ShortName}";
    }
}

/// <summary><c>vpcSubnetwork</c>: <c>network</c> and <c>vpcIpSubnetworks</c>.</summary>
public sealed record VpcNetworkSourceSpec(string Network, IReadOnlyList<string> VpcIpSubnetworks);

/// <summary><c>devicePolicy</c>; <c>AllowedEncryptionStatuses</c> is <c>[ENCRYPTED]</c> or empty, OS types as the API spells them (<c>DESKTOP_MAC</c>, ...).</summary>
public sealed record DevicePolicySpec(
    bool RequireScreenLock,
    bool RequireCorpOwned,
    bool RequireAdminApproval,
    IReadOnlyList<string> AllowedEncryptionStatuses,
    IReadOnlyList<OsConstraintSpec> OsConstraints);

/// <summary>An <c>osConstraints</c> entry of an access level's device policy, in the API's terms.</summary>
public sealed record OsConstraintSpec(string OsType, string? MinimumVersion);

/// <summary><c>gcp:accesscontextmanager/servicePerimeter:ServicePerimeter</c>.</summary>
public sealed record ServicePerimeterSpec
{
    public required string LogicalName { get; init; }
    public required string ShortName { get; init; }
    public required string Title { get; init; }
    /// <summary><c>PERIMETER_TYPE_REGULAR</c>.</summary>
    public required string PerimeterType { get; init; }
    /// <summary>
    /// True when <see cref="DryRunSpec"/> is written: for <c>mode: dryRun</c> (no <see cref="Status"/>: violations
    /// logged, nothing blocked), and for <c>enforced</c> with <c>perimeter.dryRun</c> (the next change, logged next to
    /// the enforced status).
    /// </summary>
    public bool UseExplicitDryRunSpec => DryRunSpec is not null;
    /// <summary><c>status</c>, the enforced configuration; null for <c>mode: dryRun</c>.</summary>
    public PerimeterConfigurationSpec? Status { get; init; }
    /// <summary><c>spec</c>, the dry-run configuration; null unless <see cref="UseExplicitDryRunSpec"/>.</summary>
    public PerimeterConfigurationSpec? DryRunSpec { get; init; }

    /// <summary><c>accessPolicies/ID/servicePerimeters/SHORT_NAME</c>.</summary>
    public string FullName(AccessPolicyId policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Parent}/servicePerimeters/{ShortName}";
    }
}

/// <summary>A <c>spec</c> (dry run) or <c>status</c> (enforced) block.</summary>
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
    public IReadOnlyList<IngressPolicySpec> IngressPolicies { get; init; } = [];
    public IReadOnlyList<EgressPolicySpec> EgressPolicies { get; init; } = [];
}

/// <summary><c>ingressPolicies[]</c>: <c>title</c>, <c>ingressFrom</c> and <c>ingressTo</c>.</summary>
public sealed record IngressPolicySpec
{
    public string? Title { get; init; }
    /// <summary><c>ingressFrom.identities</c>; empty when <see cref="IdentityType"/> is set.</summary>
    public required IReadOnlyList<string> Identities { get; init; }
    /// <summary><c>ingressFrom.identityType</c>: <c>ANY_IDENTITY</c>, <c>ANY_USER_ACCOUNT</c>, <c>ANY_SERVICE_ACCOUNT</c>; null with identities.</summary>
    public string? IdentityType { get; init; }
    public required IReadOnlyList<IngressSourceSpec> Sources { get; init; }
    /// <summary><c>ingressTo.resources</c>: <c>*</c> or <c>projects/NUMBER</c>.</summary>
    public required IReadOnlyList<string> Resources { get; init; }
    public required IReadOnlyList<ApiOperationSpec> Operations { get; init; }
}

/// <summary>
/// <c>ingressFrom.sources[]</c>: an access level (<see cref="AccessLevel"/>, the level's <c>name</c> output), any
/// source (<see cref="AnySource"/>, written <c>*</c>), or a project (<see cref="Resource"/>). Exactly one is set.
/// </summary>
public sealed record IngressSourceSpec(ResourceRef? AccessLevel, bool AnySource, string? Resource)
{
    /// <summary>The <c>accessLevel</c> value for any source.</summary>
    public const string Any = Config.IngressSourceConfig.Anywhere;

    /// <summary><c>accessLevel</c> as rendered: <c>*</c>, the level's placeholder, or null for a project source.</summary>
    public string? RenderedAccessLevel => AnySource ? Any : AccessLevel?.Rendered;
}

/// <summary><c>egressPolicies[]</c>: <c>title</c>, <c>egressFrom</c> and <c>egressTo</c>.</summary>
public sealed record EgressPolicySpec
{
    public string? Title { get; init; }
    public required IReadOnlyList<string> Identities { get; init; }
    public string? IdentityType { get; init; }
    /// <summary><c>egressTo.resources</c>: <c>projects/NUMBER</c> or <c>*</c>.</summary>
    public required IReadOnlyList<string> Resources { get; init; }
    public required IReadOnlyList<ApiOperationSpec> Operations { get; init; }
}

/// <summary><c>operations[]</c>: <c>serviceName</c> and <c>methodSelectors</c> (none for <c>*</c>, all services).</summary>
public sealed record ApiOperationSpec(string ServiceName, IReadOnlyList<MethodSelectorSpec> MethodSelectors);

/// <summary><c>methodSelectors[]</c>: a <c>method</c> or a <c>permission</c>.</summary>
public sealed record MethodSelectorSpec(string? Method, string? Permission);
