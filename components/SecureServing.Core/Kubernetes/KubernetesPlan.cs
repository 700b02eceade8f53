namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Every Kubernetes object of one stack, in apply order: platform objects first (mesh mTLS, CA, local gateway,
/// KServe and Knative configuration, public gateway, IAP, the mesh default deny and its platform allows), then each
/// team (sorted by team name): its namespace, mTLS and authorization, service account, NetworkPolicies, quota and
/// container defaults, members' read-only Role, then its models in file order.
/// </summary>
public sealed record KubernetesPlan(IReadOnlyList<KubernetesObject> Objects)
{
    /// <summary>
    /// With the installed serving stack (<c>serving.install: true</c>): the patches of objects Istio, Knative and KServe
    /// create, which the stack's releases apply at install time instead (<see cref="ServingStack.InstalledObjects"/>,
    /// <c>releases.yaml</c>). They are not applied as objects, but the cluster has them: whoever reasons about the
    /// cluster (the access evaluator) merges them into the installed objects like patches. Empty otherwise.
    /// </summary>
    public IReadOnlyList<KubernetesObject> InstalledValues { get; init; } = [];

    /// <summary>The objects owned by <paramref name="owner"/> (<c>platform</c> or <c>team:&lt;name&gt;</c>), in plan order.</summary>
    public IEnumerable<KubernetesObject> OwnedBy(string owner) => Objects.Where(o => o.Owner == owner);
}
