namespace SecureServing.Core.Access;

/// <summary>Whether a caller gets through to a model: allowed, denied, or unknown where the evaluator cannot know.</summary>
public enum Outcome
{
    Allowed,
    Denied,

    /// <summary>
    /// The evaluator cannot decide from the rendered objects (a CUSTOM authorization provider, a JWKS it cannot fetch,
    /// an object kind it does not model on the request's path). Never a guess either way.
    /// </summary>
    Unknown,
}

/// <summary>Where an object the evaluator read comes from.</summary>
public enum ObjectOrigin
{
    /// <summary>Rendered by this stack (<c>render</c>'s manifests.yaml).</summary>
    Plan,

    /// <summary>Installed by Istio, Knative or KServe with their defaults, before any patch of the plan.</summary>
    Installed,

    /// <summary>Created in the cluster by a controller (KServe, Knative, net-istio) from a rendered object.</summary>
    Derived,

    /// <summary>A GCP resource of the stack (<c>render</c>'s gcp-resources.json), or Google's edge itself.</summary>
    Gcp,
}

/// <summary>The object that lets a request in or keeps it out: <c>Kind namespace/name</c>.</summary>
public sealed record ObjectRef(string Kind, string? Namespace, string Name, ObjectOrigin Origin = ObjectOrigin.Plan)
{
    /// <summary><c>AuthorizationPolicy fraud-models/namespace-isolation</c>; derived and installed objects say so.</summary>
    public override string ToString()
    {
        var text = $"{Kind} {(Namespace is null ? "" : Namespace + "/")}{Name}";
        return Origin switch
        {
            ObjectOrigin.Installed => text + " (installed default)",
            ObjectOrigin.Derived => text + " (created by a controller)",
            _ => text,
        };
    }
}

/// <summary>
/// One evaluated request: the outcome, the object that decided it, why, and the hops it took
/// (<c>pod in other-ns -> VirtualService ... -> pod sklearn-iris</c>).
/// </summary>
public sealed record AccessDecision(Outcome Outcome, ObjectRef Decider, string Why, IReadOnlyList<string> Hops)
{
    public bool IsAllowed => Outcome == Outcome.Allowed;
}
