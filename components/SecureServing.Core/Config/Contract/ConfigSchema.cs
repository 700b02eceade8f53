using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Contract;

/// <summary>What a generated schema checks.</summary>
public enum SchemaChecks
{
    /// <summary>Shape and formats, with descriptions and defaults: the published schema editors use.</summary>
    Published,

    /// <summary>Shape only (types, keys, required keys, enum spellings): what the loader reports as wrong-type, unknown-key, missing-key or a bad enum value.</summary>
    ShapeOnly,
}

/// <summary>
/// Writes the JSON Schemas (draft 2020-12) of the stack file and of a team file from the config contract
/// (<see cref="StackFileContract"/>, <see cref="TeamFileContract"/>). The schemas read YAML as YAML 1.2's core schema
/// does (<c>true</c> is a boolean, <c>5</c> a number, <c>~</c> null), and accept what the loader accepts: a plain
/// number or boolean where text belongs, a quoted boolean or count, null for an optional key.
/// </summary>
public static partial class ConfigSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public const string StackFileName = "secure-serving.stack.schema.json";

    public const string TeamFileName = "secure-serving.team.schema.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject StackFile(SchemaChecks checks = SchemaChecks.Published) =>
        Document(StackFileContract.File, "SecureServing stack file (Pulumi.<stack>.yaml)", checks);

    public static JsonObject TeamFile(SchemaChecks checks = SchemaChecks.Published) =>
        Document(TeamFileContract.File, "SecureServing team file (stacks/<stack>/<team>.yaml)", checks);

    /// <summary>The schema as it is written to <c>schemas/</c>: two-space indent, LF, final newline.</summary>
    public static string Text(JsonObject schema) => schema.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>A .NET pattern as ECMA-262 (JSON Schema's dialect): <c>\A</c> and <c>\z</c> become <c>^</c> and <c>$</c>.</summary>
    public static string EcmaPattern(Regex regex)
    {
        var pattern = regex.ToString();
        if (pattern.Contains("(?", StringComparison.Ordinal) && !LookaroundsOnly().IsMatch(pattern))
        {
            throw new InvalidOperationException($"`{pattern}` uses a .NET-only construct; write the format so JSON Schema can use it.");
        }

        return pattern.Replace(@"\A", "^", StringComparison.Ordinal).Replace(@"\z", "$", StringComparison.Ordinal);
    }

    private static JsonObject Document(MapKey file, string title, SchemaChecks checks)
    {
        var schema = new JsonObject { ["$schema"] = Draft, ["title"] = title };
        foreach (var (name, value) in Map(file, checks))
        {
            schema[name] = value?.DeepClone();
        }

        return schema;
    }

    private static JsonObject Key(ConfigKey key, SchemaChecks checks)
    {
        var schema = key switch
        {
            TextKey t => Text(t, checks),
            BoolKey => new JsonObject { ["anyOf"] = new JsonArray(Bool(), BoolText()) },
            CountKey c => Count(c, checks),
            ChoiceKey c => new JsonObject { ["enum"] = Strings(c.Spellings) },
            TextListKey l => new JsonObject { ["type"] = "array", ["items"] = Item(l, checks) },
            SecretKey => Secret(),
            PassThroughKey => [],
            MapKey m => Map(m, checks),
            MapListKey l => new JsonObject { ["type"] = "array", ["items"] = Map(l.Item, checks) },
            ChoiceOrMapKey c => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["enum"] = Strings(c.Spellings) }, Map(c.Map, checks)) },
            _ => throw new InvalidOperationException($"no schema for {key.GetType().Name}"),
        };

        if (!key.Required && key is not PassThroughKey)
        {
            AllowNull(schema);
        }

        if (checks == SchemaChecks.ShapeOnly)
        {
            return schema;
        }

        var described = new JsonObject { ["description"] = Describe(key) };
        if (Default(key) is { } value)
        {
            described["default"] = value;
        }

        foreach (var (name, node) in schema)
        {
            described[name] = node?.DeepClone();
        }

        return described;
    }

    /// <summary>Holds a character that is not white space (JSON Schema patterns are not anchored).</summary>
    private const string NotBlank = @"\S";

    private static JsonObject Text(TextKey key, SchemaChecks checks)
    {
        // A blank string is no value: the loader refuses it (missing-key when required, invalid-value otherwise).
        var schema = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") };
        if (checks == SchemaChecks.Published || key.Required)
        {
            schema["pattern"] = NotBlank;
        }

        if (checks == SchemaChecks.Published && key.Format is not null)
        {
            schema["pattern"] = EcmaPattern(key.Format);
        }

        if (checks == SchemaChecks.Published && key.KnownValues is not null)
        {
            schema["enum"] = Strings(key.KnownValues());
        }

        return schema;
    }

    private static JsonObject Item(TextListKey key, SchemaChecks checks) =>
        Text(new TextKey(key.Name, key.Description) { Required = true, Format = key.ItemFormat }, checks);

    private static JsonObject Bool() => new() { ["type"] = "boolean" };

    private static JsonObject BoolText() => new() { ["enum"] = Strings(Scalars.BoolSpellings.Keys) };

    private static JsonObject Count(CountKey key, SchemaChecks checks)
    {
        var number = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = int.MaxValue };
        if (checks == SchemaChecks.Published && key.Minimum is { } min)
        {
            number["minimum"] = min;
        }

        var max = checks == SchemaChecks.Published && key.Maximum is { } m ? m : int.MaxValue;
        number["maximum"] = max;
        return new JsonObject { ["anyOf"] = new JsonArray(number, new JsonObject { ["type"] = "string", ["pattern"] = Scalars.DigitsUpTo(max) }) };
    }

    private static JsonObject Secret() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["secure"] = new JsonObject { ["description"] = "Ciphertext written by `pulumi config set --secret`.", ["type"] = new JsonArray("string", "number", "boolean", "null"), ["pattern"] = NotBlank },
        },
        ["required"] = new JsonArray("secure"),
        ["additionalProperties"] = false,
    };

    private static JsonObject Map(MapKey map, SchemaChecks checks)
    {
        var properties = new JsonObject();
        foreach (var key in map.Keys)
        {
            properties[key.Name] = Key(key, checks);
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var required = map.Keys.Where(k => k.Required).Select(k => k.Name).ToList();
        if (required.Count > 0)
        {
            schema["required"] = Strings(required);
        }

        if (map.OtherProvidersKeys is not null)
        {
            schema["patternProperties"] = new JsonObject { [EcmaPattern(map.OtherProvidersKeys)] = new JsonObject { ["description"] = "Another provider's setting; theirs to check." } };
        }

        schema["additionalProperties"] = false;
        if (map.RequireOneOf.Count > 0)
        {
            schema["anyOf"] = new JsonArray([.. map.RequireOneOf.Select(alternative => (JsonNode)Alternative(alternative))]);
        }

        return schema;
    }

    private static JsonObject Alternative(IReadOnlyList<Requirement> requirements)
    {
        var properties = new JsonObject();
        foreach (var r in requirements)
        {
            var condition = new JsonObject { ["not"] = new JsonObject { ["type"] = "null" } };
            if (r.MustBeTrue)
            {
                condition["enum"] = new JsonArray([true, .. Scalars.BoolSpellings.Where(s => s.Value).Select(s => (JsonNode)s.Key)]);
            }

            if (r.NotBlank)
            {
                condition["pattern"] = NotBlank;
            }

            properties[r.Key] = condition;
        }

        return new JsonObject { ["required"] = Strings(requirements.Select(r => r.Key)), ["properties"] = properties };
    }

    private static void AllowNull(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            values.Add(null);
        }
        else if (schema["type"] is JsonArray types)
        {
            types.Add("null");
        }
        else if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        else if (schema["anyOf"] is JsonArray alternatives)
        {
            alternatives.Add(new JsonObject { ["type"] = "null" });
        }
    }

    private static string Describe(ConfigKey key)
    {
        var text = key.Description;
        if (key.Required)
        {
            text += " Required.";
        }

        if (key.DerivedDefault is { } derived)
        {
            text += $" Default: {derived}.";
        }

        return text;
    }

    private static JsonNode? Default(ConfigKey key) => key switch
    {
        _ when key.DerivedDefault is not null || key.Required => null,
        TextKey { Default: { } text } => text,
        BoolKey b => b.Default,
        CountKey c => c.Default,
        ChoiceKey { DefaultSpelling: { } spelling } => spelling,
        ChoiceOrMapKey c => c.DefaultSpelling,
        TextListKey { Default: { } list } => Strings(list),
        _ => null,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>Group constructs other than lookarounds (<c>(?=</c>, <c>(?!</c>) and non-capturing groups (<c>(?:</c>).</summary>
    [GeneratedRegex(@"\A(?:[^(]|\((?!\?)|\(\?[:=!])*\z")]
    private static partial Regex LookaroundsOnly();
}
