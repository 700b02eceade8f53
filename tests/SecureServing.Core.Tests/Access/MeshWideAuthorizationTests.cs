using SecureServing.Core.Access;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// AuthorizationPolicies in Istio's root namespace (istio-system) together with namespace and workload policies
/// (istio.io/latest/docs/reference/config/security/authorization-policy/: "If the authorization policy is in the root
/// namespace, the selector will additionally match with workloads in all namespaces"), on hand-written policies of
/// the shapes of a mesh-wide default deny (istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns)
/// and the platform's allows beside it. Each request goes to the pods the cluster state holds (the installed gateways,
/// activator and autoscaler) or to hand-built ones.
/// </summary>
public sealed class MeshWideAuthorizationTests
{
    private const string DefaultDeny = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: default-deny, namespace: istio-system}
        spec: {}
        ---

        """;

    private static readonly string AllowPublicGateway = Policy("istio-system", "allow-public-gateway", "selector: {matchLabels: {istio: public-gateway}}\naction: ALLOW\nrules:\n- {}");

    private static readonly string AllowLocalGateway = Policy("istio-system", "allow-local-gateway", "selector: {matchLabels: {istio: ingressgateway}}\naction: ALLOW\nrules:\n- {}");

    private static readonly string AllowActivator = Policy("knative-serving", "allow-activator", $$$"""
        selector: {matchLabels: {app: activator}}
        action: ALLOW
        rules:
        - from:
          - source: {namespaces: [fraud-models, risk-batch]}
          - source: {principals: ["{{{GatewayPrincipals.Public}}}", "{{{GatewayPrincipals.Local}}}"]}
          to:
          - operation: {ports: ["8012", "8013"]}
        """);

    private static readonly string AllowAutoscaler = Policy("knative-serving", "allow-autoscaler", "selector: {matchLabels: {app: autoscaler}}\naction: ALLOW\nrules:\n- from:\n  - source: {namespaces: [knative-serving]}");

    private static readonly string AllowWebhooks =
        Policy("knative-serving", "allow-webhooks", "action: ALLOW\nrules:\n- to:\n  - operation: {ports: [\"8443\"]}") +
        Policy("kserve", "allow-webhooks", "action: ALLOW\nrules:\n- to:\n  - operation: {ports: [\"9443\"]}");

    private static readonly string TeamAllowAll = Policy("open-models", "allow-all", "action: ALLOW\nrules:\n- {}");

    private static string Policy(string ns, string name, string spec) =>
        "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n" +
        $"metadata: {{name: {name}, namespace: {ns}}}\nspec:\n" +
        string.Join('\n', spec.Split('\n').Select(l => "  " + l)) + "\n---\n";

    private static Workload Pods(string ns, string app) => AccessKit.Pod(ns, app, [("app", app)]);

    private static Peer Mtls(string ns, string sa = "default") => new(GatewayPrincipals.Of(ns, sa), ns);

    private static readonly Peer PublicGateway = new(GatewayPrincipals.Public, SystemNamespaces.IstioSystem);

    private static AuthzResult Decide(string policies, string workload, Peer peer, int port = 8012, string path = "/v1/models/m:predict") =>
        Decide(policies, state => state.Workloads.Single(w => w.Name == workload), peer, port, path);

    private static AuthzResult Decide(string policies, Workload pods, Peer peer, int port = 8012, string path = "/v1/models/m:predict") =>
        Decide(policies, _ => pods, peer, port, path);

    private static AuthzResult Decide(string policies, Func<ClusterState, Workload> pods, Peer peer, int port, string path)
    {
        var state = AccessKit.State(policies + "apiVersion: v1\nkind: Namespace\nmetadata: {name: fraud-models}\n");
        return AuthorizationPolicies.Decide(state, pods(state), new AuthzContext(peer, null, HttpRequest.Create("h", path), port));
    }

    [Fact]
    public void The_root_default_deny_refuses_every_request_to_every_proxy_no_other_allow_policy_admits()
    {
        foreach (var pods in new Func<ClusterState, Workload>[] { _ => Pods("batch-jobs", "x"), s => s.Workloads.Single(w => w.Name == "activator"), s => s.Workloads.Single(w => w.Name == "istio-public-gateway") })
        {
            var refused = Decide(DefaultDeny, pods, Mtls("fraud-models"), 8012, "/");
            Assert.Equal((Outcome.Denied, "istio-system", "default-deny"), (refused.Outcome, refused.By!.Namespace, refused.By.Name));
        }

        Assert.Equal(Outcome.Allowed, Decide("", Pods("batch-jobs", "x"), Mtls("fraud-models")).Outcome);
    }

    [Fact]
    public void Beside_the_default_deny_a_request_passes_only_where_another_allow_policy_of_the_workload_matches()
    {
        var own = DefaultDeny + Policy("fraud-models", "isolation", "action: ALLOW\nrules:\n- from:\n  - source: {namespaces: [fraud-models]}");

        var admitted = Decide(own, Pods("fraud-models", "m"), Mtls("fraud-models"));
        Assert.Equal((Outcome.Allowed, "isolation"), (admitted.Outcome, admitted.By!.Name));
        var refused = Decide(own, Pods("fraud-models", "m"), Mtls("recsys-models"));
        Assert.Equal((Outcome.Denied, "isolation"), (refused.Outcome, refused.By!.Name));
        Assert.Contains("istio-system/default-deny", refused.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Denied, Decide(own, Pods("recsys-models", "m"), Mtls("recsys-models")).Outcome);
    }

    [Fact]
    public void A_root_policy_with_a_selector_applies_to_the_workloads_it_selects_in_every_namespace_and_no_others()
    {
        var policies = DefaultDeny + AllowPublicGateway;
        var anywhere = DefaultDeny + Policy("istio-system", "allow-m", "selector: {matchLabels: {app: m}}\nrules:\n- {}");

        Assert.Equal(Outcome.Allowed, Decide(policies, "istio-public-gateway", Peer.Unauthenticated, 80).Outcome);
        var local = Decide(policies, "istio-ingressgateway", Peer.Unauthenticated, 8081);
        Assert.Equal((Outcome.Denied, "default-deny"), (local.Outcome, local.By!.Name));
        Assert.Equal(Outcome.Allowed, Decide(policies + AllowLocalGateway, "istio-ingressgateway", Peer.Unauthenticated, 8081).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(anywhere, Pods("fraud-models", "m"), Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Denied, Decide(anywhere, Pods("fraud-models", "n"), Peer.Unauthenticated).Outcome);
    }

    [Fact]
    public void The_activator_admits_the_listed_namespaces_and_the_gateways_by_identity_on_its_ports_only()
    {
        var policies = DefaultDeny + AllowActivator + AllowWebhooks;

        Assert.Equal(Outcome.Allowed, Decide(policies, "activator", Mtls("fraud-models")).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policies, "activator", Mtls("risk-batch"), 8013).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policies, "activator", PublicGateway).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policies, "activator", new Peer(GatewayPrincipals.Local, SystemNamespaces.IstioSystem)).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, "activator", Mtls("fraud-models"), 9090).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, "activator", Mtls("unlisted-namespace")).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, "activator", Mtls(SystemNamespaces.IstioSystem)).Outcome);
        var anonymous = Decide(policies, "activator", Peer.Unauthenticated);
        Assert.Equal((Outcome.Denied, "allow-activator"), (anonymous.Outcome, anonymous.By!.Name));
    }

    [Fact]
    public void The_webhooks_admit_callers_without_identity_on_their_port_in_their_namespace()
    {
        var policies = DefaultDeny + AllowWebhooks;

        Assert.Equal(Outcome.Allowed, Decide(policies, Pods("knative-serving", "webhook"), Peer.Unauthenticated, 8443).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Pods("knative-serving", "webhook"), Peer.Unauthenticated, 9443).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policies, Pods("kserve", "kserve-controller-manager"), Peer.Unauthenticated, 9443).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Pods("kserve", "kserve-controller-manager"), Peer.Unauthenticated, 8443).Outcome);
    }

    [Fact]
    public void The_autoscaler_admits_knative_serving_only()
    {
        var policies = DefaultDeny + AllowAutoscaler + AllowWebhooks;

        Assert.Equal(Outcome.Allowed, Decide(policies, "autoscaler", Mtls("knative-serving", "activator"), 8080).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, "autoscaler", Mtls("fraud-models"), 8080).Outcome);
    }

    [Fact]
    public void A_team_allow_all_keeps_a_namespace_without_isolation_open_under_the_default_deny()
    {
        var policies = DefaultDeny + TeamAllowAll;

        Assert.Equal(Outcome.Allowed, Decide(policies, Pods("open-models", "m"), Peer.Unauthenticated).Outcome);
        Assert.Equal(Outcome.Allowed, Decide(policies, Pods("open-models", "m"), Mtls("anywhere")).Outcome);
        Assert.Equal(Outcome.Denied, Decide(policies, Pods("closed-models", "m"), Mtls("anywhere")).Outcome);
    }

    [Fact]
    public void A_mesh_wide_deny_or_custom_policy_comes_before_every_allow_of_the_namespace()
    {
        var deny = Policy("istio-system", "no-admin", "action: DENY\nrules:\n- to:\n  - operation: {paths: [\"/admin*\"]}");
        var custom = Policy("istio-system", "ext", "action: CUSTOM\nprovider: {name: opa}\nrules:\n- {}");

        var refused = Decide(DefaultDeny + TeamAllowAll + deny, Pods("open-models", "m"), Mtls("x"), path: "/admin/reload");
        Assert.Equal((Outcome.Denied, "no-admin"), (refused.Outcome, refused.By!.Name));
        Assert.Equal(Outcome.Allowed, Decide(DefaultDeny + TeamAllowAll + deny, Pods("open-models", "m"), Mtls("x")).Outcome);
        Assert.Equal((Outcome.Unknown, "ext"), (Decide(TeamAllowAll + custom, Pods("open-models", "m"), Mtls("x")) is var r ? (r.Outcome, r.By!.Name) : default));
    }

    [Theory]
    [InlineData("\"true\"", Outcome.Allowed)]
    [InlineData("\"True\"", Outcome.Allowed)]
    [InlineData("\"1\"", Outcome.Allowed)]
    [InlineData("\"false\"", Outcome.Denied)]
    [InlineData("\"yes\"", Outcome.Unknown)]
    public void A_dry_run_policy_is_logged_not_enforced(string value, Outcome outcome)
    {
        var dryRun = $"apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {{name: default-deny, namespace: istio-system, annotations: {{istio.io/dry-run: {value}}}}}\nspec: {{}}\n---\n";

        Assert.Equal(outcome, Decide(dryRun, Pods("batch-jobs", "x"), Mtls("fraud-models")).Outcome);
    }
}
