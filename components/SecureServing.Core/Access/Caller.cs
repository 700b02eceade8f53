namespace SecureServing.Core.Access;

/// <summary>The kinds of caller the access matrix tries against every model.</summary>
public enum CallerKind
{
    /// <summary>A pod with a sidecar in a namespace, calling the model's in-cluster address.</summary>
    Namespace,

    /// <summary>Any pod sending its request through Knative's activator (which proxies for any caller).</summary>
    Activator,

    /// <summary>Knative's activator probing and its autoscaler scraping the model's pods (the probe paths).</summary>
    KnativeProbes,

    /// <summary>Any pod in the mesh sending its request through a cluster-local gateway.</summary>
    LocalGateway,

    /// <summary>A pod without a sidecar, by any cluster-local route.</summary>
    OutOfMesh,

    /// <summary>Someone on the internet through Google's load balancer and IAP.</summary>
    Iap,

    /// <summary>Someone on the internet at a public address of the gateway that IAP does not front.</summary>
    PublicAddress,

    /// <summary>A pod in the cluster calling the public gateway directly, skipping Google's load balancer.</summary>
    GatewayBypass,
}

/// <summary>
/// One caller of the access matrix: what it is, where it calls from, and what it presents (tokens, Google identity).
/// <see cref="Id"/> is stable across stacks and checkouts (<c>namespace:fraud-models</c>, <c>iap:group:x@example.com</c>),
/// so two matrices can be compared caller by caller.
/// </summary>
public sealed record Caller(string Id, string Label, CallerKind Kind)
{
    /// <summary>The namespace the calling pod runs in.</summary>
    public required string Namespace { get; init; }

    /// <summary>For <see cref="CallerKind.LocalGateway"/>: the gateway Service's host.</summary>
    public string? GatewayService { get; init; }

    /// <summary>For <see cref="CallerKind.Iap"/>: who signs in to Google.</summary>
    public GoogleIdentity? Identity { get; init; }

    /// <summary>Tokens the caller sends itself, by header (<c>authorization</c>, <c>x-goog-iap-jwt-assertion</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, Jwt>> Tokens { get; init; } = [];
}
