using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>Per-model grants to the activator (knative-serving) and the gateways (istio-system).</summary>
public class ModelCallersTests
{
    private static PlatformConfig DevWith(params ModelConfig[] models) => TestConfigs.Dev().WithTeams(TestConfigs.Team(models: models));

    private static IReadOnlyList<string> GrantedNamespaces(KubernetesPlan plan, string model) =>
        plan.Find("AuthorizationPolicy", "fraud-models", $"{model}-callers") is { } policy
            ? [.. policy.At("spec.rules")!.AsArray().Select(r => PlanQueries.At(r, "from.0.source.namespaces.0")!.GetValue<string>())]
            : [];

    [Fact]
    public void Private_model_without_activator_gets_no_extra_callers()
    {
        Assert.Empty(GrantedNamespaces(PlanOf(DevWith(TestConfigs.Model("m", iap: false))), "m"));
    }

    [Fact]
    public void Activator_on_admits_knative_serving_for_that_model_only()
    {
        var plan = PlanOf(DevWith(TestConfigs.Model("burst", ActivatorMode.On, iap: false), TestConfigs.Model("direct", iap: false)));

        var policy = plan.Single("AuthorizationPolicy", "fraud-models", "burst-callers");
        Assert.Equal("burst", policy.At("spec.selector.matchLabels")!["serving.kserve.io/inferenceservice"]!.GetValue<string>());
        Assert.Equal(["knative-serving"], GrantedNamespaces(plan, "burst"));
        Assert.Empty(GrantedNamespaces(plan, "direct"));
    }

    [Fact]
    public void Exposed_model_admits_the_gateways()
    {
        // Requests through the public or local gateway arrive from the istio-ingressgateway pods in istio-system.
        Assert.Equal(["istio-system"], GrantedNamespaces(PlanOf(DevWith(TestConfigs.Model("m", iap: true))), "m"));
    }

    [Fact]
    public void Out_of_mesh_callers_open_every_model_to_the_gateways()
    {
        var config = DevWith(TestConfigs.Model("m", iap: false)) with { Mesh = TestConfigs.Dev().Mesh with { OutOfMeshCallers = true } };

        Assert.Equal(["istio-system"], GrantedNamespaces(PlanOf(config), "m"));
    }

    [Fact]
    public void Kserve_top_level_virtual_service_routes_through_the_local_gateway()
    {
        var config = DevWith(TestConfigs.Model("m", iap: false)) with { Mesh = TestConfigs.Dev().Mesh with { DisableIstioVirtualHost = false } };

        Assert.Equal(["istio-system"], GrantedNamespaces(PlanOf(config), "m"));
    }

    [Fact]
    public void Activator_and_gateway_together_give_two_rules()
    {
        Assert.Equal(["knative-serving", "istio-system"], GrantedNamespaces(PlanOf(DevWith(TestConfigs.Model("m", ActivatorMode.On, iap: true))), "m"));
    }

    [Fact]
    public void With_dex_every_grant_requires_the_dex_claims()
    {
        var config = TestConfigs.Prod().WithTeams(TestConfigs.Team(models: [TestConfigs.Model("m", ActivatorMode.On, iap: true)]));

        var policy = PlanOf(config).Single("AuthorizationPolicy", "fraud-models", "m-callers");

        foreach (var i in new[] { 0, 1 })
        {
            Assert.Equal(["https://dex.example.com/*"], policy.Strings($"spec.rules.{i}.from.0.source.requestPrincipals"));
            Assert.Equal("request.auth.claims[iss]", policy.Str($"spec.rules.{i}.when.0.key"));
            Assert.Equal(["https://dex.example.com"], policy.Strings($"spec.rules.{i}.when.0.values"));
            Assert.Equal("request.auth.claims[aud]", policy.Str($"spec.rules.{i}.when.1.key"));
            Assert.Equal(["kubeflow-oidc-authservice"], policy.Strings($"spec.rules.{i}.when.1.values"));
            Assert.Equal("request.auth.claims[groups]", policy.Str($"spec.rules.{i}.when.2.key"));
            Assert.Equal(["ml-serving-users"], policy.Strings($"spec.rules.{i}.when.2.values"));
        }
    }

    [Fact]
    public void Dex_without_audiences_or_groups_checks_only_the_issuer()
    {
        var config = TestConfigs.Prod().WithTeams(TestConfigs.Team(models: [TestConfigs.Model("m", iap: true)]));
        config = config with { Mesh = config.Mesh with { Dex = config.Mesh.Dex! with { Audiences = [], RequiredGroups = [] } } };

        var policy = PlanOf(config).Single("AuthorizationPolicy", "fraud-models", "m-callers");

        Assert.Single(policy.At("spec.rules.0.when")!.AsArray());
    }
}
