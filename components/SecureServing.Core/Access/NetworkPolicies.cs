using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>
/// What NetworkPolicy decided for one connection: allowed, denied (the packet is dropped) or unknown, by which policy,
/// why, and — where policies isolate either end and admit the connection — which (<see cref="Admitted"/>, for the hops).
/// </summary>
internal sealed record NetworkResult(Outcome Outcome, ObjectRef? By, string Why, string? Admitted)
{
    public static readonly NetworkResult Open = new(Outcome.Allowed, null, "no NetworkPolicy isolates either end", null);
}

/// <summary>
/// Kubernetes NetworkPolicy semantics (https://kubernetes.io/docs/concepts/services-networking/network-policies/) for a
/// connection from one peer to another on a port (the pod's port, after a Service's translation):
/// <list type="bullet">
/// <item>A policy applies to the pods of its namespace its <c>podSelector</c> selects (empty: all), in the directions
/// of its <c>policyTypes</c> (absent: Ingress, and Egress when it has egress rules). A pod no policy selects in a
/// direction is open in it; a selected pod admits only what some rule of some selecting policy allows (the union; a
/// policy without rules allows nothing).</item>
/// <item>A rule allows when any of its peers (<c>from</c>/<c>to</c>; none: every peer) and any of its <c>ports</c>
/// (none: every port) match. A peer: <c>podSelector</c> alone selects pods of the policy's namespace,
/// <c>namespaceSelector</c> pods of the namespaces it selects (by <c>kubernetes.io/metadata.name</c> or any other
/// label), both together the pods of the one in the others; <c>ipBlock</c> addresses outside the cluster
/// (<see cref="IpBlocks"/>). A port: <c>protocol</c> (TCP unless set), <c>port</c>, <c>endPort</c>.</item>
/// <item>Both ends must allow: the egress policies of the client's pods (a client outside the cluster has none) and the
/// ingress policies of the server's.</item>
/// </list>
/// Unknown, never guessed: a selector on labels the evaluator does not know (the evaluator's caller pods have no known
/// labels; a namespace the plan does not create may carry labels it does not show), a named port, the addresses of a
/// client whose source the pods do not see, an ipBlock against a pod where the implementation decides, fields the
/// evaluator does not know, and every denial on a cluster that may not enforce NetworkPolicy
/// (<see cref="NetworkPolicyEnforcement"/>).
/// </summary>
internal static class NetworkPolicies
{
    public const string Tcp = "TCP";

    private static readonly HashSet<string> PeerFields = new(StringComparer.Ordinal) { "podSelector", "namespaceSelector", "ipBlock" };

    private static readonly HashSet<string> PortFields = new(StringComparer.Ordinal) { "protocol", "port", "endPort" };

    private sealed record Selecting(ClusterObject Policy, bool? Selects, bool? Matches, int Closeness);

    private sealed record DirectionResult(bool? Allowed, ClusterObject? By, string Why, string? Admitted);

    public static NetworkResult Decide(ClusterState state, NetworkPolicyEnforcement enforcement, Workload client, Workload server, int port, string protocol = Tcp) =>
        Decide(state, enforcement, NetworkPeer.Of(state, client), NetworkPeer.Of(state, server), port, protocol);

    public static NetworkResult Decide(ClusterState state, NetworkPolicyEnforcement enforcement, NetworkPeer client, NetworkPeer server, int port, string protocol = Tcp)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(enforcement);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        if (enforcement.Enforced == false)
        {
            return NetworkResult.Open;
        }

        // Each connection comes from (or goes to) one address: decide per range, then all ranges must agree.
        if (client.Outside is { Ranges.Count: > 1 } clientAddresses)
        {
            return Each(clientAddresses, r => Decide(state, enforcement, client with { Outside = clientAddresses with { Ranges = [r] } }, server, port, protocol), client.Label);
        }

        if (server.Outside is { Ranges.Count: > 1 } serverAddresses)
        {
            return Each(serverAddresses, r => Decide(state, enforcement, client, server with { Outside = serverAddresses with { Ranges = [r] } }, port, protocol), server.Label);
        }

        var ends = new[]
        {
            client.IsPod ? Direction(state, enforcement, client, server, "Egress", port, protocol) : null,
            server.IsPod ? Direction(state, enforcement, server, client, "Ingress", port, protocol) : null,
        }.OfType<DirectionResult>().ToList();

        var stop = ends.FirstOrDefault(e => e.Allowed == false) ?? ends.FirstOrDefault(e => e.Allowed is null);
        if (stop is null)
        {
            var admitted = ends.Select(e => e.Admitted).OfType<string>().ToList();
            if (admitted.Count == 0)
            {
                return NetworkResult.Open;
            }

            // The policies that admit the connection are both why it is allowed and the hop it is recorded as.
            var by = string.Join("; ", admitted);
            return new NetworkResult(Outcome.Allowed, ends.First(e => e.By is not null).By!.Ref, by, by);
        }

        if (stop.Allowed == false && enforcement.Enforced is null)
        {
            return new NetworkResult(Outcome.Unknown, stop.By!.Ref, $"{stop.Why}, if the cluster enforces NetworkPolicy ({enforcement.Why})", null);
        }

        return new NetworkResult(stop.Allowed == false ? Outcome.Denied : Outcome.Unknown, stop.By!.Ref, stop.Why, null);
    }

    private static NetworkResult Each(OutsideAddresses addresses, Func<System.Net.IPNetwork, NetworkResult> decide, string label)
    {
        var results = addresses.Ranges!.Select(decide).ToList();
        if (results.All(r => r.Outcome == results[0].Outcome))
        {
            var admitted = results.Where(r => r.Admitted is not null).ToList();
            return results[0].Outcome != Outcome.Allowed || admitted.Count == 0 ? results[0]
                : admitted[0] with { Admitted = string.Join("; ", admitted.Select(r => r.Admitted).Distinct(StringComparer.Ordinal)) };
        }

        var stop = results.First(r => r.Outcome != Outcome.Allowed);
        return new NetworkResult(Outcome.Unknown, stop.By, $"NetworkPolicy treats the addresses of {label} differently (some of {string.Join(", ", addresses.Ranges!)} get through): {stop.Why}", null);
    }

    /// <summary>The policies of <paramref name="self"/>'s namespace that apply to it in <paramref name="direction"/>, and whether they let <paramref name="remote"/> through.</summary>
    private static DirectionResult? Direction(ClusterState state, NetworkPolicyEnforcement enforcement, NetworkPeer self, NetworkPeer remote, string direction, int port, string protocol)
    {
        var unknown = new List<string>();
        var selecting = new List<Selecting>();
        foreach (var policy in state.OfKind("NetworkPolicy", "networking.k8s.io").Where(p => p.Namespace == self.Namespace && Types(p).Contains(direction)))
        {
            var podSelector = Json.Obj(policy.Manifest, "spec", "podSelector") ?? [];
            var selects = LabelSelectors.Selects(podSelector, self.PodLabels);
            if (selects == false)
            {
                continue;
            }

            if (selects is null)
            {
                unknown.Add($"the labels of {self.Label}, which the evaluator does not know in full");
            }

            var rules = Json.Arr(policy.Manifest, "spec", direction == "Ingress" ? "ingress" : "egress");
            var verdicts = rules.Select(r => Rule(r, direction == "Ingress" ? "from" : "to", policy.Namespace!, remote, enforcement, port, protocol, unknown)).ToList();
            selecting.Add(new Selecting(policy, selects, Tristate.Or(verdicts.Select(v => v.Match)), verdicts.Select(v => v.Closeness).DefaultIfEmpty(-1).Max()));
        }

        if (selecting.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", selecting.Select(s => s.Policy.Name));
        var isolated = Tristate.Or(selecting.Select(s => s.Selects));
        var allowed = Tristate.Or(isolated is { } i ? !i : null, Tristate.Or(selecting.Select(s => Tristate.And(s.Selects, s.Matches))));
        var what = direction == "Ingress" ? $"{remote.Label} to reach {self.Label} on {protocol} {port}" : $"{self.Label} to reach {remote.Label} on {protocol} {port}";
        switch (allowed)
        {
            case true:
                var by = selecting.First(s => s.Selects == true && s.Matches == true).Policy;
                return new DirectionResult(true, by, "", $"{by.Ref} allows {what} ({direction.ToLowerInvariant()})");
            case false:
                var closest = selecting.OrderByDescending(s => s.Closeness).First().Policy;
                return new DirectionResult(false, closest,
                    $"NetworkPolicy isolates {self.Label} for {direction.ToLowerInvariant()} and no rule of {names} allows {what}: the connection is dropped", null);
            default:
                var open = selecting.First(s => s.Selects is null || (s.Selects == true && s.Matches is null)).Policy;
                return new DirectionResult(null, open,
                    $"whether NetworkPolicy ({names}) allows {what} depends on {unknown.FirstOrDefault() ?? "what the evaluator cannot read"}", null);
        }
    }

    /// <summary><c>policyTypes</c>, or when absent Ingress, and Egress for a policy with egress rules.</summary>
    private static IReadOnlyList<string> Types(ClusterObject policy)
    {
        if (Json.At(policy.Manifest, "spec", "policyTypes") is not null)
        {
            return Json.Strings(policy.Manifest, "spec", "policyTypes");
        }

        return Json.Arr(policy.Manifest, "spec", "egress").Count > 0 ? ["Ingress", "Egress"] : ["Ingress"];
    }

    private static (bool? Match, int Closeness) Rule(JsonNode rule, string peersKey, string policyNamespace, NetworkPeer remote, NetworkPolicyEnforcement enforcement, int port, string protocol, List<string> unknown)
    {
        var peers = Json.Arr(rule, peersKey);
        var ports = Json.Arr(rule, "ports");
        var peer = peers.Count == 0 ? true : Tristate.Or(peers.Select(p => Peer(p, policyNamespace, remote, enforcement, unknown)).ToList());
        var onPort = ports.Count == 0 ? true : Tristate.Or(ports.Select(p => Port(p, port, protocol, unknown)).ToList());
        return (Tristate.And(peer, onPort), (peer == true ? 1 : 0) + (onPort == true ? 1 : 0));
    }

    private static bool? Peer(JsonNode peer, string policyNamespace, NetworkPeer remote, NetworkPolicyEnforcement enforcement, List<string> unknown)
    {
        var fields = peer is JsonObject o ? o.Select(p => p.Key).ToList() : [];
        if (fields.Count == 0 || fields.Any(f => !PeerFields.Contains(f)) || (fields.Contains("ipBlock") && fields.Count > 1))
        {
            unknown.Add($"a peer the evaluator does not read ({peer.ToJsonString()})");
            return null;
        }

        if (Json.Obj(peer, "ipBlock") is { } block)
        {
            if (remote.Outside is { } outside)
            {
                var holds = IpBlocks.Holds(block, outside.Ranges);
                if (holds is null)
                {
                    unknown.Add($"the addresses of {remote.Label} ({outside.Why})");
                }

                return holds;
            }

            if (enforcement.IpBlocksSelectPods is null)
            {
                unknown.Add("whether an ipBlock selects the cluster's own pods, which Kubernetes leaves to the implementation");
            }

            return enforcement.IpBlocksSelectPods == false ? false : null;
        }

        if (!remote.IsPod)
        {
            return false;
        }

        var inNamespace = Json.Obj(peer, "namespaceSelector") is { } nsSelector
            ? LabelSelectors.Selects(nsSelector, remote.NamespaceLabels)
            : remote.Namespace == policyNamespace;
        if (inNamespace is null)
        {
            unknown.Add($"the labels of namespace {remote.Namespace}, which the plan does not fix");
        }

        var pods = Json.Obj(peer, "podSelector") is { } podSelector ? LabelSelectors.Selects(podSelector, remote.PodLabels) : true;
        if (pods is null && inNamespace != false)
        {
            unknown.Add($"the labels of {remote.Label}, which the evaluator does not know in full");
        }

        return Tristate.And(inNamespace, pods);
    }

    private static bool? Port(JsonNode entry, int port, string protocol, List<string> unknown)
    {
        if (entry is not JsonObject fields || fields.Any(f => !PortFields.Contains(f.Key)))
        {
            unknown.Add($"a port the evaluator does not read ({entry.ToJsonString()})");
            return null;
        }

        if ((Json.Str(entry, "protocol") ?? Tcp) != protocol)
        {
            return false;
        }

        if (Json.At(entry, "port") is null)
        {
            return true;
        }

        if (Json.Int(entry, "port") is not { } number)
        {
            unknown.Add($"the named port `{Json.Str(entry, "port")}` (the evaluator does not know the pods' port names)");
            return null;
        }

        return Json.Int(entry, "endPort") is { } end ? number <= port && port <= end : number == port;
    }
}
