using System.Text.Json.Nodes;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Small lookups over a plan's rendered resources.</summary>
internal static class PlanQueries
{
    public static RenderedResource Single(this GcpPlan plan, string name) =>
        Assert.Single(plan.Resources, r => r.Name == name);

    public static IReadOnlyList<RenderedResource> OfType(this GcpPlan plan, string type) =>
        [.. plan.Resources.Where(r => r.Type == type)];

    public static JsonNode? At(this RenderedResource resource, string path)
    {
        JsonNode? node = resource.Properties;
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) => a[i],
                _ => null,
            };
        }

        return node;
    }

    public static string? Str(this RenderedResource resource, string path) => resource.At(path)?.GetValue<string>();

    public static bool? Bool(this RenderedResource resource, string path) => resource.At(path)?.GetValue<bool>();

    public static int? Int(this RenderedResource resource, string path) => resource.At(path)?.GetValue<int>();

    public static IReadOnlyList<string> Strings(this RenderedResource resource, string path) =>
        resource.At(path) is JsonArray a ? [.. a.Select(n => n!.GetValue<string>())] : [];

    /// <summary>Every string value anywhere in the properties.</summary>
    public static IEnumerable<string> AllStrings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => AllStrings(kv.Value)),
        JsonArray a => a.SelectMany(AllStrings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
