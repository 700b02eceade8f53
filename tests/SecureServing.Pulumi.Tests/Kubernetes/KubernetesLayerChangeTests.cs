using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// A team's change shows up in a preview as exactly its own objects: nothing else is added or removed, and at most the
/// activator's allowed callers change when a team (a namespace) is added.
/// </summary>
public sealed class KubernetesLayerChangeTests
{
    [Fact]
    public async Task Adding_a_model_adds_exactly_its_objects_in_its_team_group()
    {
        var before = ShippedStacks.Load("dev");
        var model = new ModelConfig { Name = "iris-v2", Format = "sklearn", StorageUri = "{teamBucket}/sklearn/iris-v2", ExposeViaIap = true };
        var after = before with { Teams = [.. before.Teams.Select(t => t.Team == "fraud" ? t with { Models = [.. t.Models, model] } : t)] };

        var (added, removed, changed) = await DiffAsync(before, after);

        Assert.Empty(removed);
        Assert.Empty(changed);
        Assert.Equal(
            [
                "kubernetes:networking.istio.io/v1:VirtualService k8s-team-fraud-virtualservice-fraud-models-iris-v2-iap",
                "kubernetes:networking.k8s.io/v1:NetworkPolicy k8s-team-fraud-networkpolicy-fraud-models-iris-v2-from-gateways",
                "kubernetes:security.istio.io/v1:AuthorizationPolicy k8s-team-fraud-authorizationpolicy-fraud-models-iris-v2-callers",
                "kubernetes:serving.kserve.io/v1beta1:InferenceService k8s-team-fraud-inferenceservice-fraud-models-iris-v2",
            ],
            added);
    }

    /// <summary>
    /// dev's activator admits anyone (an acknowledged activator-on model admits whatever it forwards), so a new team
    /// changes no shared object there; prod's activator admits the team namespaces, so it gains the new one.
    /// </summary>
    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", true)]
    public async Task Adding_a_team_adds_exactly_its_group_and_objects(string stack, bool activatorGainsTheNamespace)
    {
        var before = ShippedStacks.Load(stack);
        var team = new TeamConfig
        {
            Team = "search",
            Namespace = "search-models",
            Members = ["group:search-ml@example.com"],
            Models = [new ModelConfig { Name = "ranker", Format = "xgboost", StorageUri = "{teamBucket}/xgboost/ranker" }],
            SourceFile = "stacks/dev/search.yaml",
        };
        var after = before with { Teams = [.. before.Teams, team] };

        var (added, removed, changed) = await DiffAsync(before, after);

        Assert.Empty(removed);
        // The one shared object a team may change: the namespaces the activator accepts (mesh default deny) gain its namespace.
        Assert.Equal(activatorGainsTheNamespace ? ["kubernetes:security.istio.io/v1:AuthorizationPolicy k8s-platform-authorizationpolicy-knative-serving-allow-activator"] : [], changed);
        Assert.Contains("secure-serving:kubernetes:Team k8s-team-search", added);
        var expectedObjects = KubernetesPlanner.Plan(after).OwnedBy(KubernetesObject.TeamOwner("search")).Count();
        Assert.Equal(expectedObjects + 1, added.Count);
        Assert.All(added, a => Assert.Contains(" k8s-team-search", a, StringComparison.Ordinal));
    }

    /// <summary>Registrations only after, only before, and in both with different inputs (by type and name).</summary>
    private static async Task<(List<string> Added, List<string> Removed, List<string> Changed)> DiffAsync(PlatformConfig before, PlatformConfig after)
    {
        var first = Index(await LayerRun.RunAsync(before));
        var second = Index(await LayerRun.RunAsync(after));
        return (
            [.. second.Keys.Except(first.Keys).Order(StringComparer.Ordinal)],
            [.. first.Keys.Except(second.Keys).Order(StringComparer.Ordinal)],
            [.. first.Keys.Intersect(second.Keys).Where(k => first[k] != second[k]).Order(StringComparer.Ordinal)]);
    }

    private static Dictionary<string, string> Index(LayerRun run) =>
        run.Mocks.Registered.ToDictionary(r => $"{r.Type} {r.Name}", r => RegisteredInputs.Canonical(r.Inputs), StringComparer.Ordinal);
}
