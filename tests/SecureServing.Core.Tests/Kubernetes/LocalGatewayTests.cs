using SecureServing.Core.Config;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class LocalGatewayTests
{
    [Fact]
    public void Http_mode_listens_on_8082_behind_service_port_80()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var gateway = plan.Single("Gateway", "istio-system", "kserve-local-gateway");
        Assert.Equal(8082, gateway.At("spec.servers.0.port.number")!.GetValue<int>());
        Assert.Equal("HTTP", gateway.Str("spec.servers.0.port.protocol"));
        Assert.Null(gateway.At("spec.servers.0.tls"));

        var service = plan.Single("Service", "istio-system", "kserve-local-gateway");
        Assert.Equal("true", service.Label("experimental.istio.io/disable-gateway-port-translation"));
        Assert.Equal(80, service.At("spec.ports.0.port")!.GetValue<int>());
        Assert.Equal(8082, service.At("spec.ports.0.targetPort")!.GetValue<int>());
        Assert.Equal("ingressgateway", service.Str("spec.selector.istio"));

        Assert.DoesNotContain(plan.Objects, o => o.Group == "cert-manager.io" && o.Name.Contains("local", StringComparison.Ordinal));
    }

    [Fact]
    public void Https_mode_serves_8445_with_a_certificate_from_the_cluster_ca()
    {
        var plan = PlanOf(TestConfigs.Prod());

        var gateway = plan.Single("Gateway", "istio-system", "kserve-local-gateway");
        Assert.Equal(8445, gateway.At("spec.servers.0.port.number")!.GetValue<int>());
        Assert.Equal("SIMPLE", gateway.Str("spec.servers.0.tls.mode"));
        Assert.Equal("kserve-cluster-local-tls", gateway.Str("spec.servers.0.tls.credentialName"));

        var service = plan.Single("Service", "istio-system", "kserve-local-gateway");
        Assert.Equal(443, service.At("spec.ports.0.port")!.GetValue<int>());
        Assert.Equal(8445, service.At("spec.ports.0.targetPort")!.GetValue<int>());
        // Without it, the public Gateway's 443 could be translated to this Service's target port.
        Assert.Equal("true", service.Label("experimental.istio.io/disable-gateway-port-translation"));

        var certificate = plan.Single("Certificate", "istio-system", "kserve-local-gateway");
        Assert.Equal("kserve-cluster-local-tls", certificate.Str("spec.secretName"));
        Assert.Contains("kserve-local-gateway.istio-system.svc.cluster.local", certificate.Strings("spec.dnsNames"));

        // The issuer chain closes inside the plan: leaf <- CA ClusterIssuer <- CA certificate <- self-signed ClusterIssuer.
        var caIssuer = plan.Single("ClusterIssuer", null, certificate.Str("spec.issuerRef.name")!);
        Assert.Equal("ClusterIssuer", certificate.Str("spec.issuerRef.kind"));
        var caCertificate = Assert.Single(plan.OfKind("Certificate"), c => c.Str("spec.secretName") == caIssuer.Str("spec.ca.secretName"));
        Assert.Equal("cert-manager", caCertificate.Namespace);
        Assert.True(caCertificate.At("spec.isCA")!.GetValue<bool>());
        var root = plan.Single("ClusterIssuer", null, caCertificate.Str("spec.issuerRef.name")!);
        Assert.NotNull(root.At("spec.selfSigned"));
    }

    [Fact]
    public void No_local_gateway_no_objects()
    {
        var config = TestConfigs.Prod() with { Mesh = TestConfigs.Prod().Mesh with { LocalGateway = null } };

        var plan = PlanOf(config);

        Assert.DoesNotContain(plan.Objects, o => o.Name == "kserve-local-gateway");
        Assert.Empty(plan.OfKind("ClusterIssuer"));
    }
}
