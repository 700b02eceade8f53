using System.Text.Json.Nodes;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Both layers on the whole request path: the shipped dev stack's plan with hand-written NetworkPolicies and a
/// mesh-wide default deny of the shapes in <see cref="NetworkShapes"/> added. A path is open only where NetworkPolicy
/// and the mesh both admit it, and the report names a NetworkPolicy where it is the layer that decides.
/// </summary>
public sealed class NetworkLayerAccessTests
{
    private static readonly Lazy<PlatformConfig> Dev = new(() => AccessKit.Shipped("dev"));

    private static readonly Lazy<AccessReport> Shipped = new(() => AccessCheck.Evaluate(Dev.Value));

    private static KubernetesPlan PlanWith(string yaml) =>
        KubernetesPlanner.Plan(Dev.Value) is var plan ? plan with { Objects = [.. plan.Objects, .. AccessKit.Plan(yaml).Objects] } : null!;

    private static AccessReport Evaluate(KubernetesPlan plan, GcpPlan? gcp = null) => AccessCheck.Evaluate(Dev.Value, plan, gcp ?? GcpPlanner.Plan(Dev.Value));

    /// <summary>Cells (model, caller, predict or probe) whose outcome differs from the shipped stack's.</summary>
    private static List<string> Changed(AccessReport report) =>
    [
        .. from row in Shipped.Value.Matrix.Models
           from cell in row.Cells
           let now = report.Matrix.Model(row.Model.Namespace, row.Model.Name).Cell(cell.Caller.Id)
           from path in new[] { ("predict", cell.Predict, now.Predict), ("probe", cell.Probe, now.Probe) }
           where path.Item2.Outcome != path.Item3.Outcome
           select $"{row.Model.Key} {cell.Caller.Id} {path.Item1}: {path.Item3.Outcome}",
    ];

    [Fact]
    public void Network_policies_that_mirror_the_mesh_leave_who_gets_through_as_it_is_and_decide_where_they_drop_first()
    {
        var report = Evaluate(PlanWith(NetworkShapes.DevTeams()));

        Assert.Empty(Changed(report));
        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
        var intruder = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:unlisted-namespace").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy", "fraud-models", "allow-mesh-callers"), (intruder.Outcome, intruder.Decider.Kind, intruder.Decider.Namespace, intruder.Decider.Name));
        Assert.Contains("NetworkPolicy fraud-models/allow-mesh-callers", AccessReportText.ToText(report), StringComparison.Ordinal);
        var own = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:fraud-models").Predict;
        Assert.Equal("AuthorizationPolicy", own.Decider.Kind);
        Assert.Contains(own.Hops, h => h.Contains("NetworkPolicy fraud-models/allow-egress allows a pod in fraud-models", StringComparison.Ordinal)
            && h.Contains("NetworkPolicy fraud-models/allow-mesh-callers allows a pod in fraud-models to reach model pods fraud-models/sklearn-iris on TCP 8012 (ingress)", StringComparison.Ordinal));
        var json = JsonNode.Parse(AccessReportText.ToJson(report))!;
        Assert.Contains(json["models"]!.AsArray().SelectMany(m => m!["callers"]!.AsArray()), c => (string?)c!["predict"]!["object"]!["kind"] == "NetworkPolicy");
    }

    [Fact]
    public void Under_the_mesh_default_deny_only_the_activators_callers_change_the_activator_admits_listed_namespaces_only()
    {
        var report = Evaluate(PlanWith(NetworkShapes.MeshDefaultDeny(["fraud-models", "recsys-models"]) + NetworkShapes.DevTeams()));

        Assert.Equal(
            [
                "fraud-models/sklearn-iris activator probe: Denied",
                "fraud-models/xgb-fraud-score activator probe: Denied",
                "recsys-models/two-tower activator probe: Denied",
                "recsys-models/batch-ranker namespace:unlisted-namespace predict: Denied",
                "recsys-models/batch-ranker namespace:unlisted-namespace probe: Denied",
                "recsys-models/batch-ranker activator predict: Denied",
                "recsys-models/batch-ranker activator probe: Denied",
                "recsys-models/llm-reranker activator probe: Denied",
            ],
            Changed(report));
        var viaActivator = AccessKit.Cell(report, "recsys-models/batch-ranker", "activator").Predict;
        Assert.Equal(("AuthorizationPolicy", "knative-serving", "allow-activator"), (viaActivator.Decider.Kind, viaActivator.Decider.Namespace, viaActivator.Decider.Name));
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/batch-ranker", "namespace:fraud-models"));
    }

    [Fact]
    public void Without_allow_mesh_callers_the_network_drops_what_the_mesh_admits_from_the_teams_own_namespace()
    {
        var report = Evaluate(AccessKit.Remove(PlanWith(NetworkShapes.DevTeams()), "NetworkPolicy", "fraud-models", "allow-mesh-callers"));

        var own = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:fraud-models").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy", "fraud-models"), (own.Outcome, own.Decider.Kind, own.Decider.Namespace));
        Assert.Contains("isolates model pods fraud-models/sklearn-iris for ingress", own.Why, StringComparison.Ordinal);
        Assert.Equal((Outcome.Denied, "default-deny"), (AccessKit.Cell(report, "fraud-models/xgb-fraud-score", "knative-probes").Probe is var p ? (p.Outcome, p.Decider.Name) : default));
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "namespace:recsys-models"));
        Assert.Contains(report.Differences, d => d.Evaluated.Decider.Kind == "NetworkPolicy");
    }

    [Fact]
    public void Without_a_models_from_gateways_policy_iap_callers_are_dropped_at_its_pods()
    {
        var report = Evaluate(AccessKit.Remove(PlanWith(NetworkShapes.DevTeams()), "NetworkPolicy", "fraud-models", "sklearn-iris-from-gateways"));

        var iap = AccessKit.Cell(report, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy", "allow-mesh-callers"), (iap.Outcome, iap.Decider.Kind, iap.Decider.Name));
        Assert.Contains("gateway pods istio-system/istio-ingressgateway", iap.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "iap:group:recsys-ml@example.com"));
    }

    [Fact]
    public void The_calling_namespaces_egress_decides_which_other_teams_models_its_pods_reach()
    {
        var plan = AccessKit.Edit(PlanWith(NetworkShapes.DevTeams()), "NetworkPolicy", "fraud-models", "allow-egress", np =>
        {
            var namespaces = np["spec"]!["egress"]!.AsArray().Single(r => r!["to"]?[0]?["namespaceSelector"]?["matchExpressions"] is not null)!;
            namespaces["to"]![0]!["namespaceSelector"]!["matchExpressions"]![0]!["values"] = new JsonArray("fraud-models");
            return np;
        });
        var report = Evaluate(plan);

        var egress = AccessKit.Cell(report, "recsys-models/two-tower", "namespace:fraud-models").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy", "fraud-models", "allow-egress"), (egress.Outcome, egress.Decider.Kind, egress.Decider.Namespace, egress.Decider.Name));
        Assert.Contains("for egress", egress.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "fraud-models/sklearn-iris", "namespace:fraud-models"));
    }

    [Fact]
    public void On_an_existing_cluster_a_path_only_the_network_refuses_is_unknown_and_one_the_mesh_refuses_stays_denied()
    {
        var plan = AccessKit.Remove(PlanWith(NetworkShapes.DevTeams()), "NetworkPolicy", "fraud-models", "allow-mesh-callers");
        var report = Evaluate(plan, GcpPlanner.Plan(Dev.Value) with { Cluster = null });

        var own = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:fraud-models").Predict;
        Assert.Equal((Outcome.Unknown, "NetworkPolicy"), (own.Outcome, own.Decider.Kind));
        Assert.Contains("if the cluster enforces NetworkPolicy", own.Why, StringComparison.Ordinal);
        var intruder = AccessKit.Cell(report, "fraud-models/sklearn-iris", "namespace:unlisted-namespace").Predict;
        Assert.Equal((Outcome.Denied, "AuthorizationPolicy"), (intruder.Outcome, intruder.Decider.Kind));
    }

    [Fact]
    public void A_policy_on_the_public_gateways_pods_admits_googles_load_balancer_only_if_it_holds_all_its_front_ends()
    {
        string FromLoadBalancer(string cidrs) => $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: from-google, namespace: istio-system}}\n" +
            $"spec: {{podSelector: {{matchLabels: {{istio: public-gateway}}}}, policyTypes: [Ingress], ingress: [{{from: [{cidrs}]}}]}}\n";
        Outcome Iap(string cidrs) => AccessKit.Predict(Evaluate(PlanWith(FromLoadBalancer(cidrs))), "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com");

        Assert.Equal(Outcome.Allowed, Iap("{ipBlock: {cidr: 35.191.0.0/16}}, {ipBlock: {cidr: 130.211.0.0/22}}"));
        Assert.Equal(Outcome.Unknown, Iap("{ipBlock: {cidr: 35.191.0.0/16}}"));
        Assert.Equal(Outcome.Denied, Iap("{ipBlock: {cidr: 10.0.0.0/8}}"));
    }

    [Fact]
    public void An_object_the_evaluator_does_not_model_in_the_callers_namespace_makes_its_calls_unknown()
    {
        const string Cilium = "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: egress, namespace: fraud-models}\nspec: {endpointSelector: {}}\n";
        var report = Evaluate(PlanWith(Cilium));

        var call = AccessKit.Cell(report, "recsys-models/two-tower", "namespace:fraud-models").Predict;
        Assert.Equal((Outcome.Unknown, "CiliumNetworkPolicy"), (call.Outcome, call.Decider.Kind));
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "namespace:recsys-models"));
    }
}
