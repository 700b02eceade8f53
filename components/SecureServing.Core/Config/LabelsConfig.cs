namespace SecureServing.Core.Config;

/// <summary>
/// <c>secure-serving:labels</c>: GCP labels on every labellable resource the stack creates (<c>environment</c>,
/// <c>team</c>, <c>cost-centre</c>). A team's own resources carry the team's name as <c>team</c>.
/// </summary>
public sealed record LabelsConfig
{
    /// <summary>Label <c>environment</c>; null means the stack name.</summary>
    public string? Environment { get; init; }

    /// <summary>Label <c>team</c> on platform resources (the owning platform team); none when null.</summary>
    public string? Team { get; init; }

    /// <summary>Label <c>cost-centre</c>; none when null.</summary>
    public string? CostCentre { get; init; }
}
