using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered firewall inputs for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class FirewallComponentTests(ShippedRuns runs)
{
    private const string Firewall = GcpResourceTypes.Firewall;

    [Theory]
    [InlineData("dev", "172.16.0.0/28")]
    [InlineData("prod", "172.16.0.16/28")]
    public void Control_plane_reaches_each_webhook_port_from_the_master_cidr_only(string stack, string masterCidr)
    {
        var run = runs[stack];
        var nodeTag = ProgramRun.Load(stack).Cluster.NodeTag;
        foreach (var (component, port) in new[] { ("knative", "8443"), ("kserve", "9443"), ("istio", "15017") })
        {
            var rule = run.Inputs(Firewall, $"firewall-webhook-{component}");
            Assert.Equal("INGRESS", Values.Text(rule, "direction"));
            Assert.Equal([masterCidr], Values.Texts(rule, "sourceRanges"));
            Assert.Equal([nodeTag], Values.Texts(rule, "targetTags"));
            var allow = Assert.Single(Values.Objects(rule, "allows"));
            Assert.Equal("tcp", Values.Text(allow, "protocol"));
            Assert.Equal([port], Values.Texts(allow, "ports"));
            Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(rule, "network"));
        }

        // cert-manager's webhook listens on 10250 in the configured release, which GKE already opens.
        Assert.DoesNotContain(run.OfType(Firewall), r => r.Name == "firewall-webhook-cert-manager");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void No_rule_admits_the_whole_internet(string stack)
    {
        var rules = runs[stack].OfType(Firewall).ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            if (Values.Text(rule.Inputs, "direction") == "INGRESS")
            {
                var sources = Values.Texts(rule.Inputs, "sourceRanges");
                Assert.NotEmpty(sources);
                Assert.DoesNotContain("0.0.0.0/0", sources);
            }
            else
            {
                Assert.False(Values.Has(rule.Inputs, "sourceRanges"), $"{rule.Name}: egress rule with sources");
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Restricted_egress_denies_everything_but_443_to_the_restricted_vip_and_what_nodes_need(string stack)
    {
        var run = runs[stack];
        var deny = run.Inputs(Firewall, "firewall-egress-deny-all");
        Assert.Equal("EGRESS", Values.Text(deny, "direction"));
        Assert.Equal(["0.0.0.0/0"], Values.Texts(deny, "destinationRanges"));
        Assert.Equal("all", Values.Text(Assert.Single(Values.Objects(deny, "denies")), "protocol"));
        Assert.False(Values.Has(deny, "allows"));
        Assert.Equal(65000d, Values.Number(deny, "priority"));
        Assert.Equal("INCLUDE_ALL_METADATA", Values.Text(deny, "logConfig.metadata"));

        var vip = run.Inputs(Firewall, "firewall-egress-restricted-vip");
        Assert.Equal("EGRESS", Values.Text(vip, "direction"));
        Assert.Equal(["199.36.153.4/30"], Values.Texts(vip, "destinationRanges"));
        var allow = Assert.Single(Values.Objects(vip, "allows"));
        Assert.Equal("tcp", Values.Text(allow, "protocol"));
        Assert.Equal(["443"], Values.Texts(allow, "ports"));
        Assert.True(Values.Number(vip, "priority") < Values.Number(deny, "priority"));

        var allowRules = run.OfType(Firewall).Where(r => r.Name!.StartsWith("firewall-egress-", StringComparison.Ordinal) && r.Name != "firewall-egress-deny-all");
        Assert.Equal(
            ["firewall-egress-control-plane", "firewall-egress-health-checks", "firewall-egress-intra-cluster", "firewall-egress-restricted-vip"],
            allowRules.Select(r => r.Name!).Order(StringComparer.Ordinal));
    }
}
