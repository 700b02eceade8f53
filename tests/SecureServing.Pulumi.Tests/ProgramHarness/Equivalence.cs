using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>
/// Compares a rendered property tree (what <c>render</c> writes to gcp-resources.json) with the inputs the mocks saw:
/// objects key by key both ways (nothing missing, nothing extra), lists element by element in order, strings after
/// resolving <c>${resource.output}</c> references, numbers as the <c>double</c>s Pulumi serializes.
/// </summary>
internal static class Equivalence
{
    public static IReadOnlyList<string> Differences(JsonObject expected, ImmutableDictionary<string, object> actual, Func<string, string> resolve)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", resolve, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, object? actual, string path, Func<string, string> resolve, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject obj:
                if (actual is not ImmutableDictionary<string, object> map)
                {
                    differences.Add($"{path}: expected an object, registered {Describe(actual)}");
                    return;
                }

                foreach (var (key, value) in obj)
                {
                    if (!map.TryGetValue(key, out var registered))
                    {
                        differences.Add($"{Join(path, key)}: rendered {value?.ToJsonString()}, not registered");
                        continue;
                    }

                    Compare(value, registered, Join(path, key), resolve, differences);
                }

                foreach (var key in map.Keys.Where(k => !obj.ContainsKey(k)))
                {
                    differences.Add($"{Join(path, key)}: registered {Describe(map[key])}, not rendered");
                }

                return;
            case JsonArray array:
                if (actual is not ImmutableArray<object> list)
                {
                    differences.Add($"{path}: expected a list, registered {Describe(actual)}");
                    return;
                }

                if (list.Length != array.Count)
                {
                    differences.Add($"{path}: rendered {array.Count} items, registered {list.Length}");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Compare(array[i], list[i], $"{path}[{i}]", resolve, differences);
                }

                return;
            case JsonValue value:
                var equal = value.GetValueKind() switch
                {
                    JsonValueKind.String => actual is string s && s == resolve(value.GetValue<string>()),
                    JsonValueKind.Number => actual is double d && d == double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
                    JsonValueKind.True or JsonValueKind.False => actual is bool b && b == value.GetValue<bool>(),
                    _ => false,
                };
                if (!equal)
                {
                    var shown = value.GetValueKind() == JsonValueKind.String ? $"\"{resolve(value.GetValue<string>())}\"" : value.ToJsonString();
                    differences.Add($"{path}: rendered {shown}, registered {Describe(actual)}");
                }

                return;
            default:
                differences.Add($"{path}: rendered null, registered {Describe(actual)}");
                return;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ImmutableDictionary<string, object> m => "{" + string.Join(", ", m.Keys) + "}",
        ImmutableArray<object> l => $"[{l.Length} items]",
        _ => value.GetType().Name,
    };
}
