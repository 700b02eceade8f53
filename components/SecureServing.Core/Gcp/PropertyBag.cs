using System.Text.Json.Nodes;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Builds the <see cref="RenderedResource.Properties"/> of one resource in a fixed order. Null values and empty
/// lists are left out, as a Pulumi component leaves the input unset.
/// </summary>
internal sealed class PropertyBag
{
    private readonly JsonObject _json = [];

    public PropertyBag Add(string name, string? value)
    {
        if (value is not null)
        {
            _json[name] = value;
        }

        return this;
    }

    public PropertyBag Add(string name, ResourceRef? value) => value is null ? this : Add(name, value.Rendered);

    public PropertyBag Add(string name, bool? value)
    {
        if (value is { } v)
        {
            _json[name] = v;
        }

        return this;
    }

    public PropertyBag Add(string name, int? value)
    {
        if (value is { } v)
        {
            _json[name] = v;
        }

        return this;
    }

    public PropertyBag Add(string name, double? value)
    {
        if (value is { } v)
        {
            _json[name] = v;
        }

        return this;
    }

    public PropertyBag Add(string name, IEnumerable<string>? values)
    {
        var list = values?.ToList();
        if (list is { Count: > 0 })
        {
            _json[name] = new JsonArray([.. list.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        return this;
    }

    public PropertyBag Add(string name, PropertyBag? value)
    {
        if (value is not null)
        {
            _json[name] = value.ToJson().DeepClone();
        }

        return this;
    }

    public PropertyBag Add(string name, IEnumerable<PropertyBag>? values)
    {
        var list = values?.ToList();
        if (list is { Count: > 0 })
        {
            _json[name] = new JsonArray([.. list.Select(v => (JsonNode?)v.ToJson().DeepClone())]);
        }

        return this;
    }

    public PropertyBag Add(string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is { Count: > 0 })
        {
            var map = new JsonObject();
            foreach (var (key, value) in values)
            {
                map[key] = value;
            }

            _json[name] = map;
        }

        return this;
    }

    public JsonObject ToJson() => _json;

    public RenderedResource Resource(string type, string name) => new(type, name, _json);
}
