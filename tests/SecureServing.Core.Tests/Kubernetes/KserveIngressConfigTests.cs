using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class KserveIngressConfigTests
{
    /// <summary>
    /// The JSON tags of <c>IngressConfig</c> in kserve/kserve v0.20.0, <c>pkg/apis/serving/v1beta1/configmap.go</c>.
    /// KServe ignores any other key silently, so a misspelt key would be a setting that never applies.
    /// </summary>
    private static readonly HashSet<string> KserveIngressKeys =
    [
        "enableGatewayApi", "kserveIngressGateway", "ingressGateway", "knativeLocalGatewayService", "localGateway",
        "localGatewayService", "ingressDomain", "ingressClassName", "additionalIngressDomains", "domainTemplate",
        "urlScheme", "enableLLMInferenceServiceTLS", "disableIstioVirtualHost", "pathTemplate", "disableIngressCreation",
        "disableHTTPRouteTimeout", "modelBasedRoutingHeaderName", "modelBasedRoutingMode",
    ];

    /// <summary>The keys of the <c>ingress</c> value in KServe v0.20.0's <c>config/configmap/inferenceservice.yaml</c>: a patch replaces the whole value, so none may go missing.</summary>
    private static readonly string[] KserveDefaultKeys =
    [
        "enableGatewayApi", "kserveIngressGateway", "ingressGateway", "localGateway", "localGatewayService", "ingressDomain",
        "ingressClassName", "domainTemplate", "urlScheme", "disableIstioVirtualHost", "disableIngressCreation", "disableHTTPRouteTimeout",
    ];

    private static JsonObject Ingress(PlatformConfig config)
    {
        var configMap = PlanOf(config).Single("ConfigMap", "kserve", "inferenceservice-config");
        Assert.Equal(ApplyMode.Patch, configMap.Mode);
        return JsonNode.Parse(configMap.Str("data.ingress")!)!.AsObject();
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Writes_only_kserve_keys_and_every_key_of_its_default(string stack)
    {
        var ingress = Ingress(stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod());

        Assert.All(ingress, kv => Assert.Contains(kv.Key, KserveIngressKeys));
        Assert.All(KserveDefaultKeys, key => Assert.True(ingress.ContainsKey(key), $"missing {key}"));
    }

    [Fact]
    public void Points_kserve_at_its_dedicated_local_gateway_and_knatives_behind_it()
    {
        var ingress = Ingress(TestConfigs.Dev());

        Assert.True(ingress["disableIstioVirtualHost"]!.GetValue<bool>());
        Assert.Equal("istio-system/kserve-local-gateway", ingress["localGateway"]!.GetValue<string>());
        Assert.Equal("kserve-local-gateway.istio-system.svc.cluster.local", ingress["localGatewayService"]!.GetValue<string>());
        Assert.Equal("knative-local-gateway.istio-system.svc.cluster.local", ingress["knativeLocalGatewayService"]!.GetValue<string>());
    }

    [Fact]
    public void Without_a_dedicated_local_gateway_uses_knatives()
    {
        var config = TestConfigs.Dev() with { Mesh = TestConfigs.Dev().Mesh with { LocalGateway = null, DisableIstioVirtualHost = false } };

        var ingress = Ingress(config);

        Assert.False(ingress["disableIstioVirtualHost"]!.GetValue<bool>());
        Assert.Equal("knative-serving/knative-local-gateway", ingress["localGateway"]!.GetValue<string>());
        Assert.Equal("knative-local-gateway.istio-system.svc.cluster.local", ingress["localGatewayService"]!.GetValue<string>());
    }

    [Fact]
    public void Ingress_gateway_is_the_public_gateway_in_the_plan()
    {
        var config = TestConfigs.Dev();
        var ingressGateway = Ingress(config)["ingressGateway"]!.GetValue<string>().Split('/');

        Assert.NotNull(PlanOf(config).Find("Gateway", ingressGateway[0], ingressGateway[1]));
    }

    [Fact]
    public void Domain_template_uses_kserves_variable_for_the_domain()
    {
        var ingress = Ingress(TestConfigs.Dev());

        Assert.Equal("{{.Name}}-{{.Namespace}}.{{ .IngressDomain }}", ingress["domainTemplate"]!.GetValue<string>());
        Assert.Equal("models.dev.example.com", ingress["ingressDomain"]!.GetValue<string>());
    }
}
