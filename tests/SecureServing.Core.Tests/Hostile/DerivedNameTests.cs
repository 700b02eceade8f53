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

        Assert.Single(report.Findings, f => f.RuleId == "derived-name-invalid" && f.File == Dev && f.KeyPath == "secure-serving:deploymentName" && f.Message.Contains("team bucket name", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "derived-name-invalid" && f.File != Dev);
    }

    /// <summary>Pub/Sub refuses topic names starting with "goog" (and only that: "google" elsewhere is fine for a topic).</summary>
    [Theory]
    [InlineData("goog-ml", true)]
    [InlineData("ml-google", false)]
    public void Deployment_name_starting_with_goog_breaks_the_notifications_topic(string deployment, bool refused)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "secure-serving:deploymentName: ss-dev", $"secure-serving:deploymentName: {deployment}");

        var topic = repo.Check("dev").Findings.Where(f => f.RuleId == "derived-name-invalid" && f.Message.Contains("Pub/Sub topic", StringComparison.Ordinal)).ToList();

        Assert.Equal(refused ? 1 : 0, topic.Count);
        Assert.All(topic, f => Assert.Equal((Dev, "secure-serving:deploymentName"), (f.File, f.KeyPath)));
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

    /// <summary>(what, edits, rule, file, key path): each edit breaks one derived name.</summary>
    public static TheoryData<string, Edit[], string, string, string> Broken() => new()
    {
        { "template without the namespace: same-named models collide", [new(Dev, "    tls: certManager", "    tls: certManager\n    domainTemplate: \"{{.Name}}.{{.Domain}}\""), new(Recsys, "  - name: two-tower", "  - name: sklearn-iris")],
            "derived-name-collision", Recsys, "models[0].name" },
        { "top-level host of one model is the predictor host of another", [new(Dev, "    disableIstioVirtualHost: true", "    disableIstioVirtualHost: false"), new(Fraud, "  - name: xgb-fraud-score", "  - name: sklearn-iris-predictor")],
            "derived-name-collision", Fraud, "models[1].name" },
        { "template giving invalid hosts", [new(Dev, "    tls: certManager", "    tls: certManager\n    domainTemplate: \"{{.Name}}_{{.Namespace}}.{{.Domain}}\"")],
            "derived-name-invalid", Dev, "secure-serving:ingress.domainTemplate" },
        { "node pools differing only in hyphen runs", [new(Dev, "  secure-serving:labels:", "      - name: serving--gpu\n      - name: serving-gpu\n  secure-serving:labels:")],
            "derived-name-collision", Dev, "secure-serving:cluster.nodePools[3].name" },
        { "registry domains with one zone name", [new(Dev, "      - pkg.dev\n", "      - pkg.dev\n      - my-reg.io\n      - my.reg-io\n")],
            "derived-name-collision", Dev, "secure-serving:registryDns.domains[3]" },
        { "TLS secret with capitals and underscore", [new(Dev, "    tls: certManager", "    tls: secret\n    tlsSecret: Ingress_TLS")],
            "derived-name-invalid", Dev, "secure-serving:ingress.tlsSecret" },
        { "ClusterIssuer with capitals", [new(Dev, "    tls: certManager", "    tls: certManager\n    clusterIssuer: Lets_Encrypt")],
            "derived-name-invalid", Dev, "secure-serving:ingress.clusterIssuer" },
        { "local gateway secret with an empty label", [new(Dev, "      mode: http", "      mode: https\n      tlsSecret: kserve.-tls")],
            "derived-name-invalid", Dev, "secure-serving:mesh.localGateway.tlsSecret" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_derived_name_is_reported_at_its_key(string what, Edit[] edits, string rule, string file, string keyPath)
    {
        _ = what;
        using var repo = TempRepo.Shipped("dev");
        foreach (var e in edits)
        {
            repo.Edit(e.File, e.Find, e.Replace);
        }

        var report = repo.Check("dev");

        Assert.Single(report.Findings, f => f.RuleId == rule && f.File == file && f.KeyPath == keyPath);
        Assert.Null(report.Config);
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

    /// <summary>
    /// Kubernetes objects named after a model (<c>&lt;model&gt;-callers</c>, <c>&lt;model&gt;-iap</c>,
    /// <c>&lt;model&gt;-from-gateways</c>, <c>&lt;model&gt;-from-any-namespace</c>) and the constant names of a team
    /// namespace's boundaries (quota, LimitRange, Role, RoleBinding, NetworkPolicies) are valid for the API server even for
    /// the longest model name check accepts (45 characters, and <c>&lt;name&gt;-predictor-&lt;namespace&gt;</c> within 63), and so
    /// are the label values that select the model's pods.
    /// </summary>
    [Fact]
    public void The_longest_model_name_gives_valid_kubernetes_names_and_selectors_for_every_object_of_its_team()
    {
        var model = "m" + new string('x', 44);
        using var repo = TempRepo.Shipped("dev");
        repo.Write("stacks/dev/long.yaml", $"team: long\nnamespace: lg\nmembers: [user:long@example.com]\nmodels:\n" +
            $"  - name: {model}\n    format: sklearn\n    storageUri: \"{{teamBucket}}/m\"\n    exposeViaIap: true\n    sidecarInjection: false\n" +
            "acknowledge:\n  - rule: sidecar-off-with-authorization\n    reason: legacy runtime\n");

        var report = repo.Check("dev");

        Assert.True(report.Config is not null, string.Join("\n", report.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.RuleId} {f.KeyPath}: {f.Message}")));
        var objects = Core.Kubernetes.KubernetesPlanner.Plan(report.Config).Objects.Where(o => o.Namespace == "lg").ToList();
        Assert.Contains(objects, o => o.Kind == "NetworkPolicy" && o.Name == $"{model}-from-any-namespace");
        Assert.Contains(objects, o => o.Kind == "NetworkPolicy" && o.Name == $"{model}-from-gateways");
        Assert.Contains(objects, o => o.Kind == "Role");
        Assert.All(objects, o => Assert.True(Core.Validation.Rules.NameRules.IsDns1123Subdomain(o.Name), $"{o.Kind} name `{o.Name}`"));
        var selected = objects.Select(o => o.Manifest["spec"]?["podSelector"]?["matchLabels"] ?? o.Manifest["spec"]?["selector"]?["matchLabels"])
            .OfType<System.Text.Json.Nodes.JsonObject>().SelectMany(m => m.Select(p => p.Value!.GetValue<string>())).ToList();
        Assert.Contains(model, selected);
        Assert.All(selected, v => Assert.True(v.Length <= 63 && Core.Validation.Rules.NameRules.IsDns1123Label(v), $"label value `{v}`"));
    }
}
