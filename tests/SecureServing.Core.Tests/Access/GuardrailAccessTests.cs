using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Every guardrail that exists for an access reason, proven through the evaluator: the configuration it refuses,
/// rendered anyway (the planners called directly), shows the way in (or the broken way) the guardrail is there for.
/// </summary>
public sealed class GuardrailAccessTests
{
    private static PlatformConfig Dev => AccessKit.Shipped("dev");

    private static PlatformConfig Prod => AccessKit.Shipped("prod");

    private static PlatformConfig EditTeam(PlatformConfig config, string team, Func<TeamConfig, TeamConfig> edit) =>
        config with { Teams = [.. config.Teams.Select(t => t.Team == team ? edit(t) : t)] };

    private static PlatformConfig EditModel(PlatformConfig config, string team, string model, Func<ModelConfig, ModelConfig> edit) =>
        EditTeam(config, team, t => t with { Models = [.. t.Models.Select(m => m.Name == model ? edit(m) : m)] });

    private static AccessDecision Predict(PlatformConfig config, string model, string caller) => AccessKit.Cell(AccessCheck.Evaluate(config), model, caller).Predict;

    private static AccessDecision Custom(PlatformConfig config, string model, Caller caller)
    {
        var plan = KubernetesPlanner.Plan(config);
        var parts = model.Split('/');
        return AccessEvaluator.Evaluate(plan, GcpPlanner.Plan(config), [caller]).Model(parts[0], parts[1]).Cell(caller.Id).Predict;
    }

    [Fact]
    public void Sidecar_off_with_authorization_any_namespace_reaches_the_model()
    {
        var config = EditModel(Dev, "fraud", "xgb-fraud-score", m => m with { SidecarInjection = false });

        var unlisted = Predict(config, "fraud-models/xgb-fraud-score", "namespace:unlisted-namespace");

        Assert.Equal(Outcome.Allowed, unlisted.Outcome);
        Assert.Contains("no sidecar", unlisted.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Activator_bypasses_isolation_any_namespace_reaches_the_model_through_the_activator()
    {
        var config = EditModel(Dev, "fraud", "xgb-fraud-score", m => m with { Activator = ActivatorMode.On });

        var unlisted = Predict(config, "fraud-models/xgb-fraud-score", "namespace:unlisted-namespace");

        Assert.Equal((Outcome.Allowed, "xgb-fraud-score-callers"), (unlisted.Outcome, unlisted.Decider.Name));
        Assert.Contains(unlisted.Hops, h => h.Contains("the activator proxies", StringComparison.Ordinal));
        Assert.Contains(AccessCheck.Evaluate(config).Differences, d => d.Caller.Id == "namespace:unlisted-namespace");
    }

    /// <summary>
    /// The team's own pods are sent to the cluster-local gateway, which neither their namespace's egress policy nor the
    /// gateway's caller policy admits.
    /// </summary>
    [Fact]
    public void Top_level_virtual_service_sends_the_teams_own_pods_through_the_local_gateway_which_refuses_them()
    {
        var config = Dev with { Mesh = Dev.Mesh with { DisableIstioVirtualHost = false } };

        var own = Predict(config, "fraud-models/xgb-fraud-score", "namespace:fraud-models");
        var egressOpen = AccessKit.Remove(AccessKit.Remove(KubernetesPlanner.Plan(config), "NetworkPolicy", "fraud-models", "allow-egress"), "NetworkPolicy", "fraud-models", "default-deny");
        var atGateway = AccessKit.Cell(AccessCheck.Evaluate(config, egressOpen, GcpPlanner.Plan(config)), "fraud-models/xgb-fraud-score", "namespace:fraud-models").Predict;

        Assert.Equal((Outcome.Denied, "NetworkPolicy", "allow-egress"), (own.Outcome, own.Decider.Kind, own.Decider.Name));
        Assert.Contains(own.Hops, h => h.Contains("VirtualService fraud-models/xgb-fraud-score (created by a controller)", StringComparison.Ordinal));
        Assert.Equal((Outcome.Denied, "local-gateway-callers"), (atGateway.Outcome, atGateway.Decider.Name));
    }

    [Fact]
    public void Out_of_mesh_callers_under_mesh_mtls_cannot_reach_any_model()
    {
        var config = Prod with { Mesh = Prod.Mesh with { OutOfMeshCallers = true } };

        var report = AccessCheck.Evaluate(config);

        Assert.All(report.Matrix.Models, m => Assert.Equal(Outcome.Denied, m.Cell("out-of-mesh").Predict.Outcome));
        Assert.Contains(report.Differences, d => d.Caller.Id == "out-of-mesh" && d.Intent.Expected == Outcome.Allowed);
    }

    [Fact]
    public void Out_of_mesh_callers_through_the_open_local_gateway_reach_every_model_from_any_namespace()
    {
        var config = Dev with { Mesh = Dev.Mesh with { OutOfMeshCallers = true, KnativeLocalGatewayTls = KnativeLocalGatewayTls.None } };

        var outside = Predict(config, "fraud-models/xgb-fraud-score", "out-of-mesh");

        Assert.Equal((Outcome.Allowed, "xgb-fraud-score-callers"), (outside.Outcome, outside.Decider.Name));
        Assert.Contains(outside.Hops, h => h.StartsWith("a pod in unlisted-namespace without a sidecar", StringComparison.Ordinal));
    }

    [Fact]
    public void Local_gateway_without_mtls_breaks_the_iap_path()
    {
        var config = Dev with { Mesh = Dev.Mesh with { KnativeLocalGatewayTls = KnativeLocalGatewayTls.None } };

        var member = Predict(config, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com");

        Assert.Equal(Outcome.Denied, member.Outcome);
        Assert.Contains(AccessCheck.Evaluate(config).Differences, d => d.Caller.Id == "iap:group:fraud-ml@example.com" && d.Model.Name == "sklearn-iris");
    }

    [Fact]
    public void Dex_without_audiences_accepts_a_token_dex_issued_for_another_client()
    {
        var dex = Prod.Mesh.Dex! with { Audiences = [] };
        var config = Prod with { Mesh = Prod.Mesh with { Dex = dex } };
        var otherClient = AccessCallers.DexToken(Prod.Mesh.Dex!, ["ml-serving-users"]) with { Audiences = ["some-other-app"] };
        var caller = new Caller("iap:test", "IAP member with another app's Dex token", CallerKind.Iap)
        {
            Namespace = "(internet)",
            Identity = new GoogleIdentity("someone@group-member.invalid", ["fraud-ml@example.com"]),
            Tokens = [new("authorization", otherClient)],
        };

        Assert.Equal(Outcome.Allowed, Custom(config, "fraud-models/sklearn-iris", caller).Outcome);
        Assert.Equal(Outcome.Denied, Custom(Prod, "fraud-models/sklearn-iris", caller).Outcome);
    }

    [Fact]
    public void Dex_not_enforced_a_team_without_authorization_takes_requests_with_no_dex_token()
    {
        var config = EditTeam(Prod, "recsys", t => t with { Authorization = false });

        var noDex = Predict(config, "recsys-models/two-tower", "iap:no-dex");

        Assert.Equal(Outcome.Allowed, noDex.Outcome);
        Assert.Equal(Outcome.Denied, Predict(Prod, "recsys-models/two-tower", "iap:no-dex").Outcome);
    }

    [Fact]
    public void Consumer_iap_member_lets_any_gmail_account_on_the_internet_in()
    {
        var config = EditTeam(Dev, "fraud", t => t with { Members = [.. t.Members, "domain:gmail.com"] });

        Assert.Equal(Outcome.Allowed, Predict(config, "fraud-models/sklearn-iris", "iap:domain:gmail.com").Outcome);
    }

    [Fact]
    public void Iap_audience_of_another_project_shuts_out_every_member_and_admits_that_projects_jwts()
    {
        const string foreign = "/projects/999999999999/global/backendServices/42";
        var config = Dev with { Iap = Dev.Iap with { Audience = foreign } };
        var attacker = new Caller("gateway-bypass:test", "pod with that project's IAP JWT", CallerKind.GatewayBypass)
        {
            Namespace = "unlisted-namespace",
            Tokens = [new(GoogleEdge.IapJwtHeader, AccessCallers.ForeignIapJwt with { Audiences = [foreign] })],
        };

        Assert.Equal(Outcome.Denied, Predict(config, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Outcome);
        Assert.Equal(Outcome.Allowed, Custom(config, "fraud-models/sklearn-iris", attacker).Outcome);
    }

    [Fact]
    public void Iap_jwt_not_verified_a_pod_skipping_the_load_balancer_needs_no_jwt_at_all()
    {
        var config = Dev with { Iap = Dev.Iap with { VerifyJwtInMesh = false } };
        var noToken = new Caller("gateway-bypass:none", "pod without any token", CallerKind.GatewayBypass) { Namespace = "unlisted-namespace" };

        Assert.Equal(Outcome.Allowed, Custom(config, "fraud-models/sklearn-iris", noToken).Outcome);
        Assert.Equal(Outcome.Denied, Custom(Dev, "fraud-models/sklearn-iris", noToken).Outcome);
    }

    [Fact]
    public void Iap_no_accessors_nobody_passes_iap()
    {
        var config = Dev with { Iap = Dev.Iap with { Accessors = [] }, Teams = [.. Dev.Teams.Select(t => t with { Members = [] })] };

        var report = AccessCheck.Evaluate(config);

        Assert.Equal(["iap:ungranted"], report.Matrix.Callers.Where(c => c.Kind == CallerKind.Iap).Select(c => c.Id));
        Assert.All(report.Matrix.Models, m => Assert.Equal(Outcome.Denied, m.Cell("iap:ungranted").Predict.Outcome));
    }

    /// <summary>
    /// A team in istio-system writes its namespace's NetworkPolicies there: every gateway pod is then isolated and
    /// admits only the team's callers, so Google's load balancer can no longer reach the public gateway and every IAP
    /// caller is cut off.
    /// </summary>
    [Fact]
    public void System_namespace_a_team_in_istio_system_isolates_the_gateways_and_cuts_every_iap_caller_off()
    {
        var ops = Dev.Teams[0] with { Team = "ops", Namespace = "istio-system", AllowedNamespaces = [], Models = [TestModel("ops-model")], SourceFile = "stacks/dev/ops.yaml" };
        var config = Dev with { Teams = [.. Dev.Teams, ops] };

        var member = Predict(config, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com");

        Assert.Equal((Outcome.Denied, "NetworkPolicy", "istio-system"), (member.Outcome, member.Decider.Kind, member.Decider.Namespace));
        Assert.Contains("Google's load balancer", member.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, Predict(Dev, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Outcome);
    }

    [Fact]
    public void System_namespace_listing_knative_serving_lets_any_pod_in_through_the_activator()
    {
        var config = EditTeam(Dev, "fraud", t => t with { AllowedNamespaces = ["knative-serving"] });

        var viaActivator = Predict(config, "fraud-models/xgb-fraud-score", "activator");

        Assert.Equal((Outcome.Allowed, "namespace-isolation"), (viaActivator.Outcome, viaActivator.Decider.Name));
        Assert.Equal(Outcome.Denied, Predict(Dev, "fraud-models/xgb-fraud-score", "activator").Outcome);
    }

    [Fact]
    public void Namespace_claimed_twice_the_second_team_rewrites_the_first_teams_isolation()
    {
        var twin = Dev.Teams.First(t => t.Team == "fraud") with
        {
            Team = "fraud2", AllowedNamespaces = ["recsys-models"], Models = [TestModel("other-model")], SourceFile = "stacks/dev/fraud2.yaml",
        };
        var config = Dev with { Teams = [.. Dev.Teams, twin] };

        var recsys = Predict(config, "fraud-models/xgb-fraud-score", "namespace:recsys-models");

        Assert.Equal(Outcome.Allowed, recsys.Outcome);
        Assert.Contains(AccessCheck.Evaluate(config).Differences, d => d.Model.Name == "xgb-fraud-score" && d.Caller.Id == "namespace:recsys-models");
    }

    [Fact]
    public void Load_balancer_beside_iap_gives_the_internet_a_door_where_only_the_jwt_check_holds()
    {
        var config = Dev with { Ingress = Dev.Ingress with { LoadBalancerService = true } };

        var cell = AccessKit.Cell(AccessCheck.Evaluate(config), "fraud-models/sklearn-iris", "public-address");

        Assert.Equal((Outcome.Denied, "iap-require-jwt"), (cell.Predict.Outcome, cell.Predict.Decider.Name));
        Assert.Equal(Outcome.Allowed, cell.Probe.Outcome);
        Assert.Contains("no Service of type LoadBalancer", AccessKit.Cell(AccessCheck.Evaluate(Dev), "fraud-models/sklearn-iris", "public-address").Predict.Why, StringComparison.Ordinal);
    }

    private static ModelConfig TestModel(string name) => new() { Name = name, Format = "sklearn", StorageUri = "{teamBucket}/m", ExposeViaIap = false };
}
