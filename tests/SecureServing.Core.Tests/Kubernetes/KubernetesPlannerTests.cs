using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class KubernetesPlannerTests
{
    private static Dictionary<string, string> ByKey(KubernetesPlan plan) =>
        plan.Objects.ToDictionary(o => o.Key, o => o.Manifest.ToJsonString());

    [Theory]
    [InlineData(ActivatorMode.Off, false)]
    [InlineData(ActivatorMode.On, true)]
    public void Adding_a_model_adds_exactly_its_own_objects(ActivatorMode activator, bool exposed)
    {
        var before = TestConfigs.Prod();
        var team = before.Teams[0];
        var added = TestConfigs.Model("new-model", activator, exposed);
        var after = before.WithTeams(team with { Models = [.. team.Models, added] });

        var old = ByKey(PlanOf(before));
        var @new = ByKey(PlanOf(after));

        // Nothing that existed changes or disappears, except that the first model with the activator on its path opens
        // the activator to every caller (it then admits any pod the activator forwards, see MeshDefaultDeny).
        const string activatorAllow = "AuthorizationPolicy.security.istio.io/knative-serving/allow-activator";
        var opensActivator = activator == ActivatorMode.On && MeshDefaultDeny.ActivatorCallers(before).Count > 0;
        Assert.All(old.Where(kv => !opensActivator || kv.Key != activatorAllow), kv => Assert.Equal(kv.Value, @new.GetValueOrDefault(kv.Key)));
        Assert.Equal(opensActivator, !@new[activatorAllow].Contains("\"from\"", StringComparison.Ordinal) && old[activatorAllow].Contains("\"from\"", StringComparison.Ordinal));
        var extra = @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal).ToList();
        var expected = new List<string>
        {
            "InferenceService.serving.kserve.io/fraud-models/new-model",
        };
        if (activator == ActivatorMode.On || exposed || before.Mesh.OutOfMeshCallers)
        {
            expected.Add("AuthorizationPolicy.security.istio.io/fraud-models/new-model-callers");
        }

        if (exposed)
        {
            expected.Add("VirtualService.networking.istio.io/fraud-models/new-model-iap");
        }

        if (exposed || before.Mesh.OutOfMeshCallers)
        {
            expected.Add("NetworkPolicy.networking.k8s.io/fraud-models/new-model-from-gateways");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), extra);
    }

    [Fact]
    public void Adding_a_team_touches_no_other_object()
    {
        var before = TestConfigs.Dev();
        var after = before.WithTeams([.. before.Teams, TestConfigs.Team("ads", "ads-models")]);

        var old = ByKey(PlanOf(before));
        var @new = PlanOf(after);

        // The one shared object a team changes: the activator's allowed callers gain exactly the new namespace.
        const string activator = "AuthorizationPolicy.security.istio.io/knative-serving/allow-activator";
        Assert.All(old.Where(kv => kv.Key != activator), kv => Assert.Equal(kv.Value, @new.Objects.Single(o => o.Key == kv.Key).Manifest.ToJsonString()));
        var callersBefore = PlanOf(before).Single("AuthorizationPolicy", "knative-serving", "allow-activator").Strings("spec.rules.0.from.0.source.namespaces");
        var callersAfter = @new.Single("AuthorizationPolicy", "knative-serving", "allow-activator").Strings("spec.rules.0.from.0.source.namespaces");
        Assert.Equal(callersBefore.Append("ads-models").Order(StringComparer.Ordinal), callersAfter);
        Assert.All(@new.Objects.Where(o => !old.ContainsKey(o.Key)), o =>
        {
            Assert.Equal("team:ads", o.Owner);
            Assert.Equal("ads-models", o.Namespace ?? o.Name);
        });
    }

    [Fact]
    public void Same_config_same_objects_in_the_same_order()
    {
        var first = PlanOf(TestConfigs.Prod()).Objects.Select(o => o.Manifest.ToJsonString());
        var second = PlanOf(TestConfigs.Prod()).Objects.Select(o => o.Manifest.ToJsonString());

        Assert.Equal(first, second);
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
    [InlineData("prod")]
    public void Placeholders_are_listed_and_secrets_never_appear(string stack)
    {
        var plan = PlanOf(stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod());

        foreach (var o in plan.Objects)
        {
            foreach (var secret in o.Secrets)
            {
                Assert.Equal(RenderedValue.Secret, o.Str(secret.PathText));
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
