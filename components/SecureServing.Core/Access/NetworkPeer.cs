using System.Net;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>
/// The addresses a client outside the cluster connects from, as the pods see them; <see cref="Ranges"/> null when they
/// are not known (anyone on the internet, or a load balancer whose traffic reaches the pods through a node).
/// </summary>
internal sealed record OutsideAddresses(IReadOnlyList<IPNetwork>? Ranges, string Why);

/// <summary>
/// One end of a connection as NetworkPolicy sees it: pods of the cluster (their namespace, the namespace's labels and
/// their own, as far as the evaluator knows them) or addresses outside the cluster.
/// </summary>
internal sealed record NetworkPeer(string Label, string? Namespace, LabelSet NamespaceLabels, LabelSet PodLabels, OutsideAddresses? Outside)
{
    /// <summary>The label the API server sets on every namespace, with the namespace's name (Kubernetes 1.22 and later).</summary>
    public const string NamespaceNameLabel = TeamNetworkPolicies.NamespaceLabel;

    private static readonly LabelSet NoLabels = new(new Dictionary<string, string>(StringComparer.Ordinal), Complete: true);

    public bool IsPod => Outside is null;

    /// <summary>Addresses outside the cluster's pods: Google APIs' VIP, the metadata server, a load balancer's front ends.</summary>
    public static NetworkPeer At(string label, params IPNetwork[] ranges) => new(label, null, NoLabels, NoLabels, new OutsideAddresses(ranges, label));

    /// <summary>
    /// The pods of <paramref name="workload"/>: their labels as their template (or the evaluator's caller) gives them,
    /// never complete (controllers and Istio's injector add more); their namespace's labels complete only for a
    /// namespace the plan creates, otherwise just its name label and whatever labels the evaluator knows.
    /// </summary>
    public static NetworkPeer Of(ClusterState state, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Outside is { } outside)
        {
            return new NetworkPeer(workload.Label, null, NoLabels, NoLabels, outside);
        }

        var ns = state.Namespace(workload.Namespace);
        var labels = new Dictionary<string, string>(ns?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [NamespaceNameLabel] = workload.Namespace,
        };
        return new NetworkPeer(workload.Label, workload.Namespace, new LabelSet(labels, ns is not null && state.CreatedByPlan(ns)),
            new LabelSet(workload.Labels, Complete: false), null);
    }
}
