using SecureServing.Core.Access;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// The outcomes the design documents give, reproduced by the evaluator: KServe's "Secure InferenceService with
/// ServiceMesh" table of 200/403 answers (namespace isolation, with and without the activator on the path), KServe's
/// GCP IAP example (IAP authenticates; the sidecar's authorization decides), and Dex in the mesh (issuer, audience and
/// groups checked; a missing token is refused by authorization, an invalid one by authentication).
/// </summary>
public sealed class SeedOutcomesTests
{
    /// <summary>The example's objects: namespace user1 (injected, STRICT), its three-rule policy, and the two InferenceServices.</summary>
    private const string Example = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: user1, labels: {istio-injection: enabled}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: user1}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-serving-tests, namespace: user1}
        spec:
          action: ALLOW
          rules:
          - from:
            - source: {namespaces: [user1]}
          - from:
            - source: {namespaces: [knative-serving]}
          - from:
            - source: {namespaces: [knative-serving]}
            to:
            - operation: {paths: [/metrics, /healthz, /ready, /wait-for-drain]}
        ---
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata: {name: sklearn-iris-burst, namespace: user1, annotations: {sidecar.istio.io/inject: "true"}}
        spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: gs://kfserving-examples/models/sklearn/1.0/model}}}
        ---
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata: {name: sklearn-iris, namespace: user1, annotations: {autoscaling.knative.dev/targetBurstCapacity: "0", sidecar.istio.io/inject: "true"}}
        spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: gs://kfserving-examples/models/sklearn/1.0/model}}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: inferenceservice-config, namespace: kserve}
        data: {ingress: "{\"disableIstioVirtualHost\": true}"}
        patch: true
        """;

    /// <summary>Its precondition: the activator and autoscaler have sidecars (knative-serving labelled for injection).</summary>
    private const string KnativeInMesh = """
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: knative-serving, labels: {istio-injection: enabled}}
        patch: true
        """;

    private static readonly Caller Httpbin = AccessKit.Caller(CallerKind.Namespace, "user1");
    private static readonly Caller Sleep = AccessKit.Caller(CallerKind.Namespace, "default");

    private static Outcome Call(string objects, Caller caller, string model) =>
        AccessEvaluator.Evaluate(AccessKit.Plan(objects), AccessKit.DevGcp(), [caller]).Model("user1", model).Cell(caller.Id).Predict.Outcome;

    [Theory]
    [InlineData("user1", "sklearn-iris", Outcome.Allowed)]        // 200: same namespace, activator off the path
    [InlineData("user1", "sklearn-iris-burst", Outcome.Allowed)]  // 200: through the activator (knative-serving rule)
    [InlineData("default", "sklearn-iris", Outcome.Denied)]       // 403 RBAC denied: another namespace
    [InlineData("default", "sklearn-iris-burst", Outcome.Allowed)] // 200: the activator hides the caller (net-istio #554)
    public void The_namespace_isolation_table(string from, string model, Outcome expected)
    {
        Assert.Equal(expected, Call(Example + "\n" + KnativeInMesh, from == "user1" ? Httpbin : Sleep, model));
    }

    [Fact]
    public void The_activator_path_needs_the_activator_in_the_mesh()
    {
        var matrix = AccessEvaluator.Evaluate(AccessKit.Plan(Example), AccessKit.DevGcp(), [Httpbin]);
        var burst = matrix.Model("user1", "sklearn-iris-burst").Cell(Httpbin.Id).Predict;

        Assert.Equal(Outcome.Denied, burst.Outcome);
        Assert.Equal(("PeerAuthentication", "default"), (burst.Decider.Kind, burst.Decider.Name));
        Assert.Contains("STRICT", burst.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, matrix.Model("user1", "sklearn-iris").Cell(Httpbin.Id).Predict.Outcome);
    }

    [Fact]
    public void Iap_admits_granted_members_and_google_answers_the_rest()
    {
        var report = AccessCheck.Evaluate(AccessKit.Shipped("dev"));

        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com"));
        var outsider = AccessKit.Cell(report, "fraud-models/sklearn-iris", "iap:ungranted").Predict;
        Assert.Equal(("IAP", ObjectOrigin.Gcp), (outsider.Decider.Kind, outsider.Decider.Origin));
        Assert.Contains("403", outsider.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_sidecar_and_no_policy_admitting_the_gateway_iap_requests_get_403_from_the_mesh()
    {
        var config = AccessKit.Shipped("dev");
        var plan = AccessKit.Remove(KubernetesPlanner.Plan(config), "AuthorizationPolicy", "fraud-models", "sklearn-iris-callers");

        var member = AccessKit.Cell(AccessCheck.Evaluate(config, plan, GcpPlanner.Plan(config)), "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Predict;

        Assert.Equal(Outcome.Denied, member.Outcome);
        Assert.Equal("namespace-isolation", member.Decider.Name);
        Assert.Contains("(403)", member.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_sidecar_there_is_no_mesh_authorization_at_all()
    {
        var config = AccessKit.Shipped("dev");
        var teams = config.Teams.Select(t => t.Team != "fraud" ? t : t with { Models = [.. t.Models.Select(m => m with { SidecarInjection = false })] }).ToList();
        var report = AccessCheck.Evaluate(config with { Teams = teams });

        var unlisted = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:unlisted-namespace").Predict;
        Assert.Equal(Outcome.Allowed, unlisted.Outcome);
        Assert.Contains("no sidecar", unlisted.Why, StringComparison.Ordinal);
    }

    private static AccessDecision Dex(params KeyValuePair<string, Jwt>[] tokens)
    {
        var config = AccessKit.Shipped("prod");
        var plan = KubernetesPlanner.Plan(config);
        var gcp = GcpPlanner.Plan(config);
        var caller = new Caller("iap:test", "IAP member", CallerKind.Iap)
        {
            Namespace = "(internet)",
            Identity = new GoogleIdentity("someone@group-member.invalid", ["fraud-ml@example.com"]),
            Tokens = tokens,
        };
        return AccessEvaluator.Evaluate(plan, gcp, [caller]).Model("fraud-models", "sklearn-iris").Cell(caller.Id).Predict;
    }

    private static KeyValuePair<string, Jwt> Bearer(Jwt token) => new("authorization", token);

    [Fact]
    public void Dex_a_valid_token_with_the_issuer_audience_and_group_gets_through()
    {
        var dex = AccessKit.Shipped("prod").Mesh.Dex!;

        var ok = Dex(Bearer(AccessCallers.DexToken(dex, ["ml-serving-users"])));

        Assert.Equal(Outcome.Allowed, ok.Outcome);
        Assert.Equal("sklearn-iris-callers", ok.Decider.Name);
    }

    [Fact]
    public void Dex_a_missing_token_or_a_token_outside_the_groups_is_refused_by_authorization_with_403()
    {
        var dex = AccessKit.Shipped("prod").Mesh.Dex!;

        foreach (var refused in new[] { Dex(), Dex(Bearer(AccessCallers.DexToken(dex, ["interns"]))) })
        {
            Assert.Equal(Outcome.Denied, refused.Outcome);
            Assert.Equal("AuthorizationPolicy", refused.Decider.Kind);
            Assert.Contains("(403)", refused.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dex_an_invalid_token_is_refused_by_authentication_with_401()
    {
        var dex = AccessKit.Shipped("prod").Mesh.Dex!;
        var valid = AccessCallers.DexToken(dex, ["ml-serving-users"]);

        foreach (var invalid in new[] { valid with { SignedWithKeysAt = "https://attacker.example/keys", Forged = true }, valid with { Audiences = ["another-client"] } })
        {
            var refused = Dex(Bearer(invalid));
            Assert.Equal((Outcome.Denied, "RequestAuthentication", "dex-jwt"), (refused.Outcome, refused.Decider.Kind, refused.Decider.Name));
            Assert.Contains("(401)", refused.Why, StringComparison.Ordinal);
        }
    }
}
