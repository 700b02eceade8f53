namespace SecureServing.Core.Config;

/// <summary>
/// One ingress policy of the perimeter: requests from <see cref="Identities"/> (or any identity of
/// <see cref="IdentityType"/>) coming from <see cref="Sources"/> may call <see cref="Operations"/> on
/// <see cref="Resources"/> inside the perimeter. Used, e.g., for the CI deployer instead of an access level.
/// </summary>
public sealed record IngressPolicyConfig
{
    public string? Title { get; init; }
    /// <summary><c>user:</c>, <c>serviceAccount:</c>, <c>group:</c>, <c>principal://</c> or <c>principalSet://</c> members.</summary>
    public IReadOnlyList<string> Identities { get; init; } = [];
    /// <summary>Any identity of a kind, instead of <see cref="Identities"/>.</summary>
    public PerimeterIdentityType? IdentityType { get; init; }
    public IReadOnlyList<IngressSourceConfig> Sources { get; init; } = [];
    /// <summary><c>*</c> (everything in the perimeter) or <c>projects/NUMBER</c>.</summary>
    public IReadOnlyList<string> Resources { get; init; } = Contract.StackFileContract.PerimeterPolicies.IngressResources.Default!;
    public IReadOnlyList<ApiOperationConfig> Operations { get; init; } = [];
}

/// <summary>
/// Where an ingress request comes from: an access level of this perimeter by name (<c>*</c>: from anywhere), or a
/// Google Cloud resource (<c>projects/NUMBER</c>). Exactly one is set.
/// </summary>
public sealed record IngressSourceConfig(string? AccessLevel, string? Resource)
{
    public const string Anywhere = "*";

    public bool IsAnywhere => AccessLevel == Anywhere;
}

/// <summary>
/// One egress policy: <see cref="Identities"/> (or any of <see cref="IdentityType"/>) inside the perimeter may call
/// <see cref="Operations"/> on <see cref="Resources"/> outside it.
/// </summary>
public sealed record EgressPolicyConfig
{
    public string? Title { get; init; }
    public IReadOnlyList<string> Identities { get; init; } = [];
    public PerimeterIdentityType? IdentityType { get; init; }
    /// <summary><c>projects/NUMBER</c> outside the perimeter, or <c>*</c> (any project).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];
    public IReadOnlyList<ApiOperationConfig> Operations { get; init; } = [];
}

/// <summary>A service (<c>*.googleapis.com</c>, or <c>*</c> for all) and its methods or permissions (all when both are empty).</summary>
public sealed record ApiOperationConfig(string Service, IReadOnlyList<string> Methods, IReadOnlyList<string> Permissions)
{
    public const string AllServices = "*";
}

/// <summary>The <c>identityType</c> of an ingress or egress policy: any identity, any user account or any service account (instead of listed identities).</summary>
public enum PerimeterIdentityType { AnyIdentity, AnyUserAccount, AnyServiceAccount }

/// <summary>
/// <c>perimeter.dryRun</c>: the configuration the perimeter should have next, written to its dry-run <c>spec</c> next
/// to the enforced <c>status</c> so violations of the change are logged before it is enforced. A key not written
/// here keeps the enforced value. <see cref="Promote"/> makes it the enforced status.
/// </summary>
public sealed record PerimeterDryRunConfig
{
    public IReadOnlyList<string>? RestrictedServices { get; init; }
    /// <summary>Names of access levels of <c>perimeter.accessLevels</c>.</summary>
    public IReadOnlyList<string>? AccessLevels { get; init; }
    public IReadOnlyList<IngressPolicyConfig>? IngressPolicies { get; init; }
    public IReadOnlyList<EgressPolicyConfig>? EgressPolicies { get; init; }
    public bool Promote { get; init; } = Contract.StackFileContract.PerimeterPolicies.Promote.Default;
}
