using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>The shipped Pulumi.dev.yaml / Pulumi.prod.yaml, loaded as <c>render</c> and the Pulumi program load them.</summary>
public sealed class ShippedStacksGcpTests
{
    private static GcpPlan Plan(string stack)
    {
        var report = StackCheck.Run(TempRepo.RepoRoot(), stack);
        Assert.NotNull(report.Config);
        return GcpPlanner.Plan(report.Config);
    }

    [Fact]
    public void Dev_is_a_dry_run_perimeter_with_restricted_egress()
    {
        var plan = Plan("dev");

        Assert.True(plan.Perimeter.Perimeter.UseExplicitDryRunSpec);
        Assert.Contains(plan.Firewall!.Rules, r => r.Denies.Count > 0);
        Assert.False(plan.Cluster!.Protect);
        Assert.Equal([8443, 9443, 15017], plan.Firewall.WebhookPorts.Select(p => p.Port));
    }

    [Fact]
    public void Prod_is_enforced_and_protected_with_a_bring_your_own_iap_client()
    {
        var plan = Plan("prod");

        Assert.False(plan.Perimeter.Perimeter.UseExplicitDryRunSpec);
        Assert.True(plan.Cluster!.Protect);
        Assert.True(plan.Cluster.Cluster.DeletionProtection);
        Assert.True(plan.Perimeter.Protect);
        Assert.Equal([true, true, true], plan.RegistryDns!.Zones.Select(z => z.Zone.Protect));
        Assert.False(plan.Iap!.OAuthClient.Managed);
        Assert.NotNull(plan.Iap.OAuthClient.ClientSecret);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_team_file_gets_its_identity_and_bucket(string stack)
    {
        var report = StackCheck.Run(TempRepo.RepoRoot(), stack);
        var plan = GcpPlanner.Plan(report.Config!);

        Assert.Equal(["fraud", "recsys"], plan.Teams.Select(t => t.Team));
        Assert.Contains(plan.Resources, r => r.Name == "team-fraud-bucket");
        Assert.Contains(plan.Resources, r => r.Name == "team-recsys-bucket");
        Assert.Contains(plan.Resources, r => r.Name == "team-fraud-gsa");
        Assert.Contains(plan.Resources, r => r.Name == "team-recsys-gsa");
    }
}
