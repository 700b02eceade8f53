using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class MeshWideMtlsTests
{
    [Fact]
    public void Mesh_scope_is_strict_on_both_sides()
    {
        var plan = PlanOf(TestConfigs.Prod());

        Assert.Equal("STRICT", plan.Single("PeerAuthentication", "istio-system", "default").Str("spec.mtls.mode"));
        var rule = plan.Single("DestinationRule", "istio-system", "default");
        Assert.Equal("*.local", rule.Str("spec.host"));
        Assert.Equal("ISTIO_MUTUAL", rule.Str("spec.trafficPolicy.tls.mode"));
    }

    [Fact]
    public void Namespace_scope_creates_nothing_mesh_wide()
    {
        var plan = PlanOf(TestConfigs.Dev());

        Assert.Null(plan.Find("PeerAuthentication", "istio-system", "default"));
        Assert.Null(plan.Find("DestinationRule", "istio-system", "default"));
    }
}
