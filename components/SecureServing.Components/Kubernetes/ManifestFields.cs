using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Strict reader over one JSON object of a manifest, for mapping it onto typed Pulumi args: every read marks the key
/// as mapped, a value of the wrong shape throws, and <see cref="EnsureAllMapped"/> throws for any key nobody read —
/// naming the object, the field path and the args type — so a field the core adds later is never silently dropped.
/// String values pass through <see cref="ManifestValues"/> (placeholders become Pulumi outputs).
/// </summary>
internal sealed class ManifestFields
{
    private readonly JsonObject _node;
    private readonly IReadOnlyList<string> _path;
    private readonly ManifestValues _values;
    private readonly string _target;
    private readonly HashSet<string> _mapped = new(StringComparer.Ordinal);

    private ManifestFields(JsonObject node, IReadOnlyList<string> path, ManifestValues values, string target)
    {
        _node = node;
        _path = path;
        _values = values;
        _target = target;
    }

    /// <summary>The manifest root; <c>apiVersion</c> and <c>kind</c> count as mapped (the registrar checks them).</summary>
    public static ManifestFields Root(JsonObject manifest, ManifestValues values, string target)
    {
        var root = new ManifestFields(manifest, [], values, target);
        root._mapped.Add("apiVersion");
        root._mapped.Add("kind");
        return root;
    }

    public Input<string>? String(string key)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        return _values.String(PathOf(key), Scalar<string>(key, node, JsonValueKind.String, "a string"));
    }

    public int? Int(string key) => Take(key) is { } node ? ToInt(key, node) : null;

    /// <summary>Kubernetes' int-or-string (e.g. <c>targetPort</c>).</summary>
    public InputUnion<int, string>? IntOrString(string key)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return ToInt(key, node);
        }

        return _values.Resolve(PathOf(key), Scalar<string>(key, node, JsonValueKind.String, "a string")) as string
            ?? throw _values.Fail(PathOf(key), "cannot hold a placeholder");
    }

    public ManifestFields? Object(string key, string target)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        return node is JsonObject obj
            ? new ManifestFields(obj, PathOf(key), _values, target)
            : throw _values.Fail(PathOf(key), $"must be an object, not {node.GetValueKind()}");
    }

    /// <summary>An array of objects, each mapped onto <paramref name="target"/>.</summary>
    public IReadOnlyList<ManifestFields>? Objects(string key, string target)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        var array = node as JsonArray ?? throw _values.Fail(PathOf(key), $"must be an array, not {node.GetValueKind()}");
        var items = new List<ManifestFields>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var path = PathOf(key).Append($"[{i}]").ToList();
            items.Add(array[i] is JsonObject obj ? new ManifestFields(obj, path, _values, target) : throw _values.Fail(path, "must be an object"));
        }

        return items;
    }

    public InputList<string>? Strings(string key)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        var array = node as JsonArray ?? throw _values.Fail(PathOf(key), $"must be an array of strings, not {node.GetValueKind()}");
        var list = new InputList<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = PathOf(key).Append($"[{i}]").ToList();
            var item = array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw _values.Fail(path, "must be a string");
            list.Add(_values.String(path, item));
        }

        return list;
    }

    /// <summary>A map of string to string (labels, annotations, selector, ConfigMap data, Secret stringData).</summary>
    public InputMap<string>? StringMap(string key)
    {
        if (Take(key) is not { } node)
        {
            return null;
        }

        var obj = node as JsonObject ?? throw _values.Fail(PathOf(key), $"must be a map of strings, not {node.GetValueKind()}");
        var map = new InputMap<string>();
        foreach (var (entryKey, entryValue) in obj)
        {
            var path = PathOf(key).Append(entryKey).ToList();
            var text = entryValue is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw _values.Fail(path, "must be a string");
            map.Add(entryKey, _values.String(path, text));
        }

        return map;
    }

    /// <summary>
    /// Any JSON value as the plain .NET shape Pulumi serializes (dictionary, list, string, int, double, bool), for the
    /// untyped body of a custom resource; strings with placeholders become outputs.
    /// </summary>
    public object? Any(string key) => Take(key) is { } node ? Convert(node, PathOf(key)) : null;

    /// <summary>Throws for the first key of this object that no mapping read.</summary>
    public void EnsureAllMapped()
    {
        var unmapped = _node.Select(p => p.Key).Where(k => !_mapped.Contains(k)).ToList();
        if (unmapped.Count > 0)
        {
            var fields = string.Join(", ", unmapped.Select(k => $"'{string.Join('.', PathOf(k))}'"));
            throw new UnmappedManifestFieldException(
                $"{_values.Subject}: field {fields} is not mapped onto {_target}; registering it would silently drop the field. " +
                "Map it in SecureServing.Components.Kubernetes.TypedObjectArgs.");
        }
    }

    private JsonNode? Take(string key)
    {
        _mapped.Add(key);
        if (!_node.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        return node ?? throw _values.Fail(PathOf(key), "is null; explicit nulls are not supported");
    }

    private IReadOnlyList<string> PathOf(string key) => [.. _path, key];

    private T Scalar<T>(string key, JsonNode node, JsonValueKind kind, string what) =>
        node is JsonValue v && v.GetValueKind() == kind ? v.GetValue<T>() : throw _values.Fail(PathOf(key), $"must be {what}, not {node.GetValueKind()}");

    private int ToInt(string key, JsonNode node) =>
        node is JsonValue v && Number(v) is int i ? i : throw _values.Fail(PathOf(key), $"must be an integer, not {node.ToJsonString()}");

    private object Convert(JsonNode node, IReadOnlyList<string> path)
    {
        switch (node)
        {
            case JsonObject obj:
                var map = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var (k, v) in obj)
                {
                    var childPath = path.Append(k).ToList();
                    map[k] = Convert(v ?? throw _values.Fail(childPath, "is null; explicit nulls are not supported"), childPath);
                }

                return map;
            case JsonArray array:
                var list = new List<object>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = path.Append($"[{i}]").ToList();
                    list.Add(Convert(array[i] ?? throw _values.Fail(childPath, "is null; explicit nulls are not supported"), childPath));
                }

                return list;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => _values.Resolve(path, value.GetValue<string>()),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => Number(value)!,
                    _ => throw _values.Fail(path, $"has an unsupported value kind {value.GetValueKind()}"),
                };
            default:
                throw _values.Fail(path, "has an unsupported JSON node");
        }
    }

    /// <summary>Integers as <see cref="int"/> (Pulumi sends every number as a double on the wire), others as <see cref="double"/>.</summary>
    private static object? Number(JsonValue value)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var d = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (object)(int)d : d;
    }
}
