using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>
/// Finding objects in a plan and reading their fields, for readable assertions. They search the plan's decisions
/// whichever way they reach the cluster: as objects, or as install-time values of the installed serving stack
/// (<see cref="KubernetesPlan.InstalledValues"/>).
/// </summary>
internal static class PlanQueries
{
    public static KubernetesPlan PlanOf(PlatformConfig config) => KubernetesPlanner.Plan(config);

    private static IEnumerable<KubernetesObject> Decisions(KubernetesPlan plan) => plan.Objects.Concat(plan.InstalledValues);

    public static KubernetesObject Single(this KubernetesPlan plan, string kind, string? ns, string name) =>
        Assert.Single(Decisions(plan), o => o.Kind == kind && o.Namespace == ns && o.Name == name);

    public static KubernetesObject? Find(this KubernetesPlan plan, string kind, string? ns, string name) =>
        Decisions(plan).SingleOrDefault(o => o.Kind == kind && o.Namespace == ns && o.Name == name);

    public static IEnumerable<KubernetesObject> OfKind(this KubernetesPlan plan, string kind) => Decisions(plan).Where(o => o.Kind == kind);

    /// <summary>The node at a dotted path (<c>spec.servers.0.port.number</c>; numbers index arrays).</summary>
    public static JsonNode? At(this KubernetesObject o, string path) => At(o.Manifest, path);

    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonArray array when int.TryParse(part, out var i) => i < array.Count ? array[i] : null,
                JsonObject obj => obj[part],
                _ => null,
            };
        }

        return node;
    }

    public static string? Str(this KubernetesObject o, string path) => o.At(path)?.GetValue<string>();

    public static IReadOnlyList<string> Strings(this KubernetesObject o, string path) =>
        o.At(path) is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    public static string Annotation(this KubernetesObject o, string key) =>
        o.Manifest["metadata"]!["annotations"]?[key]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"{o.Key} has no annotation {key}");

    public static string? Label(this KubernetesObject o, string key) => o.Manifest["metadata"]!["labels"]?[key]?.GetValue<string>();

    public static PlatformConfig WithTeams(this PlatformConfig config, params TeamConfig[] teams) => config with { Teams = teams };
}
