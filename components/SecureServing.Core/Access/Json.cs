using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>Read-only helpers over manifests (<see cref="JsonObject"/>): missing or mistyped fields read as absent.</summary>
internal static class Json
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var next) ? next : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static JsonObject? Obj(JsonNode? node, params string[] path) => At(node, path) as JsonObject;

    public static IReadOnlyList<JsonNode> Arr(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? [.. array.Where(n => n is not null).Select(n => n!)] : [];

    /// <summary>A scalar as text (strings as is, numbers and booleans in their JSON form); null when absent or not a scalar.</summary>
    public static string? Str(JsonNode? node, params string[] path) => At(node, path) is JsonValue value ? Scalar(value) : null;

    public static int? Int(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var i) ? i
        : int.TryParse(Str(node, path), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static bool? Bool(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>A list of strings (non-strings skipped).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, params string[] path) =>
        [.. Arr(node, path).OfType<JsonValue>().Select(Scalar).Where(s => s is not null).Select(s => s!)];

    /// <summary>A string map (labels, annotations, matchLabels).</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonNode? node, params string[] path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (At(node, path) is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && Scalar(v) is { } s)
                {
                    map[key] = s;
                }
            }
        }

        return map;
    }

    /// <summary>True when every pair of <paramref name="selector"/> is in <paramref name="labels"/> (an empty selector selects all).</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var v) && v == pair.Value);

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };
}
