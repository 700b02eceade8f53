using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered private zones and records for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class RegistryDnsComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "ss-dev")]
    [InlineData("prod", "ss-prod")]
    public void Each_registry_domain_resolves_to_the_restricted_vip_inside_the_vpc(string stack, string deployment)
    {
        var run = runs[stack];
        // gcr.io and pkg.dev from config; googleapis.com because egress is restricted.
        foreach (var (domain, key) in new[] { ("gcr.io", "gcr-io"), ("pkg.dev", "pkg-dev"), ("googleapis.com", "googleapis-com") })
        {
            var zone = run.Inputs(GcpResourceTypes.ManagedZone, $"registry-dns-{key}-zone");
            Assert.Equal(domain + ".", Values.Text(zone, "dnsName"));
            Assert.Equal("private", Values.Text(zone, "visibility"));
            Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(Assert.Single(Values.Objects(zone, "privateVisibilityConfig.networks")), "networkUrl"));
            var zoneName = Values.Text(zone, "name");
            Assert.Equal($"{deployment}-{key}", zoneName);

            var cname = run.Inputs(GcpResourceTypes.RecordSet, $"registry-dns-{key}-cname");
            Assert.Equal(("CNAME", $"*.{domain}."), (Values.Text(cname, "type"), Values.Text(cname, "name")));
            Assert.Equal([domain + "."], Values.Texts(cname, "rrdatas"));
            Assert.Equal(zoneName, Values.Text(cname, "managedZone"));

            var a = run.Inputs(GcpResourceTypes.RecordSet, $"registry-dns-{key}-a");
            Assert.Equal(("A", $"{domain}."), (Values.Text(a, "type"), Values.Text(a, "name")));
            Assert.Equal(["199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7"], Values.Texts(a, "rrdatas"));
            Assert.Equal(zoneName, Values.Text(a, "managedZone"));
            Assert.Equal(300d, Values.Number(a, "ttl"));
        }

        Assert.Equal(3, run.OfType(GcpResourceTypes.ManagedZone).Count());
    }

    [Theory]
    [InlineData("dev", null)]
    [InlineData("prod", true)]
    public void Zones_are_protected_in_prod(string stack, bool? protect)
    {
        var run = runs[stack];
        foreach (var zone in run.OfType(GcpResourceTypes.ManagedZone))
        {
            Assert.Equal(protect, run.OptionsOf(zone.Name!).Protect);
        }

        // Records follow their zone: deleting a record of a protected zone is a normal change.
        Assert.All(run.OfType(GcpResourceTypes.RecordSet), r => Assert.Null(run.OptionsOf(r.Name!).Protect));
    }
}
