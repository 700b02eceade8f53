using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>The cluster-local gateway sees who calls it and admits only the public gateway and Knative's probes.</summary>
public class LocalGatewayCallersTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Knatives_local_gateway_is_istio_mutual_in_both_mtls_scopes(string stack)
    {
        var plan = PlanOf(stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod());

        var gateway = plan.Single("Gateway", "knative-serving", "knative-local-gateway");
        Assert.Equal(ApplyMode.Patch, gateway.Mode);
        Assert.Equal(8081, gateway.At("spec.servers.0.port.number")!.GetValue<int>());
        Assert.Equal("HTTPS", gateway.Str("spec.servers.0.port.protocol"));
        Assert.Equal("ISTIO_MUTUAL", gateway.Str("spec.servers.0.tls.mode"));
        Assert.Equal(["*"], gateway.Strings("spec.servers.0.hosts"));
        Assert.Equal("ingressgateway", gateway.Str("spec.selector.istio"));

        var rule = plan.Single("DestinationRule", "istio-system", "knative-local-gateway");
        Assert.Equal("knative-local-gateway.istio-system.svc.cluster.local", rule.Str("spec.host"));
        Assert.Equal("ISTIO_MUTUAL", rule.Str("spec.trafficPolicy.tls.mode"));
    }

    [Fact]
    public void Only_the_public_gateway_and_knatives_probes_may_use_the_local_gateway()
    {
        var policy = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "istio-system", "local-gateway-callers");

        Assert.Equal("ALLOW", policy.Str("spec.action"));
        Assert.Equal("ingressgateway", policy.Str("spec.selector.matchLabels.istio"));
        Assert.Equal(2, policy.At("spec.rules")!.AsArray().Count);
        Assert.Equal(["cluster.local/ns/istio-system/sa/istio-public-gateway"], policy.Strings("spec.rules.0.from.0.source.principals"));
        Assert.Null(policy.At("spec.rules.0.to"));
        Assert.Equal(["knative-serving"], policy.Strings("spec.rules.1.from.0.source.namespaces"));
        Assert.Equal(["/healthz"], policy.Strings("spec.rules.1.to.0.operation.paths"));
    }

    [Fact]
    public void Without_iap_nobody_but_the_probes_uses_the_local_gateway()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };

        var policy = PlanOf(config).Single("AuthorizationPolicy", "istio-system", "local-gateway-callers");

        var rule = Assert.Single(policy.At("spec.rules")!.AsArray());
        Assert.Equal(["/healthz"], policy.Strings("spec.rules.0.to.0.operation.paths"));
        Assert.NotNull(rule);
    }

    [Fact]
    public void The_open_local_gateway_stays_plaintext_and_unguarded()
    {
        var config = TestConfigs.Dev() with { Mesh = TestConfigs.Dev().Mesh with { OutOfMeshCallers = true, KnativeLocalGatewayTls = KnativeLocalGatewayTls.None } };

        var plan = PlanOf(config);

        Assert.True(LocalGatewayCallers.IsOpen(config.Mesh));
        Assert.Null(plan.Find("Gateway", "knative-serving", "knative-local-gateway"));
        Assert.Null(plan.Find("DestinationRule", "istio-system", "knative-local-gateway"));
        Assert.Null(plan.Find("AuthorizationPolicy", "istio-system", "local-gateway-callers"));
    }
}
