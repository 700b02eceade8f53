using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Six ways past the intended callers, each found by the evaluator on the render that had them — the shipped stacks
/// as rendered before the access fixes, kept in <c>Access/BeforeIssue10/</c> (manifests.yaml and gcp-resources.json
/// exactly as <c>render</c> wrote them) — and each absent from what the shipped stacks render now.
/// </summary>
public sealed class HoleTests
{
    private static readonly Lazy<AccessReport> DevBefore = new(() => Before("dev"));
    private static readonly Lazy<AccessReport> ProdBefore = new(() => Before("prod"));
    private static readonly Lazy<AccessReport> DevNow = new(() => AccessCheck.Evaluate(AccessKit.Shipped("dev")));
    private static readonly Lazy<AccessReport> ProdNow = new(() => AccessCheck.Evaluate(AccessKit.Shipped("prod")));

    /// <summary>The old render, judged against the stack files of then (prod still set <c>outOfMeshCallers: true</c>).</summary>
    private static AccessReport Before(string stack)
    {
        var config = AccessKit.Shipped(stack);
        if (stack == "prod")
        {
            config = config with { Mesh = config.Mesh with { OutOfMeshCallers = true } };
        }

        return AccessCheck.Evaluate(config, BeforePlan(stack), BeforeGcp(config, stack));
    }

    private static AccessDecision Predict(Lazy<AccessReport> report, string model, string caller) => AccessKit.Cell(report.Value, model, caller).Predict;

    private static void Difference(Lazy<AccessReport> report, string model, string caller, Outcome evaluated) =>
        Assert.Contains(report.Value.Differences, d => d.Model.Key == model && d.Caller.Id == caller && d.Evaluated.Outcome == evaluated);

    // ---- 1. The IAP JWT audience is not checked.

    [Fact]
    public void Hole_1_dev_a_pod_calling_the_gateway_with_another_projects_iap_jwt_reaches_sklearn_iris()
    {
        var bypass = Predict(DevBefore, "fraud-models/sklearn-iris", "gateway-bypass");

        Assert.Equal(Outcome.Allowed, bypass.Outcome);
        Assert.Contains(bypass.Hops, h => h.Contains("RequestAuthentication istio-system/iap-jwt: an IAP JWT Google signed for another project's backend is valid", StringComparison.Ordinal));
        Difference(DevBefore, "fraud-models/sklearn-iris", "gateway-bypass", Outcome.Allowed);
        Difference(ProdBefore, "fraud-models/sklearn-iris", "public-address", Outcome.Allowed);
    }

    [Fact]
    public void Hole_1_closed_the_public_gateway_refuses_an_iap_jwt_for_another_backend()
    {
        foreach (var report in new[] { DevNow, ProdNow })
        {
            var bypass = Predict(report, "fraud-models/sklearn-iris", "gateway-bypass");
            Assert.Equal((Outcome.Denied, "iap-require-jwt"), (bypass.Outcome, bypass.Decider.Name));
        }
    }

    // ---- 2. The ingress gateway keeps the public IP of its LoadBalancer Service.

    [Fact]
    public void Hole_2_dev_the_internet_reaches_sklearn_iris_at_the_gateways_own_loadbalancer_address()
    {
        var door = Predict(DevBefore, "fraud-models/sklearn-iris", "public-address");

        Assert.Equal(Outcome.Allowed, door.Outcome);
        Assert.StartsWith("someone on the internet calls istio-ingressgateway.istio-system.svc.cluster.local", door.Hops[0], StringComparison.Ordinal);
        Difference(DevBefore, "recsys-models/two-tower", "public-address", Outcome.Allowed);
    }

    [Fact]
    public void Hole_2_closed_no_gateway_service_has_a_public_address()
    {
        foreach (var report in new[] { DevNow, ProdNow })
        {
            var door = Predict(report, "fraud-models/sklearn-iris", "public-address");
            Assert.Equal(Outcome.Denied, door.Outcome);
            Assert.Contains("no Service of type LoadBalancer fronts the gateway pods", door.Why, StringComparison.Ordinal);
        }
    }

    // ---- 3. Any pod reaches exposed models through Knative's local gateway.

    [Theory]
    [InlineData("fraud-models/sklearn-iris", "local-gateway:knative-local-gateway")]
    [InlineData("fraud-models/sklearn-iris", "out-of-mesh")]
    [InlineData("recsys-models/two-tower", "local-gateway:knative-local-gateway")]
    [InlineData("recsys-models/two-tower", "out-of-mesh")]
    public void Hole_3_dev_any_pod_reaches_the_exposed_models_via_knative_local_gateway(string model, string caller)
    {
        var through = Predict(DevBefore, model, caller);

        Assert.Equal(Outcome.Allowed, through.Outcome);
        Assert.EndsWith("-callers", through.Decider.Name, StringComparison.Ordinal);
        Assert.Contains("source cluster.local/ns/istio-system/", through.Why, StringComparison.Ordinal);
        Difference(DevBefore, model, caller, Outcome.Allowed);
    }

    [Fact]
    public void Hole_3_closed_the_local_gateway_admits_only_the_public_gateway_and_knatives_probes()
    {
        foreach (var report in new[] { DevNow, ProdNow })
        {
            var through = Predict(report, "fraud-models/sklearn-iris", "local-gateway:knative-local-gateway");
            Assert.Equal((Outcome.Denied, "local-gateway-callers"), (through.Outcome, through.Decider.Name));
            Assert.Equal(Outcome.Denied, Predict(report, "fraud-models/sklearn-iris", "out-of-mesh").Outcome);
        }
    }

    // ---- 4. outOfMeshCallers under mesh mTLS cannot work.

    [Fact]
    public void Hole_4_prod_pods_outside_the_mesh_reach_no_model_although_out_of_mesh_callers_is_set()
    {
        foreach (var model in new[] { "fraud-models/sklearn-iris", "fraud-models/xgb-fraud-score", "recsys-models/two-tower" })
        {
            var outside = Predict(ProdBefore, model, "out-of-mesh");
            Assert.Equal(Outcome.Denied, outside.Outcome);
            Difference(ProdBefore, model, "out-of-mesh", Outcome.Denied);
        }

        // knative-local-gateway refuses plaintext (ISTIO_MUTUAL); kserve-local-gateway has no routes (no top-level virtual service).
        Assert.Matches("ISTIO_MUTUAL|no VirtualService routes host", Predict(ProdBefore, "fraud-models/sklearn-iris", "out-of-mesh").Why);
    }

    [Fact]
    public void Hole_4_closed_the_open_local_gateway_really_lets_pods_outside_the_mesh_in()
    {
        var dev = AccessKit.Shipped("dev");
        var open = dev with
        {
            Mesh = dev.Mesh with { OutOfMeshCallers = true, KnativeLocalGatewayTls = KnativeLocalGatewayTls.None },
            Acknowledgements = [new Acknowledgement("out-of-mesh-callers-bypass-isolation", "legacy batch job")],
        };

        var report = AccessCheck.Evaluate(open);

        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
        Assert.All(report.Matrix.Models.Where(m => !m.Model.ActivatorOnPath), m => Assert.Equal(Outcome.Allowed, m.Cell("out-of-mesh").Predict.Outcome));
        Assert.Equal(Outcome.Denied, Predict(ProdNow, "fraud-models/sklearn-iris", "out-of-mesh").Outcome);
    }

    // ---- 5. Team files widen their own access.

    [Fact]
    public void Hole_5_dev_a_teams_members_reach_every_exposed_model_of_every_team()
    {
        Assert.Equal(Outcome.Allowed, Predict(DevBefore, "recsys-models/two-tower", "iap:group:fraud-ml@example.com").Outcome);
        Difference(DevBefore, "recsys-models/two-tower", "iap:group:fraud-ml@example.com", Outcome.Allowed);
        Difference(DevBefore, "fraud-models/sklearn-iris", "iap:group:recsys-ml@example.com", Outcome.Allowed);
    }

    [Fact]
    public void Hole_5_dev_a_consumer_domain_in_members_was_a_project_wide_grant()
    {
        var config = AccessKit.Shipped("dev");
        var gmail = new Core.Rendering.RenderedResource(GcpResourceTypes.IapWebIamMember, "iap-accessor-domain-gmail-com",
            new System.Text.Json.Nodes.JsonObject { ["project"] = "acme-ml-dev", ["role"] = "roles/iap.httpsResourceAccessor", ["member"] = "domain:gmail.com" });
        var before = BeforeGcp(config, "dev");

        var report = AccessCheck.Evaluate(config, BeforePlan("dev"), before with { Resources = [.. before.Resources, gmail] });

        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "iap:domain:gmail.com"));
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "fraud-models/sklearn-iris", "iap:domain:gmail.com"));
    }

    [Fact]
    public void Hole_5_dev_listing_istio_system_let_every_gateway_caller_reach_a_private_model()
    {
        var plan = AccessKit.Edit(BeforePlan("dev"), "AuthorizationPolicy", "fraud-models", "namespace-isolation", policy =>
        {
            policy["spec"]!["rules"]![0]!["from"]![0]!["source"]!["namespaces"]!.AsArray().Add("istio-system");
            return policy;
        });
        var config = AccessKit.Shipped("dev");

        var report = AccessCheck.Evaluate(config, plan, BeforeGcp(config, "dev"));

        var through = AccessKit.Cell(report, "fraud-models/xgb-fraud-score", "local-gateway:knative-local-gateway").Predict;
        Assert.Equal((Outcome.Allowed, "namespace-isolation"), (through.Outcome, through.Decider.Name));
    }

    [Fact]
    public void Hole_5_closed_a_teams_members_reach_only_its_own_models()
    {
        foreach (var report in new[] { DevNow, ProdNow })
        {
            var other = Predict(report, "recsys-models/two-tower", "iap:group:fraud-ml@example.com");
            Assert.Equal((Outcome.Denied, "IAP"), (other.Outcome, other.Decider.Kind));
            Assert.Equal(Outcome.Allowed, Predict(report, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Outcome);
        }
    }

    // ---- 6. Knative's activator and autoscaler are not in the mesh.

    [Fact]
    public void Hole_6_dev_knatives_probes_and_the_activator_path_fail_under_strict_mtls()
    {
        foreach (var model in DevBefore.Value.Matrix.Models)
        {
            var probes = model.Cell("knative-probes").Probe;
            Assert.Equal((Outcome.Denied, "PeerAuthentication"), (probes.Outcome, probes.Decider.Kind));
            Assert.Contains("STRICT", probes.Why, StringComparison.Ordinal);
        }

        Difference(DevBefore, "recsys-models/batch-ranker", "namespace:recsys-models", Outcome.Denied);
    }

    [Fact]
    public void Hole_6_closed_knatives_pods_probe_every_model_and_the_activator_path_works()
    {
        foreach (var report in new[] { DevNow, ProdNow })
        {
            Assert.All(report.Value.Matrix.Models, m => Assert.Equal(Outcome.Allowed, m.Cell("knative-probes").Probe.Outcome));
        }

        Assert.Equal(Outcome.Allowed, Predict(DevNow, "recsys-models/batch-ranker", "namespace:recsys-models").Outcome);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_shipped_stacks_access_matches_intent(string stack)
    {
        var report = stack == "dev" ? DevNow.Value : ProdNow.Value;

        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
    }

    private static string BeforeFile(string name) => File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "tests", "SecureServing.Core.Tests", "Access", "BeforeIssue10", name));

    private static KubernetesPlan BeforePlan(string stack) => AccessKit.Rendered(BeforeFile($"{stack}-manifests.yaml"));

    private static GcpPlan BeforeGcp(PlatformConfig config, string stack) =>
        GcpPlanner.Plan(config) with { Resources = AccessKit.RenderedResources(BeforeFile($"{stack}-gcp-resources.json")) };
}
