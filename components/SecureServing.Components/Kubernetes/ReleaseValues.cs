using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// The core's JSON values as Pulumi values and back: chart values (<see cref="ToInput"/>), and the property maps a
/// <see cref="Pulumi.ResourceTransform"/> sees for an object a chart or manifest renders (<see cref="ToJson"/>,
/// <see cref="ToArgs"/>). Maps, lists, strings, booleans and numbers only; anything else (an unknown or secret
/// output) is refused with its path, so no object is ever changed half-way.
/// </summary>
public static class ReleaseValues
{
    /// <summary>A JSON object as a chart's <c>values</c> input: nested maps and lists of plain values.</summary>
    public static Dictionary<string, object> ToInput(JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return (Dictionary<string, object>)Input(values, "values");
    }

    /// <summary>A transform's property map as a JSON object.</summary>
    /// <exception cref="InvalidOperationException">A value is not a plain map, list, string, boolean or number.</exception>
    public static JsonObject ToJson(IReadOnlyDictionary<string, object?> args, string subject)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new JsonObject();
        foreach (var (key, value) in args)
        {
            result[key] = Json(value, $"{subject}.{key}");
        }

        return result;
    }

    /// <summary>A JSON object as a transform's property map (maps as <see cref="ImmutableDictionary{TKey,TValue}"/>, lists as <see cref="ImmutableArray{T}"/>).</summary>
    public static ImmutableDictionary<string, object?> ToArgs(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.ToImmutableDictionary(kv => kv.Key, kv => Arg(kv.Value), StringComparer.Ordinal);
    }

    private static object Input(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.ToDictionary(kv => kv.Key, kv => Input(kv.Value, $"{path}.{kv.Key}"), StringComparer.Ordinal),
        JsonArray array => array.Select((item, i) => Input(item, $"{path}[{i}]")).ToList(),
        JsonValue value => Scalar(value, path),
        _ => throw new InvalidOperationException($"{path}: explicit nulls are not passed as chart values."),
    };

    private static object? Arg(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToArgs(obj),
        JsonArray array => array.Select(Arg).ToImmutableArray(),
        JsonValue value => Scalar(value, "value"),
        _ => throw new InvalidOperationException("unsupported JSON node"),
    };

    private static object Scalar(JsonValue value, string path) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Number(value),
        var kind => throw new InvalidOperationException($"{path}: unsupported value kind {kind}."),
    };

    /// <summary>Integers within <see cref="int"/>'s range as <see cref="int"/>, every other number as <see cref="double"/> (Pulumi sends every number as a double).</summary>
    private static object Number(JsonValue value)
    {
        var d = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (object)(int)d : d;
    }

    private static JsonNode? Json(object? value, string path) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        IReadOnlyDictionary<string, object?> map => ToJson(map, path),
        IDictionary<string, object> map => ToJson(map.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), path),
        ImmutableArray<object?> list => new JsonArray([.. list.Select((item, i) => Json(item, $"{path}[{i}]"))]),
        IEnumerable list and not string => new JsonArray([.. list.Cast<object?>().Select((item, i) => Json(item, $"{path}[{i}]"))]),
        _ => throw new InvalidOperationException($"{path}: a {value.GetType().Name} (an unknown or secret value?) cannot be changed before it is created."),
    };
}
