using System.Text.Json.Nodes;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>
/// A pod: its namespace, labels and service account (its mesh identity). <see cref="Sidecar"/> false for workloads
/// outside the mesh.
/// </summary>
internal sealed record Pod(string Namespace, IReadOnlyDictionary<string, string> Labels, bool Sidecar = true, string ServiceAccount = "default")
{
    public string Principal => GatewayPrincipals.Of(Namespace, ServiceAccount);

    public static Pod In(string ns, params (string Key, string Value)[] labels) =>
        new(ns, labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));
}

/// <summary>
/// A request to <see cref="To"/> on <see cref="Port"/>. <see cref="From"/> null: a caller with no pod and no mesh
/// identity (IAP's load balancer, the API server calling a webhook). <see cref="Jwt"/>: the request carries the valid
/// JWTs its path checks (IAP's at the public gateway, Dex's at a model).
/// </summary>
internal sealed record Call(Pod? From, Pod To, int Port, string Path = "/", bool Jwt = false);

/// <summary>
/// The two layers a request crosses, evaluated on the rendered plan for the fields the plan writes (test-local; the
/// access evaluator of the access-model issue is the full one):
/// <list type="bullet">
/// <item>Istio ALLOW authorization at the destination's sidecar: policies of the root namespace (istio-system) and of
/// the destination's namespace whose selector matches it; with any ALLOW policy, a request passes only if some rule
/// matches (<c>from.source.namespaces</c>, <c>principals</c>, <c>requestPrincipals</c>, <c>to.operation.ports/paths</c>,
/// <c>when</c> as "has the JWT"). The plan has no DENY or CUSTOM policy; one makes the evaluator throw.</item>
/// <item>NetworkPolicy: egress at the source pod's namespace and ingress at the destination's, per Kubernetes
/// semantics (pods selected by no policy of a direction are open in it).</item>
/// </list>
/// </summary>
internal static class Reachability
{
    public const string RootNamespace = SystemNamespaces.IstioSystem;

    public static bool MeshAllows(KubernetesPlan plan, Call call)
    {
        if (!call.To.Sidecar)
        {
            return true;
        }

        var applicable = plan.Objects
            .Where(o => o.Kind == "AuthorizationPolicy" && (o.Namespace == RootNamespace || o.Namespace == call.To.Namespace))
            .ToList();
        if (applicable.FirstOrDefault(o => (string?)o.Manifest["spec"]?["action"] is not (null or "ALLOW")) is { } other)
        {
            throw new InvalidOperationException($"{other.Key}: only ALLOW policies are evaluated here");
        }

        var allows = applicable
            .Where(o => Selects(o.Manifest["spec"]?["selector"]?["matchLabels"] as JsonObject, call.To.Labels))
            .ToList();
        return allows.Count == 0 || allows.Any(p => (p.Manifest["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>().Any(r => RuleMatches(r, call)));
    }

    public static bool NetworkAllows(KubernetesPlan plan, Call call)
    {
        var ingress = Policies(plan, call.To, "Ingress").ToList();
        var admitted = ingress.Count == 0 || ingress.Any(p => Rules(p, "ingress", "from").Any(r => PeerRuleMatches(r, call.From, call.Port)));
        if (call.From is null)
        {
            return admitted;
        }

        var egress = Policies(plan, call.From, "Egress").ToList();
        return admitted && (egress.Count == 0 || egress.Any(p => Rules(p, "egress", "to").Any(r => PeerRuleMatches(r, call.To, call.Port))));
    }

    /// <summary>Egress from <paramref name="from"/> to an address outside the cluster (ipBlock rules only).</summary>
    public static bool EgressToAddress(KubernetesPlan plan, Pod from, System.Net.IPAddress address, int port, string protocol = "TCP")
    {
        var egress = Policies(plan, from, "Egress").ToList();
        return egress.Count == 0 || egress.Any(p => Rules(p, "egress", "to").Any(r =>
            PortMatches(r.Ports, port, protocol)
            && r.Peers.Any(peer => peer["ipBlock"] is JsonObject block && InBlock(block, address))));
    }

    /// <summary>Egress from <paramref name="from"/> to a pod on a port with a protocol (DNS over UDP).</summary>
    public static bool EgressToPod(KubernetesPlan plan, Pod from, Pod to, int port, string protocol)
    {
        var egress = Policies(plan, from, "Egress").ToList();
        return egress.Count == 0 || egress.Any(p => Rules(p, "egress", "to").Any(r => PortMatches(r.Ports, port, protocol) && (r.Peers.Count == 0 || r.Peers.Any(peer => PeerMatches(peer, to)))));
    }

    private static bool RuleMatches(JsonObject rule, Call call)
    {
        if (rule["from"] is JsonArray from && !from.OfType<JsonObject>().Any(f => SourceMatches(f["source"] as JsonObject ?? [], call)))
        {
            return false;
        }

        if (rule["to"] is JsonArray to && !to.OfType<JsonObject>().Any(t => OperationMatches(t["operation"] as JsonObject ?? [], call)))
        {
            return false;
        }

        return rule["when"] is null || call.Jwt;
    }

    private static bool SourceMatches(JsonObject source, Call call)
    {
        if (source["namespaces"] is JsonArray namespaces
            && !(call.From is { Sidecar: true } pod && namespaces.Any(n => (string?)n == pod.Namespace)))
        {
            return false;
        }

        if (source["principals"] is JsonArray principals
            && !(call.From is { Sidecar: true } caller && principals.Any(p => (string?)p == caller.Principal)))
        {
            return false;
        }

        return source["requestPrincipals"] is null || call.Jwt;
    }

    private static bool OperationMatches(JsonObject operation, Call call)
    {
        if (operation["ports"] is JsonArray ports && !ports.Any(p => (string?)p == call.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return false;
        }

        return operation["paths"] is not JsonArray paths || paths.Any(p => (string?)p == call.Path);
    }

    private static IEnumerable<JsonObject> Policies(KubernetesPlan plan, Pod pod, string type) => plan.Objects
        .Where(o => o.Kind == "NetworkPolicy" && o.Namespace == pod.Namespace)
        .Select(o => (JsonObject)o.Manifest["spec"]!)
        .Where(spec => (spec["policyTypes"] as JsonArray ?? []).Any(t => (string?)t == type))
        .Where(spec => SelectorMatches(spec["podSelector"] as JsonObject, pod.Labels));

    private sealed record PeerRule(IReadOnlyList<JsonObject> Peers, IReadOnlyList<JsonObject> Ports);

    private static IEnumerable<PeerRule> Rules(JsonObject spec, string direction, string peersKey) =>
        (spec[direction] as JsonArray ?? []).OfType<JsonObject>().Select(r => new PeerRule(
            [.. (r[peersKey] as JsonArray ?? []).OfType<JsonObject>()],
            [.. (r["ports"] as JsonArray ?? []).OfType<JsonObject>()]));

    private static bool PeerRuleMatches(PeerRule rule, Pod? peer, int port) =>
        PortMatches(rule.Ports, port, "TCP") && (rule.Peers.Count == 0 || (peer is not null && rule.Peers.Any(p => PeerMatches(p, peer))));

    private static bool PeerMatches(JsonObject peer, Pod pod)
    {
        if (peer["ipBlock"] is not null)
        {
            return false; // pod addresses are not in the rules' blocks here
        }

        // The plan always names the namespace; a podSelector alone (the policy's own namespace) is not evaluated here.
        var ns = peer["namespaceSelector"] as JsonObject ?? throw new InvalidOperationException($"peer without namespaceSelector: {peer.ToJsonString()}");
        var nsLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [TeamNetworkPolicies.NamespaceLabel] = pod.Namespace };
        return SelectorMatches(ns, nsLabels) && (peer["podSelector"] is not JsonObject podSelector || SelectorMatches(podSelector, pod.Labels));
    }

    private static bool PortMatches(IReadOnlyList<JsonObject> ports, int port, string protocol) =>
        ports.Count == 0 || ports.Any(p => (string?)p["protocol"] == protocol && p["port"]?.GetValue<int>() == port);

    private static bool Selects(JsonObject? matchLabels, IReadOnlyDictionary<string, string> labels) =>
        matchLabels is null || matchLabels.All(kv => labels.TryGetValue(kv.Key, out var v) && v == (string?)kv.Value);

    private static bool SelectorMatches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }

        var expressions = (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().All(e =>
            (string?)e["operator"] == "In"
            && labels.TryGetValue((string)e["key"]!, out var v)
            && (e["values"] as JsonArray ?? []).Any(x => (string?)x == v));
        return expressions && Selects(selector["matchLabels"] as JsonObject, labels);
    }

    private static bool InBlock(JsonObject block, System.Net.IPAddress address) =>
        System.Net.IPNetwork.Parse((string)block["cidr"]!).Contains(address)
        && !(block["except"] as JsonArray ?? []).Any(e => System.Net.IPNetwork.Parse((string)e!).Contains(address));
}
