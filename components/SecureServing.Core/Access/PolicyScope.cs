namespace SecureServing.Core.Access;

/// <summary>
/// Which Istio security policies apply to a workload: those in its namespace and those in the root namespace
/// (istio-system: mesh-wide), whose <c>selector.matchLabels</c> selects its pods (no selector: every workload in
/// scope). A policy with <c>targetRef</c>/<c>targetRefs</c> (Gateway API and waypoint attachment) is not modeled.
/// </summary>
internal static class PolicyScope
{
    public static bool? Applies(ClusterObject policy, Workload workload, bool rootAppliesWithSelector = true)
    {
        if (policy.Namespace != ClusterState.RootNamespace && policy.Namespace != workload.Namespace)
        {
            return false;
        }

        if (Json.At(policy.Manifest, "spec", "targetRef") is not null || Json.At(policy.Manifest, "spec", "targetRefs") is not null)
        {
            return null;
        }

        var hasSelector = Json.Obj(policy.Manifest, "spec", "selector") is not null;
        if (hasSelector && policy.Namespace == ClusterState.RootNamespace && workload.Namespace != ClusterState.RootNamespace && !rootAppliesWithSelector)
        {
            return false;
        }

        return Json.Selects(Json.Map(policy.Manifest, "spec", "selector", "matchLabels"), workload.Labels);
    }

    public static bool HasSelector(ClusterObject policy) => Json.Obj(policy.Manifest, "spec", "selector") is not null;
}
