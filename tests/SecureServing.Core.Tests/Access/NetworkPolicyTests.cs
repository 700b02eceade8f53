using System.Net;
using SecureServing.Core.Access;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Kubernetes NetworkPolicy semantics (https://kubernetes.io/docs/concepts/services-networking/network-policies/) on
/// hand-written policies, one documented rule per test, as GKE Dataplane V2 enforces them; then what stays unknown.
/// </summary>
public sealed class NetworkPolicyTests
{
    private const string Namespaces = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team, labels: {tier: models}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: other}
        ---

        """;

    private static readonly Workload Model = Pod("team", ("app", "m"));

    private static Workload Pod(string ns, params (string Key, string Value)[] labels) =>
        AccessKit.Pod(ns, "p", labels) with { Display = $"pods {ns}/{string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"))}" };

    /// <summary>The evaluator's caller: some pod of the namespace, labels unknown.</summary>
    private static Workload AnyPodIn(string ns) => CallerPods.InNamespace(ns, sidecar: true);

    private static string Policy(string name, string spec, string ns = "team") =>
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" +
        $"metadata: {{name: {name}, namespace: {ns}}}\nspec:\n" +
        string.Join('\n', spec.Split('\n').Select(l => "  " + l)) + "\n---\n";

    private static NetworkResult Decide(string policies, Workload from, Workload to, int port = 8012, string protocol = "TCP", NetworkPolicyEnforcement? enforcement = null)
    {
        var state = AccessKit.State(Namespaces + policies);
        return NetworkPolicies.Decide(state, enforcement ?? NetworkPolicyEnforcement.DataplaneV2, from, to, port, protocol);
    }

    private static NetworkResult Decide(string policies, NetworkPeer from, NetworkPeer to, int port, string protocol = "TCP")
    {
        var state = AccessKit.State(Namespaces + policies);
        return NetworkPolicies.Decide(state, NetworkPolicyEnforcement.DataplaneV2, from, to, port, protocol);
    }

    private static NetworkPeer Peer(Workload w) => NetworkPeer.Of(AccessKit.State(Namespaces), w);

    private const string DenyAll = "podSelector: {}\npolicyTypes: [Ingress, Egress]";

    [Fact]
    public void Pods_no_policy_selects_are_open()
    {
        var open = Decide("", AnyPodIn("anywhere"), Model);

        Assert.Equal((Outcome.Allowed, null), (open.Outcome, open.Admitted));
    }

    [Fact]
    public void A_policy_without_rules_isolates_the_pods_it_selects_and_allows_nothing()
    {
        var deny = Decide(Policy("deny", "podSelector: {}\npolicyTypes: [Ingress]"), AnyPodIn("team"), Model);

        Assert.Equal((Outcome.Denied, "deny"), (deny.Outcome, deny.By!.Name));
        Assert.Contains("isolates pods team/app=m for ingress", deny.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, Decide(Policy("deny-others", "podSelector: {matchLabels: {app: other}}\npolicyTypes: [Ingress]"), AnyPodIn("team"), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Policy("deny-elsewhere", "podSelector: {}\npolicyTypes: [Ingress]", ns: "other"), AnyPodIn("team"), Model).Outcome);
    }

    [Fact]
    public void Policies_add_up_and_the_closest_one_names_a_denial()
    {
        var policies = Policy("default-deny", DenyAll) + Policy("from-other", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}");

        var admitted = Decide(policies, Pod("other", ("app", "client")), Model);
        Assert.Equal((Outcome.Allowed, "from-other"), (admitted.Outcome, admitted.By!.Name));
        Assert.Contains("NetworkPolicy team/from-other allows", admitted.Admitted, StringComparison.Ordinal);
        var refused = Decide(policies, AnyPodIn("third"), Model);
        Assert.Equal((Outcome.Denied, "from-other"), (refused.Outcome, refused.By!.Name));
    }

    [Fact]
    public void Without_policy_types_a_policy_is_ingress_and_egress_only_with_egress_rules()
    {
        var ingressOnly = Policy("ingress", "podSelector: {}\ningress:\n- from:\n  - podSelector: {}");
        var withEgress = Policy("both", "podSelector: {}\negress:\n- to:\n  - podSelector: {}");
        var egressOnly = Policy("egress", "podSelector: {}\npolicyTypes: [Egress]");

        Assert.Equal(Outcome.Denied, Decide(ingressOnly, AnyPodIn("other"), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(ingressOnly, Model, Pod("other", ("app", "x"))).Outcome);
        Assert.Equal(Outcome.Denied, Decide(withEgress, Model, Pod("other", ("app", "x"))).Outcome);
        Assert.Equal(Outcome.Denied, Decide(withEgress, AnyPodIn("other"), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(egressOnly, AnyPodIn("other"), Model).Outcome);
    }

    [Fact]
    public void A_namespace_selector_on_the_name_label_works_for_any_namespace()
    {
        var policy = Policy("callers", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions:\n      - {key: kubernetes.io/metadata.name, operator: In, values: [team, risk-batch]}");

        Assert.Equal(Outcome.Allowed, Decide(policy, AnyPodIn("risk-batch"), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policy, AnyPodIn("team"), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policy, AnyPodIn("unlisted"), Model).Outcome);
    }

    [Fact]
    public void A_namespace_selector_on_other_labels_is_known_only_for_namespaces_the_plan_creates()
    {
        var policy = Policy("tier", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {tier: models}}");

        Assert.Equal(Outcome.Allowed, Decide(policy, AnyPodIn("team"), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policy, AnyPodIn("other"), Model).Outcome);
        var unlisted = Decide(policy, AnyPodIn("unlisted"), Model);
        Assert.Equal(Outcome.Unknown, unlisted.Outcome);
        Assert.Contains("the labels of namespace unlisted", unlisted.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Unknown, Decide(policy, Pod("knative-serving", ("app", "activator")), Model).Outcome);
        // A namespace the plan writes over an installed one keeps the installer's labels: still not known in full.
        var rewritten = "apiVersion: v1\nkind: Namespace\nmetadata: {name: knative-serving, labels: {zone: a}}\n---\n" + policy;
        Assert.Equal(Outcome.Unknown, Decide(rewritten, Pod("knative-serving", ("app", "activator")), Model).Outcome);
    }

    [Fact]
    public void A_pod_selector_alone_selects_pods_of_the_policys_namespace_and_with_a_namespace_selector_of_those()
    {
        var alone = Policy("clients", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - podSelector: {matchLabels: {app: client}}");
        var both = Policy("gateway", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: istio-system}}\n    podSelector: {matchLabels: {istio: public-gateway}}");
        var either = Policy("either", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: istio-system}}\n  - podSelector: {matchLabels: {istio: public-gateway}}");

        Assert.Equal(Outcome.Allowed, Decide(alone, Pod("team", ("app", "client")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(alone, Pod("other", ("app", "client")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(alone, Pod("team", ("app", "server")), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(both, Pod("istio-system", ("istio", "public-gateway")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(both, Pod("istio-system", ("istio", "ingressgateway")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(both, Pod("team", ("istio", "public-gateway")), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(either, Pod("istio-system", ("istio", "ingressgateway")), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(either, Pod("team", ("istio", "public-gateway")), Model).Outcome);
    }

    [Fact]
    public void Selector_expressions_follow_kubernetes_operators()
    {
        string With(string op, string values = "") =>
            Policy("expr", $"podSelector: {{}}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - podSelector:\n      matchExpressions:\n      - {{key: role, operator: {op}{values}}}");

        Assert.Equal(Outcome.Allowed, Decide(With("In", ", values: [a, b]"), Pod("team", ("role", "b")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(With("NotIn", ", values: [a, b]"), Pod("team", ("role", "b")), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(With("Exists"), Pod("team", ("role", "x")), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(With("DoesNotExist"), Pod("team", ("role", "x")), Model).Outcome);
        // A pod's labels are never known in full (controllers add some): a missing key is unknown, not absent.
        Assert.Equal(Outcome.Unknown, Decide(With("DoesNotExist"), Pod("team", ("app", "x")), Model).Outcome);
        Assert.Equal(Outcome.Unknown, Decide(With("Matches", ", values: [a]"), Pod("team", ("role", "a")), Model).Outcome);
    }

    [Fact]
    public void Ports_match_by_protocol_number_and_range_and_named_ports_are_unknown()
    {
        string Ports(string ports) => Policy("ports", $"podSelector: {{}}\npolicyTypes: [Ingress]\ningress:\n- ports: {ports}");

        Assert.Equal(Outcome.Allowed, Decide(Ports("[{port: 8012}]"), AnyPodIn("x"), Model, 8012).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Ports("[{port: 8012}]"), AnyPodIn("x"), Model, 9090).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Ports("[{port: 8012}]"), AnyPodIn("x"), Model, 8012, "UDP").Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Ports("[{protocol: UDP, port: 53}]"), AnyPodIn("x"), Model, 53, "UDP").Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Ports("[{port: 8000, endPort: 8100}]"), AnyPodIn("x"), Model, 8012).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Ports("[{port: 8000, endPort: 8010}]"), AnyPodIn("x"), Model, 8012).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Ports("[{protocol: TCP}]"), AnyPodIn("x"), Model, 1).Outcome);
        var named = Decide(Ports("[{port: http}]"), AnyPodIn("x"), Model, 8012);
        Assert.Equal(Outcome.Unknown, named.Outcome);
        Assert.Contains("named port `http`", named.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Egress_of_the_calling_pods_counts_as_well_as_ingress_of_the_called_ones()
    {
        var callerDenies = Policy("default-deny", DenyAll, ns: "other");
        var callerAllows = callerDenies + Policy("to-team", "podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: team}}\n  ports: [{port: 8012}]", ns: "other");

        var refused = Decide(callerDenies, AnyPodIn("other"), Model);
        Assert.Equal((Outcome.Denied, "other"), (refused.Outcome, refused.By!.Namespace));
        Assert.Contains("for egress", refused.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, Decide(callerAllows, AnyPodIn("other"), Model).Outcome);
        Assert.Equal(Outcome.Denied, Decide(callerAllows, AnyPodIn("other"), Model, 9090).Outcome);
        Assert.Equal(Outcome.Denied, Decide(callerAllows + Policy("deny", "podSelector: {}\npolicyTypes: [Ingress]"), AnyPodIn("other"), Model).Outcome);
    }

    [Fact]
    public void Whether_a_policy_selects_the_callers_pods_by_label_is_unknown()
    {
        var byLabel = Policy("batch", "podSelector: {matchLabels: {app: batch}}\npolicyTypes: [Egress]", ns: "other");

        var unknown = Decide(byLabel, AnyPodIn("other"), Model);
        Assert.Equal((Outcome.Unknown, "batch"), (unknown.Outcome, unknown.By!.Name));
        Assert.Equal(Outcome.Denied, Decide(byLabel, Pod("other", ("app", "batch")), Model).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(byLabel, Pod("other", ("app", "web")), Model).Outcome);
    }

    [Fact]
    public void An_ip_block_admits_a_load_balancer_only_when_it_holds_all_its_front_ends()
    {
        var gateway = Pod("istio-system", ("istio", "public-gateway"));
        var lb = NetworkPeer.At("Google's load balancer", IPNetwork.Parse("35.191.0.0/16"), IPNetwork.Parse("130.211.0.0/22"));
        string Block(string block) => Policy("from-lb", $"podSelector: {{}}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - ipBlock: {block}", ns: "istio-system");

        Assert.Equal(Outcome.Allowed, Decide(Block("{cidr: 0.0.0.0/0}"), lb, Peer(gateway), 8443).Outcome);
        Assert.Equal(Outcome.Unknown, Decide(Block("{cidr: 35.191.0.0/16}"), lb, Peer(gateway), 8443).Outcome);
        Assert.Equal(Outcome.Unknown, Decide(Block("{cidr: 0.0.0.0/0, except: [35.191.128.0/17]}"), lb, Peer(gateway), 8443).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Block("{cidr: 0.0.0.0/0, except: [35.191.0.0/16, 130.211.0.0/22]}"), lb, Peer(gateway), 8443).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Block("{cidr: 10.0.0.0/8}"), lb, Peer(gateway), 8443).Outcome);
        // A range spelled the way some tools read differently is not read at all.
        Assert.Equal(Outcome.Unknown, Decide(Block("{cidr: 010.0.0.0/8}"), lb, Peer(gateway), 8443).Outcome);
        var internet = Decide(Block("{cidr: 0.0.0.0/0}"), Peer(CallerPods.Outside("someone on the internet", GoogleEdge.Internet)), Peer(gateway), 8443);
        Assert.Equal(Outcome.Unknown, internet.Outcome);
        Assert.Contains("the addresses of someone on the internet", internet.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Egress_to_several_ranges_is_allowed_when_each_range_is_in_some_block()
    {
        var twoBlocks = Policy("out", "podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 10.0.0.0/24}\n  - ipBlock: {cidr: 10.0.1.0/24}");
        var oneBlock = Policy("out", "podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 10.0.0.0/24}");
        var service = NetworkPeer.At("a service on two ranges", IPNetwork.Parse("10.0.0.0/24"), IPNetwork.Parse("10.0.1.0/24"));

        Assert.Equal(Outcome.Allowed, Decide(twoBlocks, Peer(Model), service, 443).Outcome);
        var partly = Decide(oneBlock, Peer(Model), service, 443);
        Assert.Equal(Outcome.Unknown, partly.Outcome);
        Assert.Contains("treats the addresses of a service on two ranges differently", partly.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ip_block_never_selects_the_clusters_pods_on_dataplane_v2_and_is_unknown_elsewhere()
    {
        var policy = Policy("any-address", "podSelector: {}\npolicyTypes: [Ingress]\ningress:\n- from:\n  - ipBlock: {cidr: 0.0.0.0/0}");
        var existing = new NetworkPolicyEnforcement(null, null, "an existing cluster");

        Assert.Equal(Outcome.Denied, Decide(policy, Pod("other", ("app", "x")), Model).Outcome);
        Assert.Equal(Outcome.Unknown, Decide(policy, Pod("other", ("app", "x")), Model, enforcement: existing).Outcome);
    }

    [Fact]
    public void A_denial_is_unknown_where_the_cluster_may_not_enforce_network_policy_and_nothing_where_it_does_not()
    {
        var deny = Policy("deny", "podSelector: {}\npolicyTypes: [Ingress]");
        var existing = NetworkPolicyEnforcement.Of(AccessKit.DevGcp() with { Cluster = null });
        var legacy = new NetworkPolicyEnforcement(false, null, "legacy datapath");

        var maybe = Decide(deny, AnyPodIn("x"), Model, enforcement: existing);
        Assert.Equal(Outcome.Unknown, maybe.Outcome);
        Assert.Contains("if the cluster enforces NetworkPolicy", maybe.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, Decide(deny, AnyPodIn("x"), Model, enforcement: legacy).Outcome);
        Assert.Equal(NetworkPolicyEnforcement.DataplaneV2, NetworkPolicyEnforcement.Of(AccessKit.DevGcp()));
    }

    [Fact]
    public void A_network_policy_of_another_api_version_is_not_modeled()
    {
        var state = AccessKit.State("apiVersion: networking.k8s.io/v2\nkind: NetworkPolicy\nmetadata: {name: future, namespace: team}\nspec: {podSelector: {}}\n");

        Assert.Equal("future", state.UnmodeledAffecting("team")?.Object.Name);
        Assert.Null(AccessKit.State(Policy("current", "podSelector: {}")).UnmodeledAffecting("team"));
    }
}
