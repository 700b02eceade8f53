namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Every Kubernetes object of one stack, in apply order: platform objects first (mesh mTLS, CA, local gateway,
/// KServe and Knative configuration, public gateway, IAP, the mesh default deny and its platform allows), then each
/// team (sorted by team name): its namespace, mTLS and authorization, service account, NetworkPolicies, quota and
/// container defaults, members' read-only Role, then its models in file order.
/// </summary>
public sealed record KubernetesPlan(IReadOnlyList<KubernetesObject> Objects)
{
    /// <summary>The objects owned by <paramref name="owner"/> (<c>platform</c> or <c>team:&lt;name&gt;</c>), in plan order.</summary>
    public IEnumerable<KubernetesObject> OwnedBy(string owner) => Objects.Where(o => o.Owner == owner);
}
