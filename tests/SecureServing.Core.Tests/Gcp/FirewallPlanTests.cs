using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class FirewallPlanTests
{
    private static IEnumerable<FirewallRuleSpec> Ingress(FirewallSpec spec) =>
        spec.Rules.Where(r => r.Direction == FirewallDirection.Ingress);

    private static IEnumerable<FirewallRuleSpec> Egress(FirewallSpec spec) =>
        spec.Rules.Where(r => r.Direction == FirewallDirection.Egress);

    [Fact]
    public void Webhook_rules_open_knative_8443_kserve_9443_and_istio_15017_from_the_master_cidr_to_the_node_tag()
    {
        var spec = FirewallPlanner.Plan(TestConfigs.Dev())!;

        var ingress = Ingress(spec).ToList();
        Assert.Equal(
            [("ss-dev-allow-webhook-knative", "tcp:8443"), ("ss-dev-allow-webhook-kserve", "tcp:9443"), ("ss-dev-allow-webhook-istio", "tcp:15017")],
            ingress.Select(r => (r.Name, string.Join(",", r.Allows.Select(a => $"{a.Protocol}:{string.Join("+", a.Ports)}")))));
        Assert.All(ingress, rule =>
        {
            Assert.Equal(["172.16.0.0/28"], rule.SourceRanges);
            Assert.Equal(["ss-dev-node"], rule.TargetTags);
            Assert.Empty(rule.Denies);
        });
    }

    [Fact]
    public void Old_cert_manager_adds_a_6443_rule_and_the_rendered_resource_carries_it()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev() with { Versions = new PlatformVersions { CertManager = "0.11.0" } });

        var rule = plan.Single("firewall-webhook-cert-manager");
        Assert.Equal("INGRESS", rule.Str("direction"));
        Assert.Equal(["6443"], rule.Strings("allows.0.ports"));
        Assert.Equal("tcp", rule.Str("allows.0.protocol"));
        Assert.Equal(["172.16.0.0/28"], rule.Strings("sourceRanges"));
        Assert.Equal(["ss-dev-node"], rule.Strings("targetTags"));
    }

    [Fact]
    public void Current_cert_manager_has_no_firewall_rule()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        Assert.DoesNotContain(plan.Resources, r => r.Name.Contains("cert-manager", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EgressMode.Restricted)]
    [InlineData(EgressMode.Nat)]
    public void No_rule_ever_has_any_address_as_a_source(EgressMode egress)
    {
        var config = TestConfigs.Prod() with { Network = TestConfigs.Prod().Network with { Egress = egress } };
        var plan = GcpPlanner.Plan(config);

        Assert.All(plan.OfType(GcpResourceTypes.Firewall), r => Assert.DoesNotContain("0.0.0.0/0", r.Strings("sourceRanges")));
        Assert.All(plan.Firewall!.Rules, r => Assert.DoesNotContain("0.0.0.0/0", r.SourceRanges));
    }

    [Fact]
    public void Restricted_egress_denies_everything_below_every_allow()
    {
        var spec = FirewallPlanner.Plan(TestConfigs.Dev())!;

        var deny = Assert.Single(spec.Rules, r => r.Denies.Count > 0);
        Assert.Equal(FirewallDirection.Egress, deny.Direction);
        Assert.Equal(["0.0.0.0/0"], deny.DestinationRanges);
        Assert.Equal("all", Assert.Single(deny.Denies).Protocol);
        Assert.Empty(deny.TargetTags); // every instance in the VPC
        Assert.NotNull(deny.LogMetadata);
        Assert.All(Egress(spec).Where(r => r != deny), allow => Assert.True(allow.Priority < deny.Priority));
    }

    [Fact]
    public void Restricted_egress_allows_443_to_the_restricted_vip_the_control_plane_the_cluster_ranges_and_health_checks()
    {
        var allows = Egress(FirewallPlanner.Plan(TestConfigs.Dev())!).Where(r => r.Allows.Count > 0).ToList();

        var vip = Assert.Single(allows, r => r.DestinationRanges.Contains("199.36.153.4/30"));
        Assert.Equal(["199.36.153.4/30"], vip.DestinationRanges);
        Assert.Equal(new FirewallProtocolSpec("tcp", ["443"]), Assert.Single(vip.Allows), new ProtocolComparer());

        var controlPlane = Assert.Single(allows, r => r.DestinationRanges.Contains("172.16.0.0/28"));
        Assert.Equal(["172.16.0.0/28"], controlPlane.DestinationRanges);

        var cluster = Assert.Single(allows, r => r.DestinationRanges.Contains("10.20.0.0/16"));
        Assert.Equal(["10.10.0.0/20", "10.20.0.0/16", "10.30.0.0/20"], cluster.DestinationRanges);

        var healthChecks = Assert.Single(allows, r => r.DestinationRanges.Contains("35.191.0.0/16"));
        Assert.Equal(["35.191.0.0/16", "130.211.0.0/22"], healthChecks.DestinationRanges);

        Assert.Equal(4, allows.Count);
        Assert.All(allows, r => Assert.Equal(["ss-dev-node"], r.TargetTags));
        Assert.All(allows, r => Assert.DoesNotContain("0.0.0.0/0", r.DestinationRanges));
    }

    [Fact]
    public void Nat_egress_has_no_egress_rules_only_webhooks()
    {
        var config = TestConfigs.Dev() with { Network = TestConfigs.Dev().Network with { Egress = EgressMode.Nat } };
        var spec = FirewallPlanner.Plan(config)!;

        Assert.Empty(Egress(spec));
        Assert.Equal(3, Ingress(spec).Count());
    }

    [Fact]
    public void Existing_clusters_get_no_firewall()
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } };

        Assert.Null(FirewallPlanner.Plan(config));
        Assert.Empty(GcpPlanner.Plan(config).OfType(GcpResourceTypes.Firewall));
    }

    [Fact]
    public void Rendered_rules_use_the_provider_property_names_and_reference_the_vpc()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        var deny = plan.Single("firewall-egress-deny-all");
        Assert.Equal("EGRESS", deny.Str("direction"));
        Assert.Equal(["0.0.0.0/0"], deny.Strings("destinationRanges"));
        Assert.Equal("all", deny.Str("denies.0.protocol"));
        Assert.Equal("INCLUDE_ALL_METADATA", deny.Str("logConfig.metadata"));
        Assert.Null(deny.At("allows"));
        Assert.All(plan.OfType(GcpResourceTypes.Firewall), r => Assert.Equal("${network-vpc.id}", r.Str("network")));
    }

    private sealed class ProtocolComparer : IEqualityComparer<FirewallProtocolSpec>
    {
        public bool Equals(FirewallProtocolSpec? x, FirewallProtocolSpec? y) =>
            x is not null && y is not null && x.Protocol == y.Protocol && x.Ports.SequenceEqual(y.Ports);

        public int GetHashCode(FirewallProtocolSpec obj) => obj.Protocol.GetHashCode(StringComparison.Ordinal);
    }
}
