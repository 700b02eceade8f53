namespace SecureServing.Core.Gcp;

/// <summary>Component <c>services</c>: the project APIs the stack needs, enabled before anything else.</summary>
public sealed record ProjectServicesSpec
{
    public const string Component = "services";

    /// <summary>One <c>gcp:projects/service:Service</c> per API, sorted by service name.</summary>
    public required IReadOnlyList<ProjectServiceSpec> Services { get; init; }
}

/// <summary><c>gcp:projects/service:Service</c>.</summary>
public sealed record ProjectServiceSpec
{
    /// <summary><c>services-&lt;api&gt;</c>, e.g. <c>services-container</c>.</summary>
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>e.g. <c>container.googleapis.com</c>.</summary>
    public required string Service { get; init; }
    /// <summary>Always false: destroying the stack never switches off an API other workloads in the project may use.</summary>
    public bool DisableOnDestroy { get; init; }
    /// <summary>Always false: never cascade-disable dependent APIs.</summary>
    public bool DisableDependentServices { get; init; }
}
