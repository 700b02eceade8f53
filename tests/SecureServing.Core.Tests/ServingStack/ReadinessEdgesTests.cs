using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

/// <summary>Each object waits for exactly the releases it needs.</summary>
public sealed class ReadinessEdgesTests
{
    private static readonly PlatformConfig Config = TestConfigs.Dev() with
    {
        Serving = new ServingConfig { Install = true },
        Mesh = TestConfigs.Dev().Mesh with { LocalGateway = new LocalGatewayConfig { Mode = LocalGatewayMode.Https } },
        Teams = [TestConfigs.Team()],
    };

    private static readonly ServingStackPlan Stack = ServingStackPlanner.Plan(Config);
    private static readonly KubernetesPlan Plan = KubernetesPlanner.Plan(Config);

    private static IReadOnlyList<string> EdgesOf(string kind, string? ns = null, string? name = null) =>
        ReadinessEdges.For(Stack, Plan.Objects.First(o => o.Kind == kind && (ns is null || o.Namespace == ns) && (name is null || o.Name == name)));

    [Fact]
    public void Istio_objects_wait_for_istiod_which_implies_the_crds()
    {
        Assert.Equal(["istiod"], EdgesOf("Gateway", "istio-system", "public-gateway"));
        Assert.Equal(["istiod"], EdgesOf("PeerAuthentication", "fraud-models"));
        Assert.Equal(["istiod"], EdgesOf("AuthorizationPolicy", "fraud-models"));
    }

    [Fact]
    public void Cert_manager_objects_wait_for_cert_manager_and_for_the_namespace_they_are_in()
    {
        Assert.Equal(["cert-manager"], EdgesOf("ClusterIssuer"));
        Assert.Equal(["istio-base", "cert-manager"], EdgesOf("Certificate", "istio-system", "public-gateway"));
    }

    [Fact]
    public void Inference_services_wait_for_the_runtimes_and_net_istio_routing_and_nothing_of_other_teams()
    {
        Assert.Equal(["net-istio", "kserve-runtimes"], EdgesOf("InferenceService"));
        Assert.Empty(EdgesOf("Namespace", name: "fraud-models"));
        Assert.Empty(EdgesOf("ServiceAccount", "fraud-models"));
    }

    [Fact]
    public void The_iap_ingress_waits_for_the_gateway_release_owning_its_backend_service()
    {
        var ingress = Plan.Objects.Single(o => o.Kind == "Ingress");
        var backend = (string?)ingress.Manifest["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"];

        // The gateway release implies istio-base (istio-system): only the gateway is left.
        Assert.Equal("istio-public-gateway", backend);
        Assert.Equal(["istio-public-gateway"], ReadinessEdges.For(Stack, ingress));
    }

    [Fact]
    public void Plain_objects_in_a_stack_namespace_wait_for_the_release_creating_it()
    {
        Assert.Equal(["istio-base"], EdgesOf("Service", "istio-system", "kserve-local-gateway"));
        Assert.Equal(["istio-base"], EdgesOf("BackendConfig", "istio-system"));
    }

    [Fact]
    public void Without_the_installed_stack_nothing_waits_for_a_release()
    {
        Assert.All(Plan.Objects, o => Assert.Empty(ReadinessEdges.For(ServingStackPlan.None, o)));
    }
}
