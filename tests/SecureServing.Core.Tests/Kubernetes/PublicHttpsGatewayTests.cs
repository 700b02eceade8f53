using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class PublicHttpsGatewayTests
{
    private static PlatformConfig NoIap() => TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };

    [Fact]
    public void Serves_https_for_the_hostname_and_its_wildcard()
    {
        var gateway = PlanOf(TestConfigs.Dev()).Single("Gateway", "istio-system", "public-gateway");

        Assert.Equal(443, gateway.At("spec.servers.0.port.number")!.GetValue<int>());
        Assert.Equal("HTTPS", gateway.Str("spec.servers.0.port.protocol"));
        Assert.Equal("SIMPLE", gateway.Str("spec.servers.0.tls.mode"));
        Assert.Equal("ingress-tls", gateway.Str("spec.servers.0.tls.credentialName"));
        Assert.Equal(["models.dev.example.com", "*.models.dev.example.com"], gateway.Strings("spec.servers.0.hosts"));
    }

    [Fact]
    public void Without_iap_port_80_only_redirects()
    {
        var gateway = PlanOf(NoIap()).Single("Gateway", "istio-system", "public-gateway");

        Assert.Equal(80, gateway.At("spec.servers.1.port.number")!.GetValue<int>());
        Assert.True(gateway.At("spec.servers.1.tls.httpsRedirect")!.GetValue<bool>());
    }

    [Fact]
    public void With_iap_port_80_serves_the_load_balancer_without_a_redirect_loop()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Hostname = "iap.example.org" } };

        var gateway = PlanOf(config).Single("Gateway", "istio-system", "public-gateway");

        Assert.Null(gateway.At("spec.servers.1.tls"));
        Assert.Contains("iap.example.org", gateway.Strings("spec.servers.1.hosts"));
        // Guarded instead by the IAP JWT policy, an ALLOW on the same pods: every host and port needs the JWT.
        var policy = PlanOf(config).Single("AuthorizationPolicy", "istio-system", "iap-require-jwt");
        Assert.Equal("ALLOW", policy.Str("spec.action"));
        Assert.Equal("public-gateway", gateway.Str("spec.selector.istio"));
        Assert.Equal("public-gateway", policy.Str("spec.selector.matchLabels.istio"));
    }

    [Fact]
    public void Runs_on_the_public_gateway_pods_not_on_the_cluster_local_gateway()
    {
        var gateway = PlanOf(TestConfigs.Dev()).Single("Gateway", "istio-system", "public-gateway");

        Assert.Equal("public-gateway", gateway.Str("spec.selector.istio"));
        Assert.Single(gateway.At("spec.selector")!.AsObject());
    }

    [Fact]
    public void Cert_manager_issues_the_tls_secret_for_both_names()
    {
        var certificate = PlanOf(TestConfigs.Dev()).Single("Certificate", "istio-system", "public-gateway");

        Assert.Equal("ingress-tls", certificate.Str("spec.secretName"));
        Assert.Equal(["models.dev.example.com", "*.models.dev.example.com"], certificate.Strings("spec.dnsNames"));
        Assert.Equal("letsencrypt", certificate.Str("spec.issuerRef.name"));
        Assert.Equal("ClusterIssuer", certificate.Str("spec.issuerRef.kind"));
    }

    [Fact]
    public void An_existing_secret_needs_no_certificate()
    {
        var config = TestConfigs.Dev() with { Ingress = TestConfigs.Dev().Ingress with { Tls = IngressTls.Secret, TlsSecret = "wildcard-tls" } };

        var plan = PlanOf(config);

        Assert.Null(plan.Find("Certificate", "istio-system", "public-gateway"));
        Assert.Equal("wildcard-tls", plan.Single("Gateway", "istio-system", "public-gateway").Str("spec.servers.0.tls.credentialName"));
    }

    [Fact]
    public void Knative_domain_and_template_are_patched_under_their_current_keys()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var domain = plan.Single("ConfigMap", "knative-serving", "config-domain");
        Assert.Equal(ApplyMode.Patch, domain.Mode);
        Assert.Equal("", domain.At("data")!["models.dev.example.com"]!.GetValue<string>());

        var network = plan.Single("ConfigMap", "knative-serving", "config-network");
        Assert.Equal(ApplyMode.Patch, network.Mode);
        Assert.Equal("{{.Name}}-{{.Namespace}}.{{.Domain}}", network.Str("data.domain-template"));
        Assert.Null(network.At("data.domainTemplate"));
        Assert.Equal("https", network.Str("data.default-external-scheme"));
    }

    [Fact]
    public void Knative_routes_are_bound_to_the_public_gateway()
    {
        var plan = PlanOf(TestConfigs.Dev());
        var istio = plan.Single("ConfigMap", "knative-serving", "config-istio");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(istio.Str("data.external-gateways")!));
        var entry = (YamlMappingNode)((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Single();

        Assert.NotNull(plan.Find("Gateway", entry["namespace"].ToString(), entry["name"].ToString()));
        Assert.Equal("istio-public-gateway.istio-system.svc.cluster.local", entry["service"].ToString());
        Assert.Null(istio.At("data.local-gateways"));
    }
}
