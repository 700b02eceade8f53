using CsCheck;
using SecureServing.Core.Tests.Properties;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>
/// Under <c>egress: restricted</c> istiod must still fetch the JWKS of the JWTs the mesh verifies (IAP's on
/// www.gstatic.com, an external Dex's): a Cloud NGFW policy allows exactly those FQDNs, ahead of the classic deny-all.
/// </summary>
public sealed class EgressFqdnPolicyPlanTests
{
    private const string PolicyName = "firewall-egress-policy";
    private const string RuleName = "firewall-egress-fqdn";
    private const string AssociationName = "firewall-egress-policy-vpc";

    private static PlatformConfig Dev(EgressMode egress = EgressMode.Restricted, bool iap = true, bool verify = true, string? dexJwks = null)
    {
        var dev = TestConfigs.Dev();
        return dev with
        {
            Network = dev.Network with { Egress = egress },
            Iap = dev.Iap with { Enabled = iap, VerifyJwtInMesh = verify },
            Mesh = dev.Mesh with
            {
                Dex = dexJwks is null ? null : new DexConfig { Issuer = "https://dex.example.com", JwksUri = dexJwks, Audiences = ["kubeflow-oidc-authservice"] },
            },
        };
    }

    private static void AssertNoPolicy(GcpPlan plan)
    {
        Assert.Null(plan.Firewall?.EgressFqdnPolicy);
        Assert.Null(plan.Network?.Vpc.NetworkFirewallPolicyEnforcementOrder);
        Assert.DoesNotContain(plan.Resources, r => r.Name is PolicyName or RuleName or AssociationName);
        Assert.DoesNotContain(plan.Resources, r => r.Properties.ContainsKey("networkFirewallPolicyEnforcementOrder"));
    }

    [Fact]
    public void Iap_jwt_verified_in_mesh_allows_443_to_www_gstatic_com_only_from_the_nodes()
    {
        var plan = GcpPlanner.Plan(Dev());

        var rule = plan.Firewall!.EgressFqdnPolicy!.Rule;
        Assert.Equal(["www.gstatic.com"], rule.DestFqdns);
        var layer4 = Assert.Single(rule.Layer4Configs);
        Assert.Equal("tcp", layer4.IpProtocol);
        Assert.Equal(["443"], layer4.Ports);
        Assert.Equal(FirewallDirection.Egress, rule.Direction);
        Assert.Equal("allow", rule.Action);
        Assert.Equal([new ResourceRef("cluster-node-sa", "email")], rule.TargetServiceAccounts);

        var rendered = plan.Single(RuleName);
        Assert.Equal(GcpResourceTypes.NetworkFirewallPolicyRule, rendered.Type);
        Assert.Equal(["www.gstatic.com"], rendered.Strings("match.destFqdns"));
        Assert.Equal("tcp", rendered.Str("match.layer4Configs.0.ipProtocol"));
        Assert.Equal(["443"], rendered.Strings("match.layer4Configs.0.ports"));
        Assert.Equal("EGRESS", rendered.Str("direction"));
        Assert.Equal("allow", rendered.Str("action"));
        Assert.Equal(["${cluster-node-sa.email}"], rendered.Strings("targetServiceAccounts"));
        Assert.Equal("${firewall-egress-policy.name}", rendered.Str("firewallPolicy"));
    }

    [Fact]
    public void The_policy_is_attached_to_the_vpc_which_evaluates_it_before_the_classic_deny_all()
    {
        var plan = GcpPlanner.Plan(Dev());

        Assert.Equal("BEFORE_CLASSIC_FIREWALL", plan.Single("network-vpc").Str("networkFirewallPolicyEnforcementOrder"));
        var association = plan.Single(AssociationName);
        Assert.Equal(GcpResourceTypes.NetworkFirewallPolicyAssociation, association.Type);
        Assert.Equal("${network-vpc.id}", association.Str("attachmentTarget"));
        Assert.Equal("${firewall-egress-policy.id}", association.Str("firewallPolicy"));
        Assert.Equal(GcpResourceTypes.NetworkFirewallPolicy, plan.Single(PolicyName).Type);

        // The classic deny-all stays: the policy opens only what it matches.
        Assert.Equal(["0.0.0.0/0"], plan.Single("firewall-egress-deny-all").Strings("destinationRanges"));
    }

    [Fact]
    public void Www_gstatic_com_is_reached_through_private_google_access_so_no_nat_is_added()
    {
        var plan = GcpPlanner.Plan(Dev());

        Assert.NotNull(plan.Firewall!.EgressFqdnPolicy);
        Assert.Null(plan.Network!.Nat);
        Assert.DoesNotContain(plan.Resources, r => r.Type == GcpResourceTypes.RouterNat);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Without_in_mesh_iap_verification_or_dex_there_is_no_policy(bool iapEnabled, bool verify) =>
        AssertNoPolicy(GcpPlanner.Plan(Dev(iap: iapEnabled, verify: verify)));

    [Fact]
    public void Nat_egress_has_no_policy_even_when_the_mesh_verifies_external_jwts()
    {
        var plan = GcpPlanner.Plan(Dev(EgressMode.Nat, dexJwks: "https://dex.example.com/keys"));

        AssertNoPolicy(plan);
        Assert.NotNull(plan.Network!.Nat);
    }

    [Fact]
    public void An_existing_cluster_gets_no_policy() =>
        AssertNoPolicy(GcpPlanner.Plan(Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } }));

    [Theory]
    [InlineData("https://dex.auth.svc.cluster.local:5556/keys")]
    [InlineData("https://dex.auth.svc/keys")]
    [InlineData("https://DEX.AUTH.SVC.CLUSTER.LOCAL./keys")]
    [InlineData("https://dex/keys")]
    public void An_in_cluster_dex_jwks_needs_no_fqdn(string jwksUri)
    {
        AssertNoPolicy(GcpPlanner.Plan(Dev(iap: false, dexJwks: jwksUri)));

        var withIap = GcpPlanner.Plan(Dev(dexJwks: jwksUri));
        Assert.Equal(["www.gstatic.com"], withIap.Firewall!.EgressFqdnPolicy!.Rule.DestFqdns);
        Assert.Null(withIap.Network!.Nat);
    }

    [Fact]
    public void An_external_dex_jwks_adds_its_host_and_port_and_a_nat_path()
    {
        var plan = GcpPlanner.Plan(Dev(dexJwks: "https://Dex.Example.com:5556/dex/keys?x=1#frag"));

        var rule = plan.Firewall!.EgressFqdnPolicy!.Rule;
        Assert.Equal(["dex.example.com", "www.gstatic.com"], rule.DestFqdns);
        var layer4 = Assert.Single(rule.Layer4Configs);
        Assert.Equal("tcp", layer4.IpProtocol);
        Assert.Equal(["443", "5556"], layer4.Ports);
        Assert.All(rule.DestFqdns, h => Assert.DoesNotMatch("[/:?#A-Z]", h));
        // Nodes have no external IPs and dex.example.com is not a Google front end: Cloud NAT is the only path, and
        // the classic deny-all still limits it to the allowed FQDNs.
        Assert.NotNull(plan.Network!.Nat);
        Assert.Equal("BEFORE_CLASSIC_FIREWALL", plan.Network.Vpc.NetworkFirewallPolicyEnforcementOrder);
    }

    [Fact]
    public void An_external_dex_alone_is_enough_for_a_policy()
    {
        var plan = GcpPlanner.Plan(Dev(iap: false, dexJwks: "https://login.example.org/keys"));

        Assert.Equal(["login.example.org"], plan.Firewall!.EgressFqdnPolicy!.Rule.DestFqdns);
        Assert.Equal("mesh.dex.jwksUri", Assert.Single(plan.Firewall.EgressFqdnPolicy.Destinations).Reason);
    }

    [Fact]
    public void A_dex_jwks_on_an_ip_literal_is_not_an_fqdn()
    {
        var plan = GcpPlanner.Plan(Dev(dexJwks: "https://10.0.0.5/keys"));

        Assert.Equal(["www.gstatic.com"], plan.Firewall!.EgressFqdnPolicy!.Rule.DestFqdns);
    }

    [Fact]
    public void A_dex_jwks_on_www_gstatic_com_is_listed_once()
    {
        var plan = GcpPlanner.Plan(Dev(dexJwks: "https://www.gstatic.com/other-keys"));

        var destination = Assert.Single(plan.Firewall!.EgressFqdnPolicy!.Destinations);
        Assert.Equal("www.gstatic.com", destination.Host);
        Assert.Equal("iap.verifyJwtInMesh, mesh.dex.jwksUri", destination.Reason);
    }

    [Fact]
    public void Policy_rule_and_association_come_after_the_classic_rules_in_that_order()
    {
        var names = GcpPlanner.Plan(Dev()).Resources.Select(r => r.Name).ToList();

        var policy = names.IndexOf(PolicyName);
        Assert.True(policy > names.IndexOf("firewall-egress-health-checks"));
        Assert.Equal(policy + 1, names.IndexOf(RuleName));
        Assert.Equal(policy + 2, names.IndexOf(AssociationName));
    }

    [Fact]
    public void The_policy_exists_exactly_when_restricted_egress_meets_an_external_jwks() =>
        Gen.Select(Gen.Enum<EgressMode>(), Gen.Enum<ClusterProvider>(), Gen.Bool, Gen.Bool,
                Gen.OneOf<string?>(null, "https://dex.auth.svc.cluster.local/keys", "https://dex.example.com/keys"))
            .Holds((egress, provider, iap, verify, dex) =>
            {
                var config = Dev(egress, iap, verify, dex);
                config = config with { Cluster = config.Cluster with { Provider = provider } };
                var plan = GcpPlanner.Plan(config);

                var needed = egress == EgressMode.Restricted && provider == ClusterProvider.Gke &&
                    ((iap && verify) || dex == "https://dex.example.com/keys");
                Assert.Equal(needed, plan.Firewall?.EgressFqdnPolicy is not null);
                Assert.Equal(needed, plan.Network?.Vpc.NetworkFirewallPolicyEnforcementOrder == "BEFORE_CLASSIC_FIREWALL");
                Assert.Equal(needed ? 3 : 0, plan.Resources.Count(r => r.Name is PolicyName or RuleName or AssociationName));
            }, iter: 100);
}
