using SecureServing.Core.Access;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Istio's AuthorizationPolicy semantics on hand-built policies (istio.io/latest/docs/concepts/security/#authorization-policies,
/// istio.io/latest/docs/reference/config/security/authorization-policy/), one documented rule per test, with the
/// outcome Istio gives literally.
/// </summary>
public sealed class IstioAuthorizationTests
{
    private static readonly Workload Pods = new("team", "m", new Dictionary<string, string> { ["app"] = "m" }, "default", true, WorkloadRole.Model,
        new ObjectRef("Pod", "team", "m"), "test");

    private static readonly Jwt Token = new("https://issuer.example", "alice", ["client-a"],
        new Dictionary<string, IReadOnlyList<string>> { ["groups"] = ["readers", "writers"] }, "https://issuer.example/keys", "a test token");

    private static Peer Mtls(string ns) => new($"cluster.local/ns/{ns}/sa/default", ns);

    private static string Policy(string name, string spec, string ns = "team") =>
        "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n" +
        $"metadata: {{name: {name}, namespace: {ns}}}\nspec:\n" +
        string.Join('\n', spec.Split('\n').Select(l => "  " + l)) + "\n---\n";

    private static AuthzResult Decide(string policies, Peer peer, string path = "/v1/models/m:predict", Jwt? token = null, string method = "POST", int port = 8012, string host = "m.team.svc.cluster.local")
    {
        var state = AccessKit.State(policies + "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n");
        var identity = token is null ? null : new RequestIdentity(token, new ObjectRef("RequestAuthentication", "team", "jwt"));
        return AuthorizationPolicies.Decide(state, Pods, new AuthzContext(peer, identity, HttpRequest.Create(host, path, method), port));
    }

    private const string OwnNamespaceOnly = "action: ALLOW\nrules:\n- from:\n  - source: {namespaces: [team]}";

    [Fact]
    public void Without_any_policy_every_request_is_allowed()
    {
        Assert.Equal(Outcome.Allowed, Decide("", Peer.Unauthenticated).Outcome);
    }

    [Fact]
    public void An_allow_policy_denies_every_request_none_of_its_rules_matches()
    {
        var policies = Policy("own", OwnNamespaceOnly);

        Assert.Equal(Outcome.Allowed, Decide(policies, Mtls("team")).Outcome);
        var other = Decide(policies, Mtls("other"));
        Assert.Equal(Outcome.Denied, other.Outcome);
        Assert.Equal("own", other.By!.Name);
    }

    [Fact]
    public void Deny_is_evaluated_before_allow()
    {
        var policies = Policy("own", OwnNamespaceOnly) + Policy("no-delete", "action: DENY\nrules:\n- to:\n  - operation: {methods: [DELETE]}");

        Assert.Equal(Outcome.Allowed, Decide(policies, Mtls("team")).Outcome);
        var delete = Decide(policies, Mtls("team"), method: "DELETE");
        Assert.Equal((Outcome.Denied, "no-delete"), (delete.Outcome, delete.By!.Name));
    }

    [Fact]
    public void A_matching_custom_policy_is_unknown_unless_the_request_is_denied_anyway()
    {
        var custom = Policy("ext", "action: CUSTOM\nprovider: {name: opa}\nrules:\n- to:\n  - operation: {paths: [\"/v1/*\"]}");

        var delegated = Decide(custom + Policy("own", OwnNamespaceOnly), Mtls("team"));
        Assert.Equal((Outcome.Unknown, "ext"), (delegated.Outcome, delegated.By!.Name));
        Assert.Contains("opa", delegated.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Denied, Decide(custom + Policy("own", OwnNamespaceOnly), Mtls("other")).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(custom, Mtls("team"), path: "/healthz").Outcome);
    }

    [Fact]
    public void A_policy_without_rules_matches_nothing_and_an_empty_rule_matches_everything()
    {
        Assert.Equal(Outcome.Denied, Decide(Policy("deny-all", "{}"), Mtls("team")).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Policy("allow-all", "rules:\n- {}"), Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Policy("deny-nothing", "action: DENY"), Peer.Unauthenticated).Outcome);
    }

    [Fact]
    public void From_to_and_when_must_all_match_within_a_rule()
    {
        var policies = Policy("probes", "rules:\n- from:\n  - source: {namespaces: [knative-serving]}\n  to:\n  - operation: {paths: [/healthz]}\n  when:\n  - key: request.headers[k-network-probe]\n    values: [probe]");
        var probe = HttpRequest.Create("m", "/healthz", "GET").WithHeader("k-network-probe", "probe");
        var state = AccessKit.State(policies);

        Assert.Equal(Outcome.Allowed, AuthorizationPolicies.Decide(state, Pods, new AuthzContext(Mtls("knative-serving"), null, probe, 8012)).Outcome);
        Assert.Equal(Outcome.Denied, AuthorizationPolicies.Decide(state, Pods, new AuthzContext(Mtls("knative-serving"), null, probe with { Path = "/v1/models/m" }, 8012)).Outcome);
        Assert.Equal(Outcome.Denied, AuthorizationPolicies.Decide(state, Pods, new AuthzContext(Mtls("knative-serving"), null, HttpRequest.Create("m", "/healthz", "GET"), 8012)).Outcome);
        Assert.Equal(Outcome.Denied, AuthorizationPolicies.Decide(state, Pods, new AuthzContext(Mtls("team"), null, probe, 8012)).Outcome);
    }

    [Fact]
    public void Rules_and_list_entries_are_or_ed()
    {
        var policies = Policy("two", "rules:\n- from:\n  - source: {namespaces: [a]}\n  - source: {namespaces: [b]}\n- from:\n  - source: {namespaces: [c, d]}");

        Assert.All(new[] { "a", "b", "c", "d" }, ns => Assert.Equal(Outcome.Allowed, Decide(policies, Mtls(ns)).Outcome));
        Assert.Equal(Outcome.Denied, Decide(policies, Mtls("e")).Outcome);
    }

    [Fact]
    public void Source_namespaces_and_principals_are_known_only_under_mtls()
    {
        var allow = Policy("own", OwnNamespaceOnly);
        var denyOthers = Policy("not-team", "action: DENY\nrules:\n- from:\n  - source: {notNamespaces: [team]}");

        Assert.Equal(Outcome.Denied, Decide(allow, Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Denied, Decide(denyOthers, Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(denyOthers, Mtls("team")).Outcome);
    }

    [Theory]
    [InlineData("cluster.local/ns/team/sa/default", true)]
    [InlineData("cluster.local/ns/team/*", true)]
    [InlineData("*/sa/default", true)]
    [InlineData("*", true)]
    [InlineData("cluster.local/ns/team/sa/other", false)]
    [InlineData("cluster.local/ns/tea*", true)]
    public void Principals_match_exactly_by_prefix_by_suffix_or_by_presence(string pattern, bool allowed)
    {
        var policies = Policy("p", $"rules:\n- from:\n  - source: {{principals: [\"{pattern}\"]}}");

        Assert.Equal(allowed ? Outcome.Allowed : Outcome.Denied, Decide(policies, Mtls("team")).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Peer.Unauthenticated).Outcome);
    }

    [Fact]
    public void Request_principals_exist_only_after_a_valid_jwt()
    {
        var requireJwt = Policy("jwt", "rules:\n- from:\n  - source: {requestPrincipals: [\"*\"]}");
        var denyWithoutJwt = Policy("no-jwt", "action: DENY\nrules:\n- from:\n  - source: {notRequestPrincipals: [\"https://issuer.example/*\"]}");

        Assert.Equal(Outcome.Denied, Decide(requireJwt, Mtls("team")).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(requireJwt, Mtls("team"), token: Token).Outcome);
        Assert.Equal(Outcome.Denied, Decide(denyWithoutJwt, Mtls("team")).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(denyWithoutJwt, Mtls("team"), token: Token).Outcome);
    }

    [Fact]
    public void A_selector_limits_a_policy_to_the_pods_it_selects()
    {
        var forOtherPods = Policy("other-pods", "selector: {matchLabels: {app: other}}\n" + OwnNamespaceOnly);
        var forThesePods = Policy("these-pods", "selector: {matchLabels: {app: m}}\n" + OwnNamespaceOnly);

        Assert.Equal(Outcome.Allowed, Decide(forOtherPods, Mtls("elsewhere")).Outcome);
        Assert.Equal(Outcome.Denied, Decide(forThesePods, Mtls("elsewhere")).Outcome);
    }

    [Fact]
    public void Policies_in_the_root_namespace_apply_to_the_whole_mesh_and_other_namespaces_only_to_their_own()
    {
        Assert.Equal(Outcome.Denied, Decide(Policy("mesh", "action: DENY\nrules:\n- to:\n  - operation: {paths: [/admin]}", ns: "istio-system"), Mtls("team"), path: "/admin").Outcome);
        Assert.Equal(Outcome.Allowed, Decide(Policy("elsewhere", "{}", ns: "another-team"), Mtls("team")).Outcome);
        Assert.Equal(Outcome.Denied, Decide(Policy("mesh-selector", "selector: {matchLabels: {app: m}}\n" + OwnNamespaceOnly, ns: "istio-system"), Mtls("x")).Outcome);
    }

    [Fact]
    public void Hosts_ignore_case_and_paths_methods_and_ports_match_exactly_or_by_pattern()
    {
        var policies = Policy("ops", "rules:\n- to:\n  - operation: {hosts: [\"*.Example.COM\"], paths: [\"/v1/*\"], methods: [POST], ports: [\"8012\"]}");

        Assert.Equal(Outcome.Allowed, Decide(policies, Peer.Unauthenticated, host: "models.example.com").Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Peer.Unauthenticated, host: "models.example.org").Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Peer.Unauthenticated, host: "models.example.com", method: "GET").Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Peer.Unauthenticated, host: "models.example.com", port: 9090).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Peer.Unauthenticated, host: "models.example.com", path: "/v2/models").Outcome);
    }

    [Fact]
    public void Conditions_match_any_value_of_a_list_claim_and_not_values_exclude()
    {
        string When(string key, string values) => Policy("c", $"rules:\n- when:\n  - key: \"{key}\"\n    {values}");

        Assert.Equal(Outcome.Allowed, Decide(When("request.auth.claims[groups]", "values: [writers, admins]"), Peer.Unauthenticated, token: Token).Outcome);
        Assert.Equal(Outcome.Denied, Decide(When("request.auth.claims[groups]", "values: [admins]"), Peer.Unauthenticated, token: Token).Outcome);
        Assert.Equal(Outcome.Denied, Decide(When("request.auth.claims[groups]", "notValues: [readers]"), Peer.Unauthenticated, token: Token).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(When("request.auth.audiences", "values: [\"client-*\"]"), Peer.Unauthenticated, token: Token).Outcome);
        Assert.Equal(Outcome.Denied, Decide(When("request.auth.audiences", "values: [\"client-*\"]"), Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(When("source.namespace", "values: [team]"), Mtls("team")).Outcome);
    }

    [Fact]
    public void Attributes_the_evaluator_does_not_model_are_unknown_never_guessed()
    {
        var byAddress = Decide(Policy("ip", "rules:\n- from:\n  - source: {ipBlocks: [10.0.0.0/8]}"), Mtls("team"));
        var byRemote = Decide(Policy("remote", "rules:\n- when:\n  - key: remote.ip\n    values: [10.0.0.1]"), Mtls("team"));
        var byTargetRef = Decide(Policy("waypoint", "targetRefs:\n- {kind: Service, name: m}\n" + OwnNamespaceOnly), Mtls("other"));

        Assert.Equal(Outcome.Unknown, byAddress.Outcome);
        Assert.Equal(Outcome.Unknown, byRemote.Outcome);
        Assert.Equal(Outcome.Unknown, byTargetRef.Outcome);
    }

    [Fact]
    public void Audit_policies_do_not_decide()
    {
        Assert.Equal(Outcome.Allowed, Decide(Policy("audit", "action: AUDIT\nrules:\n- {}"), Mtls("other")).Outcome);
    }
}
