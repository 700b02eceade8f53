using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// Compares a manifest with the inputs the mocks received (wire names; objects as
/// <see cref="ImmutableDictionary{TKey,TValue}"/>, lists as <see cref="ImmutableArray{T}"/>, numbers as double).
/// </summary>
internal static class RegisteredInputs
{
    /// <summary>
    /// Every difference between <paramref name="expected"/> and <paramref name="actual"/>, both ways: a manifest field
    /// missing or different in the inputs, and an input the manifest does not have.
    /// </summary>
    public static IReadOnlyList<string> Differences(JsonNode expected, object? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", differences);
        return differences;
    }

    /// <summary>Inputs as canonical JSON (keys sorted), to compare two registrations.</summary>
    public static string Canonical(object? value) => ToJson(value)?.ToJsonString() ?? "null";

    private static void Compare(JsonNode? expected, object? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject obj:
                if (actual is not IReadOnlyDictionary<string, object> map)
                {
                    differences.Add($"{path}: expected an object, registered {Describe(actual)}");
                    return;
                }

                foreach (var (key, value) in obj)
                {
                    if (!map.TryGetValue(key, out var registered))
                    {
                        differences.Add($"{path}.{key}: in the manifest, not registered");
                        continue;
                    }

                    Compare(value, registered, $"{path}.{key}", differences);
                }

                differences.AddRange(map.Keys.Where(k => !obj.ContainsKey(k)).Select(k => $"{path}.{k}: registered, not in the manifest"));
                return;
            case JsonArray array:
                if (actual is not ImmutableArray<object> list)
                {
                    differences.Add($"{path}: expected an array, registered {Describe(actual)}");
                    return;
                }

                if (list.Length != array.Count)
                {
                    differences.Add($"{path}: {array.Count} items in the manifest, {list.Length} registered");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Compare(array[i], list[i], $"{path}[{i}]", differences);
                }

                return;
            case JsonValue value:
                var equal = value.GetValueKind() switch
                {
                    JsonValueKind.String => actual is string s && s == value.GetValue<string>(),
                    JsonValueKind.Number => actual is double d && d == double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
                    JsonValueKind.True => actual is true,
                    JsonValueKind.False => actual is false,
                    _ => false,
                };
                if (!equal)
                {
                    differences.Add($"{path}: manifest {value.ToJsonString()}, registered {Describe(actual)}");
                }

                return;
            default:
                differences.Add($"{path}: unexpected manifest node {expected?.GetType().Name ?? "null"}");
                return;
        }
    }

    private static string Describe(object? value) => ToJson(value)?.ToJsonString() ?? "nothing";

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        IReadOnlyDictionary<string, object> map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        ImmutableArray<object> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(value.ToString()),
    };
}
