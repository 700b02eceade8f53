using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered IAP resources for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class IapComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void No_iap_brand_or_oauth_client_is_ever_registered(string stack)
    {
        var types = runs[stack].Mocks.Registered.Select(r => r.Type!).ToList();
        Assert.DoesNotContain("gcp:iap/brand:Brand", types);
        Assert.DoesNotContain("gcp:iap/client:Client", types);
        Assert.DoesNotContain(types, t => t.StartsWith("gcp:iap/", StringComparison.Ordinal) && t != GcpResourceTypes.IapWebIamMember);
    }

    [Theory]
    [InlineData("dev", "ss-dev", "models.dev.example.com")]
    [InlineData("prod", "ss-prod", "models.example.com")]
    public void The_ingress_gets_a_global_ip_and_a_managed_certificate_for_the_iap_hostname(string stack, string deployment, string hostname)
    {
        var run = runs[stack];
        var ip = run.Inputs(GcpResourceTypes.GlobalAddress, "iap-ip");
        Assert.Equal(($"{deployment}-iap-ip", "EXTERNAL", "IPV4"),
            (Values.Text(ip, "name"), Values.Text(ip, "addressType"), Values.Text(ip, "ipVersion")));

        var cert = run.Inputs(GcpResourceTypes.ManagedSslCertificate, "iap-certificate");
        Assert.Equal("MANAGED", Values.Text(cert, "type"));
        Assert.Equal([hostname], Values.Texts(cert, "managed.domains"));
    }

    [Theory]
    [InlineData("dev", new[] { "group:fraud-ml@example.com", "group:ml-platform@example.com", "group:recsys-ml@example.com", "user:recsys-oncall@example.com" })]
    public void Accessors_and_team_members_may_pass_iap_team_members_only_to_their_own_paths(string stack, string[] members)
    {
        var accessors = runs[stack].OfType(GcpResourceTypes.IapWebIamMember).ToList();
        Assert.Equal(members, accessors.Select(a => Values.Text(a.Inputs, "member")).Order(StringComparer.Ordinal));
        Assert.All(accessors, a => Assert.Equal("roles/iap.httpsResourceAccessor", Values.Text(a.Inputs, "role")));
        var platform = accessors.Single(a => Values.Text(a.Inputs, "member") == "group:ml-platform@example.com");
        Assert.False(Values.Has(platform.Inputs, "condition"));
        var fraud = accessors.Single(a => Values.Text(a.Inputs, "member") == "group:fraud-ml@example.com");
        Assert.Equal(
            "request.host == \"models.dev.example.com\" && request.path.startsWith(\"/kfserving/fraud-models/\")",
            Values.Text(fraud.Inputs, "condition.expression"));
        Assert.Equal("team fraud models", Values.Text(fraud.Inputs, "condition.title"));
    }
}
