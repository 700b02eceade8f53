using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:perimeter</c>: VPC Service Controls.</summary>
public sealed record PerimeterConfig
{
    public required AccessPolicyRef AccessPolicy { get; init; }
    /// <summary>Perimeter name: letters, digits, underscore.</summary>
    public required string Name { get; init; }
    public required string Title { get; init; }
    public PerimeterMode Mode { get; init; } = StackFileContract.Perimeter.Mode.Default;
    public required IReadOnlyList<string> RestrictedServices { get; init; }
    public IReadOnlyList<AccessLevelConfig> AccessLevels { get; init; } = [];
    /// <summary>The identity that mirrors images into the perimeter (Cloud Build's service account in Kubeflow "Securing Your Clusters", https://v0-5.kubeflow.org/docs/gke/private-clusters/).</summary>
    public required string ImageMirrorIdentity { get; init; }
    /// <summary>
    /// Buckets in projects inside this perimeter that models may load from, besides each team's own bucket
    /// (written <c>{teamBucket}/path</c> in a model's storageUri). Any other <c>gs://</c> bucket is outside the
    /// perimeter, and VPC-SC would block the model download while storage is restricted.
    /// </summary>
    public IReadOnlyList<string> Buckets { get; init; } = [];
    /// <summary>Who may reach in, from where, to which services (<c>ingressPolicies</c>).</summary>
    public IReadOnlyList<IngressPolicyConfig> IngressPolicies { get; init; } = [];
    /// <summary>Who inside may reach out, to which projects and services (<c>egressPolicies</c>).</summary>
    public IReadOnlyList<EgressPolicyConfig> EgressPolicies { get; init; } = [];
    /// <summary>The next change, tried in dry run next to the enforced configuration; needs <c>mode: enforced</c>.</summary>
    public PerimeterDryRunConfig? DryRun { get; init; }
}

/// <summary>Either an existing access policy (<c>{id}</c>) or one to create (<c>{create: true, title}</c>). One per organization.</summary>
public sealed record AccessPolicyRef
{
    public string? Id { get; init; }
    public bool Create { get; init; } = StackFileContract.Perimeter.AccessPolicyCreate.Default;
    public string? Title { get; init; }
    /// <summary>
    /// For a created policy: the one folder or project it is scoped to (<c>projects/NUMBER</c>, <c>folders/ID</c>), so
    /// the platform needs no organization-wide Access Context Manager admin; null for an organization-wide policy.
    /// </summary>
    public string? Scope { get; init; }
}

/// <summary><c>secure-serving:perimeter.mode</c>: whether the service perimeter is enforced or only logs violations.</summary>
public enum PerimeterMode
{
    /// <summary>Writes the dry-run spec (<c>useExplicitDryRunSpec</c>): violations are logged, not blocked.</summary>
    DryRun,
    /// <summary>Writes the enforced status.</summary>
    Enforced,
}

/// <summary>One entry of <c>secure-serving:perimeter.accessLevels</c>: who may cross the perimeter (members, ranges, regions, devices, VPC networks).</summary>
public sealed record AccessLevelConfig
{
    /// <summary>Letters, digits, underscore; no hyphens (Access Context Manager refuses other characters in access level names).</summary>
    public required string Name { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];
    public IReadOnlyList<string> IpSubnetworks { get; init; } = [];
    /// <summary>ISO 3166-1 alpha-2 region codes the request must come from.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>VPC networks (and ranges in them) the request must come from; not together with <see cref="IpSubnetworks"/>.</summary>
    public IReadOnlyList<VpcNetworkSourceConfig> VpcNetworkSources { get; init; } = [];
    /// <summary>What the caller's device must be (Endpoint Verification); null for any device.</summary>
    public DevicePolicyConfig? DevicePolicy { get; init; }
}

/// <summary>A VPC network, <c>//compute.googleapis.com/projects/P/global/networks/N</c>, and optionally ranges in it.</summary>
public sealed record VpcNetworkSourceConfig(string Network, IReadOnlyList<string> IpRanges);

/// <summary>Device conditions of an access level.</summary>
public sealed record DevicePolicyConfig
{
    public bool RequireScreenLock { get; init; } = Contract.StackFileContract.PerimeterPolicies.RequireScreenLock.Default;
    public bool RequireCorpOwned { get; init; } = Contract.StackFileContract.PerimeterPolicies.RequireCorpOwned.Default;
    public bool RequireAdminApproval { get; init; } = Contract.StackFileContract.PerimeterPolicies.RequireAdminApproval.Default;
    /// <summary>Only devices whose storage is encrypted (<c>allowedEncryptionStatuses: [ENCRYPTED]</c>).</summary>
    public bool EncryptedStorage { get; init; } = Contract.StackFileContract.PerimeterPolicies.EncryptedStorage.Default;
    /// <summary>Allowed operating systems, each with an optional minimum version; empty for any.</summary>
    public IReadOnlyList<OsConstraintConfig> OsConstraints { get; init; } = [];
}

/// <summary>An operating system a device of an access level may run, with its minimum version.</summary>
public sealed record OsConstraintConfig(DeviceOs Os, string? MinimumVersion);

/// <summary>Operating systems an access level's device policy can name.</summary>
public enum DeviceOs { DesktopMac, DesktopWindows, DesktopLinux, DesktopChromeOs, Android, Ios }
