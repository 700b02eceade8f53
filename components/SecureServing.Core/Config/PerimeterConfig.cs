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
    /// <summary>The identity that mirrors images into the perimeter (seed 002: Cloud Build's service account).</summary>
    public required string ImageMirrorIdentity { get; init; }
    /// <summary>
    /// Buckets in projects inside this perimeter that models may load from, besides each team's own bucket
    /// (written <c>{teamBucket}/path</c> in a model's storageUri). Any other <c>gs://</c> bucket is outside the
    /// perimeter, and VPC-SC would block the model download while storage is restricted.
    /// </summary>
    public IReadOnlyList<string> Buckets { get; init; } = [];
}

/// <summary>Either an existing access policy (<c>{id}</c>) or one to create (<c>{create: true, title}</c>). One per organization.</summary>
public sealed record AccessPolicyRef
{
    public string? Id { get; init; }
    public bool Create { get; init; }
    public string? Title { get; init; }
}

public enum PerimeterMode
{
    /// <summary>Writes the dry-run spec (<c>useExplicitDryRunSpec</c>): violations are logged, not blocked.</summary>
    DryRun,
    /// <summary>Writes the enforced status.</summary>
    Enforced,
}

public sealed record AccessLevelConfig
{
    /// <summary>Letters, digits, underscore; no hyphens (seed 002).</summary>
    public required string Name { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];
    public IReadOnlyList<string> IpSubnetworks { get; init; } = [];
}
