using SecureServing.Core.Gcp;

namespace SecureServing.Core.Access;

/// <summary>
/// Whether the cluster enforces NetworkPolicy, read from the GCP plan, and whether an <c>ipBlock</c> can select the
/// cluster's own pods (Kubernetes leaves that to the implementation: ipBlock is meant for addresses outside the cluster).
/// <list type="bullet">
/// <item>GKE Dataplane V2 (<c>datapathProvider: ADVANCED_DATAPATH</c>, which this platform always creates) enforces it
/// with Cilium, whose CIDR rules apply only to traffic to and from outside the cluster, never to its pods
/// (https://docs.cilium.io/en/latest/security/policy/layer3/).</item>
/// <item>A GKE cluster on the legacy datapath without the network policy add-on does not enforce it.</item>
/// <item>An existing cluster (<c>cluster.provider: existing</c>) may or may not: a NetworkPolicy that would keep a
/// request out is unknown there, and so is an ipBlock against a pod.</item>
/// </list>
/// </summary>
internal sealed record NetworkPolicyEnforcement(bool? Enforced, bool? IpBlocksSelectPods, string Why)
{
    public static readonly NetworkPolicyEnforcement DataplaneV2 = new(true, false, "GKE Dataplane V2 enforces NetworkPolicy");

    public static NetworkPolicyEnforcement Of(GcpPlan gcp)
    {
        ArgumentNullException.ThrowIfNull(gcp);
        return gcp.Cluster?.Cluster switch
        {
            null => new(null, null, "the stack targets an existing cluster, and whether it enforces NetworkPolicy is not in the plan"),
            { DatapathProvider: "ADVANCED_DATAPATH" } => DataplaneV2,
            var c => new(false, null, $"the cluster's datapath `{c.DatapathProvider}` without the network policy add-on does not enforce NetworkPolicy"),
        };
    }
}
