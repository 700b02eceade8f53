using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class IapPlanTests
{
    [Fact]
    public void Iap_gets_a_global_static_ip_and_a_managed_certificate_for_its_hostname()
    {
        var config = TestConfigs.Prod();
        var plan = GcpPlanner.Plan(config);

        var ip = plan.Single("iap-ip");
        Assert.Equal(GcpResourceTypes.GlobalAddress, ip.Type);
        Assert.Equal("EXTERNAL", ip.Str("addressType"));
        Assert.Equal(IapNames.StaticIpName(config), ip.Str("name"));

        var certificate = plan.Single("iap-certificate");
        Assert.Equal(GcpResourceTypes.ManagedSslCertificate, certificate.Type);
        Assert.Equal("MANAGED", certificate.Str("type"));
        Assert.Equal([config.Iap.Hostname!], certificate.Strings("managed.domains"));
        Assert.Equal(IapNames.CertificateName(config), certificate.Str("name"));
    }

    [Fact]
    public void Hostname_falls_back_to_the_ingress_hostname()
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Hostname = null } };

        Assert.Equal([config.Ingress.Hostname], GcpPlanner.Plan(config).Single("iap-certificate").Strings("managed.domains"));
    }

    [Fact]
    public void Accessors_and_team_members_get_the_https_resource_accessor_role_once_each()
    {
        var config = TestConfigs.Dev() with
        {
            Iap = TestConfigs.Dev().Iap with { Accessors = ["group:ml-platform@example.com", "user:alice@example.com"] },
            Teams = [TestConfigs.Team("fraud"), TestConfigs.Team("recsys", "recsys-models") with { Members = ["user:alice@example.com"] }],
        };
        var members = GcpPlanner.Plan(config).OfType(GcpResourceTypes.IapWebIamMember);

        Assert.All(members, m => Assert.Equal("roles/iap.httpsResourceAccessor", m.Str("role")));
        Assert.All(members, m => Assert.Equal(config.ProjectId, m.Str("project")));
        Assert.Equal(
            ["group:fraud-ml@example.com", "group:ml-platform@example.com", "user:alice@example.com"],
            members.Select(m => m.Str("member")));
    }

    [Fact]
    public void Bring_your_own_client_secret_stays_a_secret_reference_for_the_kubernetes_layer()
    {
        var config = TestConfigs.Prod();
        var plan = GcpPlanner.Plan(config);

        var client = plan.Iap!.OAuthClient;
        Assert.False(client.Managed);
        Assert.Equal(config.Iap.OAuthClient.ClientId, client.ClientId);
        Assert.Same(config.Iap.OAuthClient.ClientSecret, client.ClientSecret);
        Assert.Equal(IapNames.OAuthClientSecretName, client.KubernetesSecretName);
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

        Assert.DoesNotContain(plan.Resources.SelectMany(r => PlanQueries.AllStrings(r.Properties)), s => s == RenderedValue.Secret);
    }
}
