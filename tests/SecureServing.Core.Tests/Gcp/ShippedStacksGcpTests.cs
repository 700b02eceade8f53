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

    /// <summary>The API each provider module of the plan's resources calls (<c>gcp:&lt;module&gt;/...</c>); null: no cloud API.</summary>
    private static readonly Dictionary<string, string?> ModuleApis = new(StringComparer.Ordinal)
    {
        ["projects"] = "serviceusage.googleapis.com", ["compute"] = "compute.googleapis.com", ["container"] = "container.googleapis.com",
        ["serviceaccount"] = "iam.googleapis.com", ["dns"] = "dns.googleapis.com", ["accesscontextmanager"] = "accesscontextmanager.googleapis.com",
        ["iap"] = "iap.googleapis.com", ["artifactregistry"] = "artifactregistry.googleapis.com", ["storage"] = "storage.googleapis.com",
        ["kms"] = "cloudkms.googleapis.com", ["binaryauthorization"] = "binaryauthorization.googleapis.com", ["pubsub"] = "pubsub.googleapis.com",
        ["index"] = null,
    };

    /// <summary>
    /// <c>pulumi up</c> runs from CI outside the perimeter: every restricted service whose resources the stack creates
    /// (team buckets, KMS keys, the notifications topic, the admission policy, the image-supply repositories) must be
    /// among the operations of the deployer's ingress policy, or the enforced perimeter blocks the deployment.
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_deployer_ingress_policy_covers_every_restricted_service_the_stack_writes(string stack)
    {
        var plan = Plan(stack);
        var perimeter = plan.Perimeter.Perimeter.Status ?? plan.Perimeter.Perimeter.DryRunSpec!;
        var modules = plan.Resources.Select(r => r.Type.Split(':')[1].Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        Assert.All(modules, m => Assert.True(ModuleApis.ContainsKey(m), $"no API listed for provider module `{m}`"));

        var written = modules.Select(m => ModuleApis[m]).OfType<string>().Intersect(perimeter.RestrictedServices, StringComparer.Ordinal).ToList();
        var deployer = Assert.Single(perimeter.IngressPolicies, p => p.Identities.Any(i => i.Contains("ss-deploy-", StringComparison.Ordinal)));
        var allowed = deployer.Operations.Select(o => o.ServiceName).ToList();

        Assert.Contains("artifactregistry.googleapis.com", written);
        Assert.Empty(written.Except(allowed, StringComparer.Ordinal));
    }
}
