using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>
/// Registered egress FQDN policy under <c>egress: restricted</c>: istiod must reach the JWKS hosts of the JWTs the
/// mesh verifies, and nothing else beyond the restricted VIP.
/// </summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class EgressFqdnPolicyComponentTests(ShippedRuns runs)
{
    private const string Policy = GcpResourceTypes.NetworkFirewallPolicy;
    private const string Rule = GcpResourceTypes.NetworkFirewallPolicyRule;
    private const string Association = GcpResourceTypes.NetworkFirewallPolicyAssociation;

    [Theory]
    [InlineData("dev", new[] { "www.gstatic.com" })]
    [InlineData("prod", new[] { "dex.example.com", "www.gstatic.com" })]
    public void The_nodes_may_reach_only_the_jwks_hosts_on_443(string stack, string[] fqdns)
    {
        var run = runs[stack];
        var rule = run.Inputs(Rule, "firewall-egress-fqdn");

        Assert.Equal("EGRESS", Values.Text(rule, "direction"));
        Assert.Equal("allow", Values.Text(rule, "action"));
        Assert.Equal(fqdns, Values.Texts(rule, "match.destFqdns"));
        var layer4 = Assert.Single(Values.Objects(rule, "match.layer4Configs"));
        Assert.Equal("tcp", Values.Text(layer4, "ipProtocol"));
        Assert.Equal(["443"], Values.Texts(layer4, "ports"));
        Assert.False(Values.Has(rule, "match.destIpRanges"));

        // Only the node service account's VMs (the cluster's nodes and their pods) are targets.
        Assert.Equal([$"ss-{stack}-nodes@acme-ml-{stack}.iam.gserviceaccount.com"], Values.Texts(rule, "targetServiceAccounts"));

        // The rule belongs to the policy the component created (by name, as the provider's example does).
        Assert.Equal(Values.Text(run.Inputs(Policy, "firewall-egress-policy"), "name"), Values.Text(rule, "firewallPolicy"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_policy_is_attached_to_the_stacks_vpc_and_evaluated_before_the_classic_rules(string stack)
    {
        var run = runs[stack];

        var association = run.Inputs(Association, "firewall-egress-policy-vpc");
        Assert.Equal(MockState.IdOf("network-vpc"), Values.Text(association, "attachmentTarget"));
        Assert.Equal(MockState.IdOf("firewall-egress-policy"), Values.Text(association, "firewallPolicy"));
        Assert.Equal("BEFORE_CLASSIC_FIREWALL", Values.Text(run.Inputs(GcpResourceTypes.Network, "network-vpc"), "networkFirewallPolicyEnforcementOrder"));

        // The classic deny-all egress is still there for everything the policy does not match.
        Assert.Equal(["0.0.0.0/0"], Values.Texts(run.Inputs(GcpResourceTypes.Firewall, "firewall-egress-deny-all"), "destinationRanges"));
    }

    [Theory]
    [InlineData("firewall-egress-policy")]
    [InlineData("firewall-egress-fqdn")]
    [InlineData("firewall-egress-policy-vpc")]
    public void The_new_resources_are_children_of_the_firewall_component_and_not_protected(string name)
    {
        var options = runs["dev"].OptionsOf(name);

        Assert.Equal("firewall", Assert.IsAssignableFrom<global::Pulumi.Resource>(options.Parent).GetResourceName());
        Assert.NotEqual(true, options.Protect);
    }

    [Fact]
    public void Only_the_external_dex_needs_nat_in_prod_and_dev_stays_without()
    {
        Assert.Single(runs["prod"].OfType(GcpResourceTypes.RouterNat));
        Assert.Empty(runs["dev"].OfType(GcpResourceTypes.RouterNat));
    }

    [Fact]
    public async Task Without_in_mesh_jwt_verification_nothing_is_registered_and_the_vpc_keeps_the_default_order()
    {
        var dev = ProgramRun.Load("dev");
        var run = await ProgramRun.GcpLayerAsync(dev with { Iap = dev.Iap with { VerifyJwtInMesh = false } });

        Assert.Empty(run.OfType(Policy));
        Assert.Empty(run.OfType(Rule));
        Assert.Empty(run.OfType(Association));
        Assert.False(Values.Has(run.Inputs(GcpResourceTypes.Network, "network-vpc"), "networkFirewallPolicyEnforcementOrder"));
    }

    [Fact]
    public async Task An_external_dex_alone_registers_what_render_writes()
    {
        var dev = ProgramRun.Load("dev");
        var config = dev with
        {
            Iap = dev.Iap with { Enabled = false },
            Mesh = dev.Mesh with
            {
                Dex = new DexConfig { Issuer = "https://login.example.org", JwksUri = "https://login.example.org:8443/keys", Audiences = ["serving"] },
            },
        };
        var run = await ProgramRun.GcpLayerAsync(config);
        var rendered = GcpPlanner.Plan(config).Resources;

        foreach (var name in new[] { "network-vpc", "network-nat", "firewall-egress-policy", "firewall-egress-fqdn", "firewall-egress-policy-vpc" })
        {
            var expected = Assert.Single(rendered, r => r.Name == name);
            Assert.Empty(Equivalence.Differences(expected.Properties, run.Inputs(expected.Type, name), run.ResolveRefs));
        }

        var layer4 = Assert.Single(Values.Objects(run.Inputs(Rule, "firewall-egress-fqdn"), "match.layer4Configs"));
        Assert.Equal(["8443"], Values.Texts(layer4, "ports"));
        Assert.Equal(["login.example.org"], Values.Texts(run.Inputs(Rule, "firewall-egress-fqdn"), "match.destFqdns"));
    }

    [Fact]
    public async Task Nat_egress_registers_no_policy()
    {
        var dev = ProgramRun.Load("dev");
        var run = await ProgramRun.GcpLayerAsync(dev with { Network = dev.Network with { Egress = EgressMode.Nat } });

        Assert.Empty(run.OfType(Policy));
        Assert.Empty(run.OfType(Rule));
        Assert.Empty(run.OfType(Association));
    }
}
