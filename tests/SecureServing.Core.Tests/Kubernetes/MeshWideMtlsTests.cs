using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class MeshWideMtlsTests
{
    [Fact]
    public void Mesh_scope_is_strict_on_both_sides_and_patches_knatives_local_gateway()
    {
        var plan = PlanOf(TestConfigs.Prod());

        Assert.Equal("STRICT", plan.Single("PeerAuthentication", "istio-system", "default").Str("spec.mtls.mode"));
        var rule = plan.Single("DestinationRule", "istio-system", "default");
        Assert.Equal("*.local", rule.Str("spec.host"));
        Assert.Equal("ISTIO_MUTUAL", rule.Str("spec.trafficPolicy.tls.mode"));

        var gateway = plan.Single("Gateway", "knative-serving", "knative-local-gateway");
        Assert.Equal(ApplyMode.Patch, gateway.Mode);
        Assert.Equal(8081, gateway.At("spec.servers.0.port.number")!.GetValue<int>());
        Assert.Equal("HTTPS", gateway.Str("spec.servers.0.port.protocol"));
        Assert.Equal("ISTIO_MUTUAL", gateway.Str("spec.servers.0.tls.mode"));
        Assert.Equal(["*"], gateway.Strings("spec.servers.0.hosts"));
    }

    [Fact]
    public void Knative_local_gateway_is_left_alone_when_its_tls_is_none()
    {
        var config = TestConfigs.Prod() with { Mesh = TestConfigs.Prod().Mesh with { KnativeLocalGatewayTls = KnativeLocalGatewayTls.None } };

        var plan = PlanOf(config);

        Assert.Null(plan.Find("Gateway", "knative-serving", "knative-local-gateway"));
        Assert.NotNull(plan.Find("DestinationRule", "istio-system", "default"));
    }

    [Fact]
    public void Namespace_scope_creates_nothing_mesh_wide()
    {
        var plan = PlanOf(TestConfigs.Dev());

        Assert.DoesNotContain(plan.Objects, o => o.Kind is "PeerAuthentication" or "DestinationRule" && o.Namespace == "istio-system");
        Assert.Null(plan.Find("Gateway", "knative-serving", "knative-local-gateway"));
    }
}
