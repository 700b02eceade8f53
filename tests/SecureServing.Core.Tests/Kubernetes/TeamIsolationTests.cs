using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class TeamIsolationTests
{
    [Fact]
    public void Team_namespace_has_sidecar_injection_on_and_belongs_to_the_team()
    {
        var ns = PlanOf(TestConfigs.Dev()).Single("Namespace", null, "fraud-models");

        Assert.Equal("enabled", ns.Label("istio-injection"));
        Assert.Equal("team:fraud", ns.Owner);
    }

    [Theory]
    [InlineData(MtlsScope.Namespace)]
    [InlineData(MtlsScope.Mesh)]
    public void Team_namespace_is_strict_mtls_in_both_scopes(MtlsScope scope)
    {
        var config = TestConfigs.Dev() with { Mesh = TestConfigs.Dev().Mesh with { Mtls = scope } };

        var pa = PlanOf(config).Single("PeerAuthentication", "fraud-models", "default");

        Assert.Equal("security.istio.io/v1", pa.ApiVersion);
        Assert.Equal("STRICT", pa.Str("spec.mtls.mode"));
    }

    [Fact]
    public void Namespace_policy_admits_the_namespace_and_knative_probes_only()
    {
        var policy = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "fraud-models", "namespace-isolation");

        Assert.Equal("ALLOW", policy.Str("spec.action"));
        var rules = policy.At("spec.rules")!.AsArray();
        Assert.Equal(2, rules.Count);
        Assert.Equal(["fraud-models"], policy.Strings("spec.rules.0.from.0.source.namespaces"));
        Assert.Null(policy.At("spec.rules.0.to"));
        Assert.Equal(["knative-serving"], policy.Strings("spec.rules.1.from.0.source.namespaces"));
        Assert.Equal(["/metrics", "/healthz", "/ready", "/wait-for-drain"], policy.Strings("spec.rules.1.to.0.operation.paths"));
    }

    [Fact]
    public void Namespace_policy_never_admits_knative_serving_on_every_path()
    {
        // The activator proxies for any caller; a namespace-wide "from knative-serving" would open every model.
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team(models: [TestConfigs.Model("a", ActivatorMode.On), TestConfigs.Model("b")]));

        var policy = PlanOf(config).Single("AuthorizationPolicy", "fraud-models", "namespace-isolation");

        var knativeRule = Assert.Single(policy.At("spec.rules")!.AsArray(),
            r => PlanQueries.At(r, "from.0.source.namespaces.0")?.GetValue<string>() == "knative-serving");
        Assert.Equal("""[{"operation":{"paths":["/metrics","/healthz","/ready","/wait-for-drain"]}}]""", knativeRule!["to"]!.ToJsonString());
    }

    [Fact]
    public void Allowed_namespaces_widen_only_the_same_namespace_rule()
    {
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team() with { AllowedNamespaces = ["batch-jobs", "fraud-models", "analytics"] });

        var policy = PlanOf(config).Single("AuthorizationPolicy", "fraud-models", "namespace-isolation");

        Assert.Equal(["fraud-models", "batch-jobs", "analytics"], policy.Strings("spec.rules.0.from.0.source.namespaces"));
        Assert.Equal(["knative-serving"], policy.Strings("spec.rules.1.from.0.source.namespaces"));
    }

    [Fact]
    public void Authorization_off_drops_every_team_authorization_policy()
    {
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team(models: [TestConfigs.Model("a", ActivatorMode.On, iap: true)]) with { Authorization = false });

        var plan = PlanOf(config);

        // Only the mesh default deny's allow-all remains, so the namespace stays open to every caller as before.
        var policy = Assert.Single(plan.OfKind("AuthorizationPolicy"), o => o.Namespace == "fraud-models");
        Assert.Equal("allow-all", policy.Name);
        Assert.Equal("[{}]", policy.At("spec.rules")!.ToJsonString());
        Assert.NotNull(plan.Find("PeerAuthentication", "fraud-models", "default"));
    }

    [Fact]
    public void Team_service_account_is_bound_to_the_team_gsa_named_by_the_gcp_layer()
    {
        var config = TestConfigs.Dev();

        var ksa = PlanOf(config).Single("ServiceAccount", "fraud-models", "model-serving");

        Assert.Equal("ss-dev-fraud@acme-ml-dev.iam.gserviceaccount.com", ksa.Annotation("iam.gke.io/gcp-service-account"));
        // The GCP side grants Workload Identity to exactly this namespace/name.
        var binding = Assert.Single(GcpPlanner.Plan(config).Resources, r => r.Name == "team-fraud-workload-identity");
        Assert.Equal("serviceAccount:acme-ml-dev.svc.id.goog[fraud-models/model-serving]", binding.Properties["member"]!.GetValue<string>());
    }

    [Fact]
    public void Long_team_names_still_give_a_valid_gsa_email()
    {
        var config = TestConfigs.Dev() with { DeploymentName = "secure-serving-staging" };
        config = config.WithTeams(TestConfigs.Team("recommendations-ranking", "reco"));

        var ksa = Assert.Single(PlanOf(config).OfKind("ServiceAccount"));
        var accountId = ksa.Annotation("iam.gke.io/gcp-service-account").Split('@')[0];

        Assert.Equal("secure-serving-staging-6dd6b5@acme-ml-dev.iam.gserviceaccount.com", ksa.Annotation("iam.gke.io/gcp-service-account"));
        Assert.Matches(@"\A[a-z][-a-z0-9]{4,28}[a-z0-9]\z", accountId);
    }
}
