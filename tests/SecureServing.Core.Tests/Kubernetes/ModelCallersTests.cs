using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>Per-model grants to the activator (knative-serving) and the gateways (by principal, never by namespace).</summary>
public class ModelCallersTests
{
    private const string PublicGateway = "cluster.local/ns/istio-system/sa/istio-public-gateway";
    private const string LocalGateway = "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";

    private static PlatformConfig DevWith(params ModelConfig[] models) => TestConfigs.Dev().WithTeams(TestConfigs.Team(models: models));

    /// <summary>Each rule's sources, written as <c>ns:&lt;namespace&gt;</c> or the principal.</summary>
    private static IReadOnlyList<string> Granted(KubernetesPlan plan, string model) =>
        plan.Find("AuthorizationPolicy", "fraud-models", $"{model}-callers") is { } policy
            ? [.. policy.At("spec.rules")!.AsArray().SelectMany(r => Sources(PlanQueries.At(r, "from.0.source")!.AsObject()))]
            : [];

    private static IEnumerable<string> Sources(System.Text.Json.Nodes.JsonObject source) =>
        (source["namespaces"]?.AsArray().Select(n => "ns:" + n!.GetValue<string>()) ?? [])
            .Concat(source["principals"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);

    [Fact]
    public void Private_model_without_activator_gets_no_extra_callers()
    {
        Assert.Empty(Granted(PlanOf(DevWith(TestConfigs.Model("m", iap: false))), "m"));
    }

    [Fact]
    public void Activator_on_admits_knative_serving_for_that_model_only()
    {
        var plan = PlanOf(DevWith(TestConfigs.Model("burst", ActivatorMode.On, iap: false), TestConfigs.Model("direct", iap: false)));

        var policy = plan.Single("AuthorizationPolicy", "fraud-models", "burst-callers");
        Assert.Equal("burst", policy.At("spec.selector.matchLabels")!["serving.kserve.io/inferenceservice"]!.GetValue<string>());
        Assert.Equal(["ns:knative-serving"], Granted(plan, "burst"));
        Assert.Empty(Granted(plan, "direct"));
    }

    [Fact]
    public void Exposed_model_admits_the_public_gateway_and_the_local_gateway_hop_of_the_iap_route_by_principal()
    {
        var policy = PlanOf(DevWith(TestConfigs.Model("m", iap: true))).Single("AuthorizationPolicy", "fraud-models", "m-callers");

        Assert.Equal([PublicGateway, LocalGateway], policy.Strings("spec.rules.0.from.0.source.principals"));
        Assert.Null(policy.At("spec.rules.0.from.0.source.namespaces"));
    }

    [Fact]
    public void No_model_grants_the_istio_system_namespace()
    {
        var configs = new[]
        {
            TestConfigs.Dev(), TestConfigs.Prod(),
            DevWith(TestConfigs.Model("m", ActivatorMode.On, iap: true), TestConfigs.Model("p", iap: false)),
        };

        var granted = configs
            .SelectMany(c => PlanOf(c).OfKind("AuthorizationPolicy"))
            .Where(p => p.Namespace != "istio-system")
            .SelectMany(p => p.At("spec.rules")!.AsArray())
            .SelectMany(r => PlanQueries.At(r, "from")?.AsArray() ?? [])
            .SelectMany(f => PlanQueries.At(f, "source.namespaces")?.AsArray() ?? [])
            .Select(n => n!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(granted);
        Assert.DoesNotContain("istio-system", granted);
    }

    [Fact]
    public void Without_iap_an_exposed_model_admits_only_the_public_gateway()
    {
        var config = DevWith(TestConfigs.Model("m", iap: true)) with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };

        Assert.Equal([PublicGateway], Granted(PlanOf(config), "m"));
    }

    [Fact]
    public void The_open_local_gateway_reaches_every_model()
    {
        var mesh = TestConfigs.Dev().Mesh with { OutOfMeshCallers = true, KnativeLocalGatewayTls = KnativeLocalGatewayTls.None };
        var config = DevWith(TestConfigs.Model("m", iap: false)) with { Mesh = mesh };

        Assert.Equal([LocalGateway], Granted(PlanOf(config), "m"));
    }

    [Fact]
    public void Out_of_mesh_callers_at_an_mtls_local_gateway_open_nothing()
    {
        // A refused combination (out-of-mesh-callers-blocked); rendered anyway, it stays closed.
        var config = DevWith(TestConfigs.Model("m", iap: false)) with { Mesh = TestConfigs.Dev().Mesh with { OutOfMeshCallers = true } };

        Assert.Empty(Granted(PlanOf(config), "m"));
    }

    [Fact]
    public void Kserve_top_level_virtual_service_grants_nothing_by_itself()
    {
        var config = DevWith(TestConfigs.Model("m", iap: false)) with { Mesh = TestConfigs.Dev().Mesh with { DisableIstioVirtualHost = false } };

        Assert.Empty(Granted(PlanOf(config), "m"));
    }

    [Fact]
    public void Activator_and_gateways_together_give_two_rules()
    {
        var policy = PlanOf(DevWith(TestConfigs.Model("m", ActivatorMode.On, iap: true))).Single("AuthorizationPolicy", "fraud-models", "m-callers");

        Assert.Equal(2, policy.At("spec.rules")!.AsArray().Count);
        Assert.Equal(["ns:knative-serving", PublicGateway, LocalGateway], Granted(PlanOf(DevWith(TestConfigs.Model("m", ActivatorMode.On, iap: true))), "m"));
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
