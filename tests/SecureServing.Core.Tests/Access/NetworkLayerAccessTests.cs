using System.Text.Json.Nodes;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Both layers on the whole request path: the shipped dev stack's plan, whose team NetworkPolicies and mesh-wide
/// default deny (<see cref="TeamNetworkPolicies"/>, <see cref="MeshDefaultDeny"/>) are compared with the same plan
/// without them. A path is open only where NetworkPolicy and the mesh both admit it, and the report names a
/// NetworkPolicy where it is the layer that decides.
/// </summary>
public sealed class NetworkLayerAccessTests
{
    private static readonly Lazy<PlatformConfig> Dev = new(() => AccessKit.Shipped("dev"));

    private static readonly Lazy<KubernetesPlan> Plan = new(() => KubernetesPlanner.Plan(Dev.Value));

    private static readonly Lazy<AccessReport> Shipped = new(() => Evaluate(Plan.Value));

    private static AccessReport Evaluate(KubernetesPlan plan, GcpPlan? gcp = null, PlatformConfig? config = null) =>
        AccessCheck.Evaluate(config ?? Dev.Value, plan, gcp ?? GcpPlanner.Plan(config ?? Dev.Value));

    /// <summary><paramref name="config"/>'s plan without its NetworkPolicies and, if asked, without the mesh default deny and its allows.</summary>
    private static KubernetesPlan Without(PlatformConfig config, bool defaultDeny)
    {
        var plan = KubernetesPlanner.Plan(config);
        var mesh = MeshDefaultDeny.For(config).Concat(config.Teams.SelectMany(MeshDefaultDeny.ForTeam)).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        return plan with { Objects = [.. plan.Objects.Where(o => o.Kind != "NetworkPolicy" && !(defaultDeny && mesh.Contains(o.Key)))] };
    }

    /// <summary>Cells (model, caller, predict or probe) whose outcome in <paramref name="report"/> differs from <paramref name="before"/>.</summary>
    private static List<string> Changed(AccessReport before, AccessReport report) =>
    [
        .. from row in before.Matrix.Models
           from cell in row.Cells
           let now = report.Matrix.Model(row.Model.Namespace, row.Model.Name).Cell(cell.Caller.Id)
           from path in new[] { ("predict", cell.Predict, now.Predict), ("probe", cell.Probe, now.Probe) }
           where path.Item2.Outcome != path.Item3.Outcome
           select $"{row.Model.Key} {cell.Caller.Id} {path.Item1}: {path.Item3.Outcome}",
    ];

    [Fact]
    public void Network_policies_that_mirror_the_mesh_leave_who_gets_through_as_it_is_and_decide_where_they_drop_first()
    {
        var report = Shipped.Value;

        Assert.Empty(Changed(Evaluate(Without(Dev.Value, defaultDeny: false)), report));
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

    /// <summary>Dev has an acknowledged activator-on model, so the activator admits anyone: both layers together change no cell.</summary>
    [Fact]
    public void Under_the_mesh_default_deny_nobody_gets_through_who_did_not_before_and_nobody_the_files_let_in_is_kept_out()
    {
        Assert.Empty(Changed(Evaluate(Without(Dev.Value, defaultDeny: true)), Shipped.Value));
        Assert.Empty(MeshDefaultDeny.ActivatorCallers(Dev.Value));
    }

    /// <summary>
    /// Without a model that admits whatever the activator forwards, the default deny narrows the activator to the
    /// namespaces that may call a model (and the gateways): only the activator caller's probe paths change.
    /// </summary>
    [Fact]
    public void Where_no_model_admits_what_the_activator_forwards_the_default_deny_narrows_the_activator_to_listed_namespaces()
    {
        var config = Dev.Value with
        {
            Teams = [.. Dev.Value.Teams.Select(t => t with { Models = [.. t.Models.Select(m => m with { Activator = ActivatorMode.Off, MinReplicas = m.MinReplicas == 0 ? 1 : m.MinReplicas })] })],
        };

        var report = Evaluate(KubernetesPlanner.Plan(config), config: config);

        Assert.Equal(["fraud-models", "recsys-models"], MeshDefaultDeny.ActivatorCallers(config));
        Assert.Equal(
            [
                "fraud-models/sklearn-iris activator probe: Denied",
                "fraud-models/xgb-fraud-score activator probe: Denied",
                "recsys-models/two-tower activator probe: Denied",
                "recsys-models/batch-ranker activator probe: Denied",
                "recsys-models/llm-reranker activator probe: Denied",
            ],
            Changed(Evaluate(Without(config, defaultDeny: true), config: config), report));
        var viaActivator = AccessKit.Cell(report, "recsys-models/batch-ranker", "activator").Probe;
        Assert.Equal(("AuthorizationPolicy", "knative-serving", "allow-activator"), (viaActivator.Decider.Kind, viaActivator.Decider.Namespace, viaActivator.Decider.Name));
        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
    }

    [Fact]
    public void Without_allow_mesh_callers_the_network_drops_what_the_mesh_admits_from_the_teams_own_namespace()
    {
        var report = Evaluate(AccessKit.Remove(Plan.Value, "NetworkPolicy", "fraud-models", "allow-mesh-callers"));

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
        var report = Evaluate(AccessKit.Remove(Plan.Value, "NetworkPolicy", "fraud-models", "sklearn-iris-from-gateways"));

        var iap = AccessKit.Cell(report, "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com").Predict;
        Assert.Equal((Outcome.Denied, "NetworkPolicy", "allow-mesh-callers"), (iap.Outcome, iap.Decider.Kind, iap.Decider.Name));
        Assert.Contains("gateway pods istio-system/istio-ingressgateway", iap.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "iap:group:recsys-ml@example.com"));
    }

    [Fact]
    public void The_calling_namespaces_egress_decides_which_other_teams_models_its_pods_reach()
    {
        var plan = AccessKit.Edit(Plan.Value, "NetworkPolicy", "fraud-models", "allow-egress", np =>
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
        var plan = AccessKit.Remove(Plan.Value, "NetworkPolicy", "fraud-models", "allow-mesh-callers");
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
        Outcome Iap(string cidrs) => AccessKit.Predict(Evaluate(Plan.Value with { Objects = [.. Plan.Value.Objects, .. AccessKit.Plan(FromLoadBalancer(cidrs)).Objects] }), "fraud-models/sklearn-iris", "iap:group:fraud-ml@example.com");

        Assert.Equal(Outcome.Allowed, Iap("{ipBlock: {cidr: 35.191.0.0/16}}, {ipBlock: {cidr: 130.211.0.0/22}}"));
        Assert.Equal(Outcome.Unknown, Iap("{ipBlock: {cidr: 35.191.0.0/16}}"));
        Assert.Equal(Outcome.Denied, Iap("{ipBlock: {cidr: 10.0.0.0/8}}"));
    }

    [Fact]
    public void An_object_the_evaluator_does_not_model_in_the_callers_namespace_makes_its_calls_unknown()
    {
        const string Cilium = "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: egress, namespace: fraud-models}\nspec: {endpointSelector: {}}\n";
        var report = Evaluate(Plan.Value with { Objects = [.. Plan.Value.Objects, .. AccessKit.Plan(Cilium).Objects] });

        var call = AccessKit.Cell(report, "recsys-models/two-tower", "namespace:fraud-models").Predict;
        Assert.Equal((Outcome.Unknown, "CiliumNetworkPolicy"), (call.Outcome, call.Decider.Kind));
        Assert.Equal(Outcome.Allowed, AccessKit.Predict(report, "recsys-models/two-tower", "namespace:recsys-models"));
    }
}
