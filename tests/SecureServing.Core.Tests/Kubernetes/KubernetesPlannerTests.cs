using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class KubernetesPlannerTests
{
    private static Dictionary<string, string> ByKey(KubernetesPlan plan) =>
        plan.Objects.ToDictionary(o => o.Key, o => o.Manifest.ToJsonString());

    private const string NewModel = "InferenceService.serving.kserve.io/fraud-models/new-model";
    private const string NewModelCallers = "AuthorizationPolicy.security.istio.io/fraud-models/new-model-callers";
    private const string NewModelIapRoute = "VirtualService.networking.istio.io/fraud-models/new-model-iap";
    private const string NewModelFromGateways = "NetworkPolicy.networking.k8s.io/fraud-models/new-model-from-gateways";
    private const string ActivatorAllow = "AuthorizationPolicy.security.istio.io/knative-serving/allow-activator";

    [Theory]
    [InlineData(ActivatorMode.Off, false, NewModel)]
    [InlineData(ActivatorMode.On, false, NewModel, NewModelCallers)]
    [InlineData(ActivatorMode.Off, true, NewModel, NewModelCallers, NewModelIapRoute, NewModelFromGateways)]
    [InlineData(ActivatorMode.On, true, NewModel, NewModelCallers, NewModelIapRoute, NewModelFromGateways)]
    public void Adding_a_model_adds_exactly_its_own_objects(ActivatorMode activator, bool exposed, params string[] expected)
    {
        var before = TestConfigs.Prod();
        var team = before.Teams[0];
        var added = TestConfigs.Model("new-model", activator, exposed);
        var after = before.WithTeams(team with { Models = [.. team.Models, added] });

        var old = ByKey(PlanOf(before));
        var @new = ByKey(PlanOf(after));

        // Nothing that existed changes or disappears, except that a model with the activator on its path opens the
        // activator to every caller (it then admits any pod the activator forwards, see MeshDefaultDeny).
        var changed = old.Where(kv => kv.Value != @new.GetValueOrDefault(kv.Key)).Select(kv => kv.Key);
        Assert.Equal(activator == ActivatorMode.On ? [ActivatorAllow] : [], changed);
        Assert.Equal(activator == ActivatorMode.On, !@new[ActivatorAllow].Contains("\"from\"", StringComparison.Ordinal));
        Assert.Contains("\"from\"", old[ActivatorAllow], StringComparison.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Adding_a_team_touches_no_other_object()
    {
        var before = TestConfigs.Dev();
        var after = before.WithTeams([.. before.Teams, TestConfigs.Team("ads", "ads-models")]);

        var old = ByKey(PlanOf(before));
        var @new = PlanOf(after);

        // The one shared object a team changes: the activator's allowed callers gain exactly the new namespace.
        Assert.All(old.Where(kv => kv.Key != ActivatorAllow), kv => Assert.Equal(kv.Value, @new.Objects.Single(o => o.Key == kv.Key).Manifest.ToJsonString()));
        var callersBefore = PlanOf(before).Single("AuthorizationPolicy", "knative-serving", "allow-activator").Strings("spec.rules.0.from.0.source.namespaces");
        var callersAfter = @new.Single("AuthorizationPolicy", "knative-serving", "allow-activator").Strings("spec.rules.0.from.0.source.namespaces");
        Assert.Equal(callersBefore.Append("ads-models").Order(StringComparer.Ordinal), callersAfter);
        var added = @new.Objects.Where(o => !old.ContainsKey(o.Key)).ToList();
        Assert.Equal(
            [
                "Namespace/ads-models",
                "PeerAuthentication.security.istio.io/ads-models/default",
                "AuthorizationPolicy.security.istio.io/ads-models/namespace-isolation",
                "ServiceAccount/ads-models/model-serving",
                "NetworkPolicy.networking.k8s.io/ads-models/default-deny",
                "NetworkPolicy.networking.k8s.io/ads-models/allow-mesh-callers",
                "NetworkPolicy.networking.k8s.io/ads-models/sklearn-iris-from-gateways",
                "NetworkPolicy.networking.k8s.io/ads-models/allow-egress",
                "ResourceQuota/ads-models/team-quota",
                "LimitRange/ads-models/container-defaults",
                "Role.rbac.authorization.k8s.io/ads-models/team-member-read",
                "InferenceService.serving.kserve.io/ads-models/sklearn-iris",
                "AuthorizationPolicy.security.istio.io/ads-models/sklearn-iris-callers",
                "VirtualService.networking.istio.io/ads-models/sklearn-iris-iap",
            ],
            added.Select(o => o.Key));
        Assert.All(added, o => Assert.Equal("team:ads", o.Owner));
    }

    [Fact]
    public void Platform_objects_come_first_then_teams_sorted_then_models_in_file_order()
    {
        var config = TestConfigs.Dev().WithTeams(
            TestConfigs.Team("zeta", "zeta-models", TestConfigs.Model("second"), TestConfigs.Model("first")),
            TestConfigs.Team("alpha", "alpha-models"));

        var objects = PlanOf(config).Objects;

        var owners = objects.Select(o => o.Owner).Distinct().ToList();
        Assert.Equal(["platform", "team:alpha", "team:zeta"], owners);
        Assert.True(objects.TakeWhile(o => o.Owner == "platform").Count() == objects.Count(o => o.Owner == "platform"));
        Assert.Equal(["second", "first"], objects.Where(o => o.Kind == "InferenceService" && o.Namespace == "zeta-models").Select(o => o.Name));
        Assert.Equal("Namespace", objects.First(o => o.Owner == "team:zeta").Kind);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Keys_are_unique_and_owners_match_namespaces(string stack)
    {
        var config = stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod();
        var objects = PlanOf(config).Objects;

        Assert.Equal(objects.Count, objects.Select(o => o.Key).Distinct().Count());
        var teamNamespaces = config.Teams.ToDictionary(t => t.Namespace, t => $"team:{t.Team}");
        Assert.All(objects, o =>
            Assert.Equal(teamNamespaces.GetValueOrDefault(o.Namespace ?? (o.Kind == "Namespace" ? o.Name : ""), "platform"), o.Owner));
    }

    [Fact]
    public void Only_objects_installed_by_istio_knative_or_kserve_are_patched()
    {
        var config = TestConfigs.Prod() with { Ingress = TestConfigs.Prod().Ingress with { LoadBalancerService = true } };

        var patched = PlanOf(config).Objects.Where(o => o.Mode == ApplyMode.Patch).Select(o => o.Key).Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "ConfigMap/knative-serving/config-domain",
            "ConfigMap/knative-serving/config-features",
            "ConfigMap/knative-serving/config-istio",
            "ConfigMap/knative-serving/config-network",
            "ConfigMap/kserve/inferenceservice-config",
            "Gateway.networking.istio.io/knative-serving/knative-local-gateway",
            "Namespace/knative-serving",
            "Service/istio-system/istio-ingressgateway",
            "Service/istio-system/istio-public-gateway",
        ], patched);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod", "Secret/istio-system/iap-oauth-client stringData.client_secret")]
    public void Placeholders_are_listed_and_secrets_never_appear(string stack, params string[] secrets)
    {
        var plan = PlanOf(stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod());

        Assert.Equal(secrets, plan.Objects.SelectMany(o => o.Secrets.Select(s => $"{o.Key} {s.PathText}")));
        Assert.Equal(
            ["InferenceService.serving.kserve.io/fraud-models/sklearn-iris spec.predictor.model.storageUri ${team-fraud-bucket.name}"],
            plan.Objects.SelectMany(o => o.Outputs.Select(x => $"{o.Key} {x.PathText} {x.Ref.Rendered}")));
        foreach (var o in plan.Objects)
        {
            foreach (var secret in o.Secrets)
            {
                Assert.Equal("[secret]", o.Str(secret.PathText));
            }

            foreach (var output in o.Outputs)
            {
                Assert.Contains(output.Ref.Rendered, o.Str(output.PathText), StringComparison.Ordinal);
            }

            // Every ${...} placeholder in the manifest is listed, so a component can resolve all of them.
            var placeholders = Strings(o.Manifest).Where(s => s.Contains("${", StringComparison.Ordinal)).ToList();
            Assert.Equal(o.Outputs.Count, placeholders.Count);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(kv => Strings(kv.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
