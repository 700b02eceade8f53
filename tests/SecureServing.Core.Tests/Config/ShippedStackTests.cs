using System.Text.Json;
using SecureServing.Core.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>The shipped Pulumi.dev.yaml / Pulumi.prod.yaml and their team files: clean, and loaded as written.</summary>
public sealed class ShippedStackTests
{
    private static CheckReport Check(string stack) => StackCheck.Run(TempRepo.RepoRoot(), stack);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Shipped_stack_has_no_errors(string stack)
    {
        var report = Check(stack);

        Assert.False(report.HasErrors, string.Join("\n", report.Findings.Select(f => $"{f.File}: {f.KeyPath}: {f.Message}")));
        Assert.NotNull(report.Config);
    }

    [Fact]
    public void Dev_keeps_only_the_acknowledged_activator_warning_and_the_group_members_without_kubernetes_access()
    {
        var report = Check("dev");

        // Dev leaves Google Groups for RBAC off, so the teams' groups keep IAP access but get no Kubernetes access.
        Assert.Equal(
            [("stacks/dev/fraud.yaml", "members[0]"), ("stacks/dev/recsys.yaml", "members[0]")],
            report.Findings.Where(f => f.RuleId == "team-member-not-bound" && f.Severity == Severity.Warning).Select(f => (f.File, f.KeyPath)));
        var warning = Assert.Single(report.Findings, f => f.RuleId != "team-member-not-bound");
        Assert.Equal(("activator-bypasses-isolation", Severity.Warning, "stacks/dev/recsys.yaml", "models[1].activator"), (warning.RuleId, warning.Severity, warning.File, warning.KeyPath));
        Assert.StartsWith("Acknowledged (batch-ranker is called only by the nightly batch job", warning.Message, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(TempRepo.RepoRoot(), "stacks/dev/recsys.yaml"));
        Assert.Equal(Array.FindIndex(lines, l => l == "    activator: \"on\"") + 1, warning.Line);
    }

    [Fact]
    public void Prod_loads_enforced_perimeter_mesh_mtls_and_the_client_secret_as_a_reference()
    {
        var config = Check("prod").Config!;

        Assert.True(config.IsProduction);
        Assert.Equal(("acme-ml-prod", "europe-west4", "ss-prod", "222222222222"), (config.ProjectId, config.Region, config.DeploymentName, config.ProjectNumber));
        Assert.Equal(PerimeterMode.Enforced, config.Perimeter.Mode);
        Assert.Equal("987654321", config.Perimeter.AccessPolicy.Id);
        Assert.Equal(MtlsScope.Mesh, config.Mesh.Mtls);
        Assert.Equal(LocalGatewayMode.Https, config.Mesh.LocalGateway!.Mode);
        Assert.False(config.Mesh.OutOfMeshCallers);
        Assert.Equal(["kubeflow-oidc-authservice"], config.Mesh.Dex!.Audiences);
        Assert.Equal("222222222222-abc123def456.apps.googleusercontent.com", config.Iap.OAuthClient.ClientId);
        Assert.Equal(new SecretRef("secure-serving:iap", "oauthClient.clientSecret"), config.Iap.OAuthClient.ClientSecret);
        Assert.True(config.Cluster.DeletionProtection);
        Assert.Equal(["fraud", "recsys"], config.Teams.Select(t => t.Team));
    }

    [Fact]
    public void Dev_fills_in_defaults_for_keys_it_does_not_write()
    {
        var config = Check("dev").Config!;

        Assert.False(config.IsProduction);
        Assert.Equal("ss-dev-vpc", config.Network.Name);
        Assert.Equal("ss-dev-node", config.Cluster.NodeTag);
        Assert.Equal(ControlPlaneEndpoint.Dns, config.Cluster.Endpoint);
        Assert.Equal(PerimeterMode.DryRun, config.Perimeter.Mode);
        Assert.True(config.Iap.OAuthClient.IsManaged);
        Assert.Equal(KnativeLocalGatewayTls.IstioMutual, config.Mesh.KnativeLocalGatewayTls);
        Assert.Equal(new PlatformVersions(), config.Versions);
        var recsys = config.Teams.Single(t => t.Team == "recsys");
        Assert.Equal("stacks/dev/recsys.yaml", recsys.SourceFile);
        Assert.Equal(ActivatorMode.On, recsys.Models.Single(m => m.Name == "batch-ranker").Activator);
        Assert.True(recsys.Authorization);
        Assert.Equal([new Acknowledgement("activator-bypasses-isolation", "batch-ranker is called only by the nightly batch job in dev and must scale to zero; no user data in dev.")], recsys.Acknowledgements);
    }

    [Fact]
    public void Prod_defaults_to_the_hardened_settings_dev_to_cheaper_ones_where_safe()
    {
        var prod = Check("prod").Config!;
        var dev = Check("dev").Config!;

        Assert.Equal(BinaryAuthorizationMode.Enforced, prod.BinaryAuthorization.Mode);
        Assert.Equal(BinaryAuthorizationMode.DryRun, dev.BinaryAuthorization.Mode);
        Assert.Equal(
            [LoggingComponent.SystemComponents, LoggingComponent.Workloads, LoggingComponent.ApiServer, LoggingComponent.Scheduler, LoggingComponent.ControllerManager],
            prod.Cluster.Logging);
        Assert.Equal([LoggingComponent.SystemComponents, LoggingComponent.Workloads], dev.Cluster.Logging);
        Assert.Equal(
            [MonitoringComponent.SystemComponents, MonitoringComponent.ApiServer, MonitoringComponent.Scheduler, MonitoringComponent.ControllerManager],
            prod.Cluster.Monitoring);
        Assert.Equal([MonitoringComponent.SystemComponents], dev.Cluster.Monitoring);
        Assert.All(new[] { prod, dev }, c =>
        {
            Assert.Equal(KmsKeyChoice.Create, c.Cluster.SecretsEncryption);
            Assert.Equal(KmsKeyChoice.Create, c.Cluster.BootDiskEncryption);
            Assert.True(c.Cluster.IntranodeVisibility);
            Assert.Equal([ClusterEvent.SecurityBulletin], c.Cluster.Notifications.Events);
            Assert.Equal(90, c.Kms.RotationDays);
            Assert.Equal(new MaintenanceWindow("2025-01-04T00:00:00Z", "2025-01-04T08:00:00Z", "FREQ=WEEKLY;BYDAY=SA,SU"), c.Cluster.Maintenance.Window);
        });
        Assert.Equal("gke-security-groups@example.com", prod.Cluster.SecurityGroup);
        Assert.Null(dev.Cluster.SecurityGroup);
        Assert.Equal(new LabelsConfig { Team = "ml-platform", CostCentre = "cc-4711" }, prod.Labels);
    }

    [Fact]
    public void Shipped_stacks_hold_no_secret_in_clear()
    {
        var root = TempRepo.RepoRoot();
        var prod = File.ReadAllText(Path.Combine(root, "Pulumi.prod.yaml"));

        Assert.Contains("clientSecret:\n        secure: v1:", prod, StringComparison.Ordinal);
        Assert.DoesNotContain(Check("prod").Findings, f => f.RuleId == RuleCatalog.SecretInClear.Id);
    }

    [Fact]
    public void Loaded_model_never_carries_the_ciphertext()
    {
        var config = Check("prod").Config!;

        var json = JsonSerializer.Serialize(config);
        var text = config.ToString();

        Assert.DoesNotContain("v1:", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Q2lwaGVy", json, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:", text, StringComparison.Ordinal);
        Assert.Contains("[secret]", text, StringComparison.Ordinal);
    }
}
