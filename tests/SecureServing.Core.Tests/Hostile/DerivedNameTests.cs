using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// Names the platform derives (service account IDs, buckets, Knative hosts, Secret names, Pulumi resource names) are
/// checked against the target API's rules and for uniqueness before render, at the config key that caused them.
/// </summary>
public sealed class DerivedNameTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Fraud = "stacks/dev/fraud.yaml";
    private const string Recsys = "stacks/dev/recsys.yaml";

    [Fact]
    public void Team_named_nodes_would_take_the_node_service_account()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Write("stacks/dev/nodes.yaml", "team: nodes\nnamespace: nodes-models\nmembers: [group:nodes-ml@example.com]\nmodels: []\n");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision");

        Assert.Equal(("stacks/dev/nodes.yaml", "team"), (finding.File, finding.KeyPath));
        Assert.Contains("`ss-dev-nodes`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Team_named_nodes_is_fine_on_an_existing_cluster()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    name: ss-dev-gke", "    name: ss-dev-gke\n    provider: existing\n    kubeconfig:\n      secure: v1:a2V5:Y2lwaGVy");
        repo.Write("stacks/dev/nodes.yaml", "team: nodes\nnamespace: nodes-models\nmembers: [group:nodes-ml@example.com]\nmodels: []\n");

        Assert.DoesNotContain(repo.Check("dev").Findings, f => f.RuleId.StartsWith("derived-name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("google-ai")]
    [InlineData("g00gle")]
    [InlineData("my-go0gle")]
    public void Team_putting_google_in_its_bucket_name_is_refused(string team)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Write($"stacks/dev/{team}.yaml", $"team: {team}\nnamespace: {team}-models\nmembers: [group:x@example.com]\nmodels: []\n");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-invalid");

        Assert.Equal(($"stacks/dev/{team}.yaml", "team"), (finding.File, finding.KeyPath));
    }

    [Theory]
    [InlineData("goog-ml")]
    [InlineData("ml-google")]
    public void Deployment_name_breaking_bucket_names_is_refused_at_the_deployment_name(string deployment)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "secure-serving:deploymentName: ss-dev", $"secure-serving:deploymentName: {deployment}");

        var report = repo.Check("dev");

        Assert.Single(report.Findings, f => f.RuleId == "derived-name-invalid" && f.File == Dev && f.KeyPath == "secure-serving:deploymentName");
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "derived-name-invalid" && f.File != Dev);
    }

    [Fact]
    public void Two_models_in_different_namespaces_sharing_a_knative_host_are_refused()
    {
        // sklearn-iris + "-predictor-" + batch-predictor-ranking == sklearn-iris-predictor-batch + "-predictor-" + ranking
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Fraud, "namespace: fraud-models", "namespace: batch-predictor-ranking");
        repo.Edit(Recsys, "namespace: recsys-models", "namespace: ranking");
        repo.Edit(Recsys, "  - name: two-tower", "  - name: sklearn-iris-predictor-batch");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision");

        Assert.Equal((Recsys, "models[0].name"), (finding.File, finding.KeyPath));
        Assert.Contains("sklearn-iris-predictor-batch-predictor-ranking.models.dev.example.com", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_the_namespace_makes_same_named_models_collide()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    tls: certManager", "    tls: certManager\n    domainTemplate: \"{{.Name}}.{{.Domain}}\"");
        repo.Edit(Recsys, "  - name: two-tower", "  - name: sklearn-iris");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision" && f.File == Recsys && f.KeyPath == "models[0].name");
    }

    [Fact]
    public void Top_level_and_predictor_hosts_of_two_models_collide_without_disable_istio_virtual_host()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    disableIstioVirtualHost: true", "    disableIstioVirtualHost: false");
        repo.Edit(Fraud, "  - name: xgb-fraud-score", "  - name: sklearn-iris-predictor");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision" && f.File == Fraud && f.KeyPath == "models[1].name");
    }

    [Fact]
    public void A_template_giving_invalid_hosts_is_refused_at_the_template()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    tls: certManager", "    tls: certManager\n    domainTemplate: \"{{.Name}}_{{.Namespace}}.{{.Domain}}\"");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-invalid" && f.KeyPath == "secure-serving:ingress.domainTemplate");
    }

    [Theory]
    [InlineData("SS_DEV_BUILDERS")]
    [InlineData("ss_dev__builders")]
    public void Access_levels_differing_only_in_case_or_separators_collide(string second)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "  secure-serving:registryDns:", $"      - name: {second}\n        members: [user:ops@example.com]\n  secure-serving:registryDns:");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision");

        Assert.Equal("secure-serving:perimeter.accessLevels[1].name", finding.KeyPath);
        Assert.Contains("perimeter-level-ss-dev-builders", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_pools_differing_only_in_hyphen_runs_collide()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "  secure-serving:perimeter:", "      - name: serving--gpu\n      - name: serving-gpu\n  secure-serving:perimeter:");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision" && f.KeyPath == "secure-serving:cluster.nodePools[2].name");
    }

    [Fact]
    public void Registry_domains_with_one_zone_name_collide()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "      - pkg.dev\n", "      - pkg.dev\n      - my-reg.io\n      - my.reg-io\n");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-collision" && f.KeyPath == "secure-serving:registryDns.domains[3]");
    }

    [Theory]
    [InlineData("    tls: certManager", "    tls: secret\n    tlsSecret: Ingress_TLS", "secure-serving:ingress.tlsSecret")]
    [InlineData("    tls: certManager", "    tls: certManager\n    clusterIssuer: Lets_Encrypt", "secure-serving:ingress.clusterIssuer")]
    [InlineData("      mode: http", "      mode: https\n      tlsSecret: kserve.-tls", "secure-serving:mesh.localGateway.tlsSecret")]
    public void Kubernetes_names_from_the_config_are_dns_1123_subdomains(string find, string replace, string keyPath)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, find, replace);

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "derived-name-invalid" && f.KeyPath == keyPath);
    }

    [Fact]
    public void Shipped_stacks_derive_valid_unique_names()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            using var repo = TempRepo.Shipped(stack);
            Assert.DoesNotContain(repo.Check(stack).Findings, f => f.RuleId.StartsWith("derived-name", StringComparison.Ordinal));
        }
    }
}
