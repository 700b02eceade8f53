using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class IapInMeshTests
{
    [Fact]
    public void Gke_ingress_uses_the_gcp_plans_ip_and_certificate_and_fronts_the_public_gateway()
    {
        var config = TestConfigs.Dev();
        var gcp = IapPlanner.Plan(config)!;

        var ingress = PlanOf(config).Single("Ingress", "istio-system", "iap-ingress");

        Assert.Equal("gce", ingress.Annotation("kubernetes.io/ingress.class"));
        Assert.Equal(("ss-dev-iap-ip", "ss-dev-iap-ip"), (gcp.StaticIp.Name, ingress.Annotation("kubernetes.io/ingress.global-static-ip-name")));
        Assert.Equal(("ss-dev-iap-cert", "ss-dev-iap-cert"), (gcp.Certificate.Name, ingress.Annotation("ingress.gcp.kubernetes.io/pre-shared-cert")));
        Assert.Equal("false", ingress.Annotation("kubernetes.io/ingress.allow-http"));
        Assert.Equal(("models.dev.example.com", "models.dev.example.com"), (gcp.Hostname, ingress.Str("spec.rules.0.host")));
        Assert.Equal("istio-public-gateway", ingress.Str("spec.rules.0.http.paths.0.backend.service.name"));
        Assert.Equal(80, ingress.At("spec.rules.0.http.paths.0.backend.service.port.number")!.GetValue<int>());
    }

    [Fact]
    public void Managed_oauth_client_means_no_credentials_and_no_secret()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var backend = plan.Single("BackendConfig", "istio-system", "iap-backend-config");

        Assert.True(backend.At("spec.iap.enabled")!.GetValue<bool>());
        Assert.Null(backend.At("spec.iap.oauthclientCredentials"));
        Assert.Empty(plan.OfKind("Secret"));
        Assert.Equal("/healthz/ready", backend.Str("spec.healthCheck.requestPath"));
        Assert.Equal(15021, backend.At("spec.healthCheck.port")!.GetValue<int>());
        Assert.Equal("HTTP", backend.Str("spec.healthCheck.type"));
    }

    [Fact]
    public void Bring_your_own_client_secret_is_a_placeholder_filled_from_the_pulumi_secret()
    {
        var config = TestConfigs.Prod();
        var plan = PlanOf(config);

        var backend = plan.Single("BackendConfig", "istio-system", "iap-backend-config");
        var secret = plan.Single("Secret", "istio-system", backend.Str("spec.iap.oauthclientCredentials.secretName")!);

        Assert.Equal(config.Iap.OAuthClient.ClientId, secret.Str("stringData.client_id"));
        Assert.Equal("[secret]", secret.Str("stringData.client_secret"));
        var field = Assert.Single(secret.Secrets);
        Assert.Equal(config.Iap.OAuthClient.ClientSecret, field.Source);
        Assert.Equal("[secret]", secret.Str(field.PathText));
        Assert.Null(secret.At("data"));
    }

    [Fact]
    public void Public_gateway_service_gets_neg_and_the_backend_config()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var service = plan.Single("Service", "istio-system", "istio-public-gateway");

        Assert.Equal(ApplyMode.Patch, service.Mode);
        Assert.Equal("{\"ingress\":true}", service.Annotation("cloud.google.com/neg"));
        var backendConfig = System.Text.Json.Nodes.JsonNode.Parse(service.Annotation("cloud.google.com/backend-config"))!["default"]!.GetValue<string>();
        Assert.NotNull(plan.Find("BackendConfig", "istio-system", backendConfig));
    }

    [Fact]
    public void Public_gateway_verifies_the_iap_jwt()
    {
        var ra = PlanOf(TestConfigs.Dev()).Single("RequestAuthentication", "istio-system", "iap-jwt");

        Assert.Equal("public-gateway", ra.Str("spec.selector.matchLabels.istio"));
        Assert.Equal("https://cloud.google.com/iap", ra.Str("spec.jwtRules.0.issuer"));
        Assert.Equal("https://www.gstatic.com/iap/verify/public_key-jwk", ra.Str("spec.jwtRules.0.jwksUri"));
        Assert.Equal("x-goog-iap-jwt-assertion", ra.Str("spec.jwtRules.0.fromHeaders.0.name"));
        Assert.Null(ra.At("spec.jwtRules.0.fromHeaders.0.prefix"));
        // Unknown backend service ID: RequestAuthentication matches audiences exactly, so the policy binds the prefix.
        Assert.Null(ra.At("spec.jwtRules.0.audiences"));
    }

    [Fact]
    public void Without_a_known_audience_only_jwts_for_this_projects_backend_services_pass()
    {
        var policy = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "istio-system", "iap-require-jwt");

        Assert.Equal("ALLOW", policy.Str("spec.action"));
        Assert.Equal("public-gateway", policy.Str("spec.selector.matchLabels.istio"));
        Assert.Equal(["https://cloud.google.com/iap/*"], policy.Strings("spec.rules.0.from.0.source.requestPrincipals"));
        Assert.Equal("request.auth.audiences", policy.Str("spec.rules.0.when.0.key"));
        Assert.Equal(["/projects/111111111111/global/backendServices/*"], policy.Strings("spec.rules.0.when.0.values"));
        Assert.Null(policy.At("spec.rules.0.to"));
    }

    [Fact]
    public void A_known_audience_is_bound_exactly_in_the_jwt_rule_and_the_policy()
    {
        const string audience = "/projects/111111111111/global/backendServices/42";
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Audience = audience } };
        var plan = PlanOf(config);

        Assert.Equal([audience], plan.Single("RequestAuthentication", "istio-system", "iap-jwt").Strings("spec.jwtRules.0.audiences"));
        Assert.Equal([audience], plan.Single("AuthorizationPolicy", "istio-system", "iap-require-jwt").Strings("spec.rules.0.when.0.values"));
    }

    [Fact]
    public void Only_health_paths_pass_the_public_gateway_without_an_iap_jwt()
    {
        var policy = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "istio-system", "iap-require-jwt");

        var rules = policy.At("spec.rules")!.AsArray();
        Assert.Equal(2, rules.Count);
        Assert.Null(policy.At("spec.rules.1.from"));
        Assert.Null(policy.At("spec.rules.1.when"));
        Assert.Equal(["/healthz", "/healthz/ready"], policy.Strings("spec.rules.1.to.0.operation.paths"));
    }

    [Fact]
    public void The_iap_policies_select_only_the_public_gateway_pods()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var selected = plan.Objects.Where(o => o.Name is "iap-jwt" or "iap-require-jwt").Select(o => o.Str("spec.selector.matchLabels.istio")).ToList();

        Assert.Equal(["public-gateway", "public-gateway"], selected);
        Assert.DoesNotContain(plan.Objects, o => o.Kind == "Gateway" && o.Str("spec.selector.istio") == "ingressgateway"
            && o.Strings("spec.servers.0.hosts").Any(h => h.EndsWith("example.com", StringComparison.Ordinal)));
    }

    [Fact]
    public void In_mesh_verification_can_be_turned_off()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { VerifyJwtInMesh = false } };

        var plan = PlanOf(config);

        Assert.Null(plan.Find("RequestAuthentication", "istio-system", "iap-jwt"));
        Assert.Null(plan.Find("AuthorizationPolicy", "istio-system", "iap-require-jwt"));
        Assert.NotNull(plan.Find("Ingress", "istio-system", "iap-ingress"));
    }

    [Fact]
    public void Iap_disabled_creates_no_iap_object()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };

        var plan = PlanOf(config);

        Assert.DoesNotContain(plan.Objects, o => o.Name.StartsWith("iap-", StringComparison.Ordinal) || o.Kind is "Ingress" or "BackendConfig" or "VirtualService");
    }
}
