using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class IapPlanTests
{
    [Fact]
    public void Iap_gets_a_global_static_ip_and_a_managed_certificate_for_its_hostname()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Prod());

        var ip = plan.Single("iap-ip");
        Assert.Equal(GcpResourceTypes.GlobalAddress, ip.Type);
        Assert.Equal("EXTERNAL", ip.Str("addressType"));
        Assert.Equal("ss-prod-iap-ip", ip.Str("name"));

        var certificate = plan.Single("iap-certificate");
        Assert.Equal(GcpResourceTypes.ManagedSslCertificate, certificate.Type);
        Assert.Equal("MANAGED", certificate.Str("type"));
        Assert.Equal(["models.example.com"], certificate.Strings("managed.domains"));
        Assert.Equal("ss-prod-iap-cert", certificate.Str("name"));
    }

    [Fact]
    public void Hostname_falls_back_to_the_ingress_hostname()
    {
        var config = TestConfigs.Dev() with
        {
            Iap = TestConfigs.Dev().Iap with { Hostname = null },
            Ingress = TestConfigs.Dev().Ingress with { Hostname = "serving.dev.example.com" },
        };

        Assert.Equal(["serving.dev.example.com"], GcpPlanner.Plan(config).Single("iap-certificate").Strings("managed.domains"));
    }

    [Fact]
    public void Accessors_get_the_https_resource_accessor_role_unconditionally_once_each()
    {
        var config = TestConfigs.Dev() with
        {
            Iap = TestConfigs.Dev().Iap with { Accessors = ["group:ml-platform@example.com", "user:alice@example.com", "user:alice@example.com"] },
        };
        var members = GcpPlanner.Plan(config).OfType(GcpResourceTypes.IapWebIamMember).Where(m => m.Name.StartsWith("iap-accessor-", StringComparison.Ordinal)).ToList();

        Assert.All(members, m => Assert.Equal("roles/iap.httpsResourceAccessor", m.Str("role")));
        Assert.All(members, m => Assert.Equal("acme-ml-dev", m.Str("project")));
        Assert.All(members, m => Assert.False(m.Properties.ContainsKey("condition")));
        Assert.Equal(["group:ml-platform@example.com", "user:alice@example.com"], members.Select(m => m.Str("member")));
    }

    [Fact]
    public void Team_members_pass_iap_only_for_their_own_teams_paths_on_the_iap_host()
    {
        var config = TestConfigs.Dev() with
        {
            Iap = TestConfigs.Dev().Iap with { Accessors = ["user:alice@example.com"] },
            Teams = [TestConfigs.Team("fraud"), TestConfigs.Team("recsys", "recsys-models") with { Members = ["user:alice@example.com", "group:recsys-ml@example.com"] }],
        };
        var grants = GcpPlanner.Plan(config).OfType(GcpResourceTypes.IapWebIamMember).ToList();

        var fraud = Assert.Single(grants, g => g.Str("member") == "group:fraud-ml@example.com");
        Assert.Equal("iap-team-fraud-group-fraud-ml-example-com", fraud.Name);
        Assert.Equal("request.host == \"models.dev.example.com\" && request.path.startsWith(\"/kfserving/fraud-models/\")", fraud.Str("condition.expression"));
        Assert.Equal("team fraud models", fraud.Str("condition.title"));
        Assert.False(string.IsNullOrWhiteSpace(fraud.Str("condition.description")));
        var recsys = grants.Where(g => g.Name.StartsWith("iap-team-recsys-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["group:recsys-ml@example.com", "user:alice@example.com"], recsys.Select(g => g.Str("member")));
        Assert.All(recsys, g => Assert.EndsWith("request.path.startsWith(\"/kfserving/recsys-models/\")", g.Str("condition.expression"), StringComparison.Ordinal));
        // No team member holds an unconditional grant (alice has one only because she is a platform accessor).
        Assert.Equal(["user:alice@example.com"], grants.Where(g => !g.Properties.ContainsKey("condition")).Select(g => g.Str("member")));
    }

    [Fact]
    public void A_team_without_an_exposed_model_gets_no_iap_grant()
    {
        var config = TestConfigs.Dev() with { Teams = [TestConfigs.Team("fraud", "fraud-models", TestConfigs.Model("private", iap: false))] };

        Assert.DoesNotContain(GcpPlanner.Plan(config).OfType(GcpResourceTypes.IapWebIamMember), g => g.Str("member") == "group:fraud-ml@example.com");
    }

    [Fact]
    public void Bring_your_own_client_secret_stays_a_secret_reference_for_the_kubernetes_layer()
    {
        var config = TestConfigs.Prod();
        var plan = GcpPlanner.Plan(config);

        var client = plan.Iap!.OAuthClient;
        Assert.False(client.Managed);
        Assert.Equal("222222222222-abc123def456.apps.googleusercontent.com", client.ClientId);
        Assert.Same(config.Iap.OAuthClient.ClientSecret, client.ClientSecret);
        Assert.Equal("iap-oauth-client", client.KubernetesSecretName);
        // Nothing about the client reaches the GCP resources.
        Assert.DoesNotContain(plan.Resources.SelectMany(r => PlanQueries.AllStrings(r.Properties)), s => s.Contains("apps.googleusercontent.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Managed_client_needs_no_secret()
    {
        var client = GcpPlanner.Plan(TestConfigs.Dev()).Iap!.OAuthClient;

        Assert.True(client.Managed);
        Assert.Null(client.ClientSecret);
        Assert.Null(client.KubernetesSecretName);
    }

    [Fact]
    public void Disabled_iap_creates_nothing_and_does_not_enable_the_api()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };
        var plan = GcpPlanner.Plan(config);

        Assert.Null(plan.Iap);
        Assert.DoesNotContain(plan.Resources, r => r.Name.StartsWith("iap-", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Resources, r => r.Str("service") == "iap.googleapis.com");
    }

    [Fact]
    public void No_iap_brand_or_oauth_client_resource_is_ever_planned()
    {
        var configs = new[]
        {
            TestConfigs.Dev(),
            TestConfigs.Prod(),
            TestConfigs.Dev() with { Iap = TestConfigs.Prod().Iap },
            TestConfigs.Prod() with { Iap = TestConfigs.Dev().Iap },
        };

        foreach (var config in configs)
        {
            var types = GcpPlanner.Plan(config).Resources.Select(r => r.Type).ToList();
            Assert.DoesNotContain(types, t => t.StartsWith("gcp:iap/brand", StringComparison.Ordinal));
            Assert.DoesNotContain(types, t => t.StartsWith("gcp:iap/client", StringComparison.Ordinal));
        }

        var known = typeof(GcpResourceTypes).GetFields().Select(f => (string)f.GetValue(null)!);
        Assert.DoesNotContain(known, t => t.Contains("iap/brand", StringComparison.Ordinal) || t.Contains("iap/client", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_iap_resources_contain_no_secret_values()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Prod());

        Assert.DoesNotContain(plan.Resources.SelectMany(r => PlanQueries.AllStrings(r.Properties)), s => s == "[secret]");
    }
}
