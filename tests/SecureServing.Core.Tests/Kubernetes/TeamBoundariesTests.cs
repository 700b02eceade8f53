using System.Text.Json.Nodes;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>Quota, container defaults, members' RBAC and NetworkPolicies in every team namespace.</summary>
public sealed class TeamBoundariesTests
{
    private static JsonObject Hard(KubernetesPlan plan, string ns) => plan.Single("ResourceQuota", ns, "team-quota").At("spec.hard")!.AsObject();

    [Fact]
    public void A_team_quota_becomes_the_namespace_resource_quota_on_requests_and_pods()
    {
        var team = TestConfigs.Team() with { Quota = new TeamQuota { Cpu = "24", Memory = "96Gi", Gpu = 2, Pods = 30 } };

        var hard = Hard(PlanOf(TestConfigs.Dev().WithTeams(team)), "fraud-models");

        Assert.Equal(
            [("pods", "30"), ("requests.cpu", "24"), ("requests.memory", "96Gi"), ("requests.nvidia.com/gpu", "2")],
            hard.Select(kv => (kv.Key, kv.Value!.GetValue<string>())).OrderBy(x => x.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_team_namespace_gets_the_default_quota_without_gpus_when_the_file_has_none()
    {
        var plan = PlanOf(TestConfigs.Dev().WithTeams(TestConfigs.Team(), TestConfigs.Team("recsys", "recsys-models")));

        foreach (var ns in new[] { "fraud-models", "recsys-models" })
        {
            var hard = Hard(plan, ns);
            Assert.Equal("0", hard["requests.nvidia.com/gpu"]!.GetValue<string>());
            Assert.Equal("8", hard["requests.cpu"]!.GetValue<string>());
            var limits = plan.Single("LimitRange", ns, "container-defaults").At("spec.limits.0")!;
            Assert.Equal("Container", limits["type"]!.GetValue<string>());
            Assert.Equal(("100m", "128Mi"), ((string?)limits["defaultRequest"]!["cpu"], (string?)limits["defaultRequest"]!["memory"]));
            Assert.Equal("1Gi", (string?)limits["default"]!["memory"]);
        }
    }

    [Fact]
    public void Members_may_only_read_their_own_namespace_never_secrets_nor_write_nor_exec()
    {
        var plan = PlanOf(TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { SecurityGroup = "gke-security-groups@example.com" } });
        var roles = plan.OfKind("Role").ToList();
        var role = Assert.Single(roles);

        Assert.Equal("fraud-models", role.Namespace);
        Assert.Empty(plan.OfKind("ClusterRole"));
        Assert.Empty(plan.OfKind("ClusterRoleBinding"));
        var rules = role.At("rules")!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.All(rules, r => Assert.Equal(["get", "list", "watch"], r["verbs"]!.AsArray().Select(v => v!.GetValue<string>())));
        var resources = rules.SelectMany(r => r["resources"]!.AsArray().Select(x => x!.GetValue<string>())).ToList();
        Assert.DoesNotContain("secrets", resources);
        Assert.DoesNotContain("*", resources);
        Assert.DoesNotContain(resources, r => r is "pods/exec" or "pods/attach" or "pods/portforward" or "serviceaccounts/token");
        Assert.DoesNotContain(rules, r => r["apiGroups"]!.AsArray().Any(g => g!.GetValue<string>() == "*"));
        Assert.Contains("inferenceservices", resources);
        Assert.Contains("pods/log", resources);
        Assert.Contains("events", resources);

        var binding = plan.Single("RoleBinding", "fraud-models", "team-members");
        Assert.Equal(("Role", "team-member-read"), (binding.Str("roleRef.kind"), binding.Str("roleRef.name")));
    }

    [Fact]
    public void Members_map_to_rbac_subjects_and_unbindable_ones_are_left_out()
    {
        var team = TestConfigs.Team() with
        {
            Members = ["user:ana@example.com", "serviceAccount:ci@acme-ml-dev.iam.gserviceaccount.com", "group:fraud-ml@example.com", "domain:example.com"],
        };
        var withGroups = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { SecurityGroup = "gke-security-groups@example.com" } };

        static IEnumerable<(string, string)> Subjects(KubernetesPlan plan) =>
            plan.Single("RoleBinding", "fraud-models", "team-members").At("subjects")!.AsArray()
                .Select(s => (s!["kind"]!.GetValue<string>(), s["name"]!.GetValue<string>()));

        Assert.Equal(
            [("User", "ana@example.com"), ("User", "ci@acme-ml-dev.iam.gserviceaccount.com"), ("Group", "fraud-ml@example.com")],
            Subjects(PlanOf(withGroups.WithTeams(team))));
        Assert.Equal(
            [("User", "ana@example.com"), ("User", "ci@acme-ml-dev.iam.gserviceaccount.com")],
            Subjects(PlanOf(TestConfigs.Dev().WithTeams(team))));
        // Only a group member and no Google Groups for RBAC: nobody to bind, so no binding at all.
        Assert.Null(PlanOf(TestConfigs.Dev()).Find("RoleBinding", "fraud-models", "team-members"));
    }

    [Fact]
    public void Every_team_namespace_has_a_default_deny_and_the_mesh_callers_network_policies()
    {
        var config = TestConfigs.Prod().WithTeams(TestConfigs.Team(), TestConfigs.Team("recsys", "recsys-models") with { AllowedNamespaces = ["fraud-models"] });
        var plan = PlanOf(config);

        foreach (var team in config.Teams)
        {
            var deny = plan.Single("NetworkPolicy", team.Namespace, "default-deny");
            Assert.Equal("{}", deny.At("spec.podSelector")!.ToJsonString());
            Assert.Equal(["Ingress", "Egress"], deny.Strings("spec.policyTypes"));
            Assert.Null(deny.At("spec.ingress"));
            Assert.Null(deny.At("spec.egress"));
            Assert.NotNull(plan.Find("NetworkPolicy", team.Namespace, "allow-mesh-callers"));
            Assert.NotNull(plan.Find("NetworkPolicy", team.Namespace, "allow-egress"));
        }

        var callers = plan.Single("NetworkPolicy", "recsys-models", "allow-mesh-callers").Strings("spec.ingress.0.from.0.namespaceSelector.matchExpressions.0.values");
        Assert.Equal(["recsys-models", "fraud-models", "knative-serving"], callers);
    }

    [Fact]
    public void Egress_to_google_apis_follows_the_network_egress_mode()
    {
        static JsonNode? ApiBlock(PlatformConfig config) =>
            PlanOf(config).Single("NetworkPolicy", "fraud-models", "allow-egress").At("spec.egress")!.AsArray()
                .Select(r => r!["to"]![0]!["ipBlock"]).Single(b => b is not null && b["cidr"]!.GetValue<string>() is "199.36.153.4/30" or "0.0.0.0/0");

        Assert.Equal("199.36.153.4/30", ApiBlock(TestConfigs.Dev())!["cidr"]!.GetValue<string>());
        var nat = TestConfigs.Dev() with { Network = TestConfigs.Dev().Network with { Egress = EgressMode.Nat } };
        var block = ApiBlock(nat)!;
        Assert.Equal("0.0.0.0/0", block["cidr"]!.GetValue<string>());
        Assert.Equal([nat.Network.SubnetCidr, nat.Network.PodsCidr, nat.Network.ServicesCidr, nat.Network.MasterCidr], block["except"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public void Only_models_reached_through_a_gateway_admit_the_gateway_pods()
    {
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team(models: [TestConfigs.Model("public", iap: true), TestConfigs.Model("private", iap: false)]));
        var plan = PlanOf(config);

        Assert.NotNull(plan.Find("NetworkPolicy", "fraud-models", "public-from-gateways"));
        Assert.Null(plan.Find("NetworkPolicy", "fraud-models", "private-from-gateways"));
    }

    /// <summary>
    /// An acknowledged <c>sidecarInjection: false</c> model is open to every namespace (no proxy enforces its mesh
    /// policy): the network admits that model's pods from anywhere, and keeps its neighbours as isolated as before.
    /// </summary>
    [Fact]
    public void A_model_without_a_sidecar_is_open_to_every_namespace_at_the_network_too_and_only_that_model()
    {
        var team = TestConfigs.Team(models: [TestConfigs.Model("no-proxy", iap: false) with { SidecarInjection = false }, TestConfigs.Model("proxied", iap: false)]) with
        {
            Acknowledgements = [new Acknowledgement("sidecar-off-with-authorization", "legacy runtime without a proxy")],
        };
        var config = TestConfigs.Dev().WithTeams(team);

        var plan = PlanOf(config);
        var report = AccessCheck.Evaluate(config);

        Assert.Equal("{}", plan.Single("NetworkPolicy", "fraud-models", "no-proxy-from-any-namespace").At("spec.ingress.0.from.0.namespaceSelector")!.ToJsonString());
        Assert.Null(plan.Find("NetworkPolicy", "fraud-models", "proxied-from-any-namespace"));
        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
        Assert.Equal(Outcome.Allowed, report.Matrix.Model("fraud-models", "no-proxy").Cell("namespace:unlisted-namespace").Predict.Outcome);
        var neighbour = report.Matrix.Model("fraud-models", "proxied").Cell("namespace:unlisted-namespace").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy"), (neighbour.Outcome, neighbour.Decider.Kind));
    }
}
