using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class RegistryDnsPlanTests
{
    [Fact]
    public void Each_domain_gets_a_private_zone_bound_to_the_vpc()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        var zones = plan.OfType(GcpResourceTypes.ManagedZone);
        Assert.Equal(["gcr.io.", "pkg.dev.", "googleapis.com."], zones.Select(z => z.Str("dnsName")));
        Assert.All(zones, zone =>
        {
            Assert.Equal("private", zone.Str("visibility"));
            Assert.Equal("${network-vpc.id}", zone.Str("privateVisibilityConfig.networks.0.networkUrl"));
        });
    }

    [Fact]
    public void Each_zone_answers_wildcard_cname_to_the_apex_and_apex_a_to_the_restricted_vip()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        foreach (var domain in new[] { "gcr.io", "pkg.dev" })
        {
            var key = domain.Replace('.', '-');
            var zoneRef = $"${{registry-dns-{key}-zone.name}}";

            var cname = plan.Single($"registry-dns-{key}-cname");
            Assert.Equal(zoneRef, cname.Str("managedZone"));
            Assert.Equal($"*.{domain}.", cname.Str("name"));
            Assert.Equal("CNAME", cname.Str("type"));
            Assert.Equal([$"{domain}."], cname.Strings("rrdatas"));
            Assert.Equal(300, cname.Int("ttl"));

            var a = plan.Single($"registry-dns-{key}-a");
            Assert.Equal(zoneRef, a.Str("managedZone"));
            Assert.Equal($"{domain}.", a.Str("name"));
            Assert.Equal("A", a.Str("type"));
            Assert.Equal(["199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7"], a.Strings("rrdatas"));
            Assert.Equal(300, a.Int("ttl"));
        }
    }

    [Fact]
    public void Restricted_egress_always_adds_googleapis_com_so_nodes_reach_google_apis()
    {
        var config = TestConfigs.Dev();
        Assert.DoesNotContain("googleapis.com", config.RegistryDns.Domains);

        Assert.Contains("googleapis.com", RegistryDnsPlanner.Domains(config));
    }

    [Fact]
    public void Nat_egress_keeps_only_the_configured_domains()
    {
        var config = TestConfigs.Dev() with { Network = TestConfigs.Dev().Network with { Egress = EgressMode.Nat } };

        Assert.Equal(["gcr.io", "pkg.dev"], RegistryDnsPlanner.Domains(config));
    }

    [Fact]
    public void Domains_are_normalised_and_deduplicated()
    {
        var config = TestConfigs.Dev() with { RegistryDns = new RegistryDnsConfig { Domains = ["GCR.io.", "gcr.io", "pkg.dev", "googleapis.com"] } };

        Assert.Equal(["gcr.io", "pkg.dev", "googleapis.com"], RegistryDnsPlanner.Domains(config));
    }

    [Fact]
    public void Zones_are_protected_in_production_only()
    {
        Assert.Equal(
            [("gcr.io.", true), ("pkg.dev.", true), ("googleapis.com.", true)],
            GcpPlanner.Plan(TestConfigs.Prod()).RegistryDns!.Zones.Select(z => (z.Zone.DnsName, z.Zone.Protect)));
        Assert.Equal(
            [("gcr.io.", false), ("pkg.dev.", false), ("googleapis.com.", false)],
            GcpPlanner.Plan(TestConfigs.Dev()).RegistryDns!.Zones.Select(z => (z.Zone.DnsName, z.Zone.Protect)));
    }
}
