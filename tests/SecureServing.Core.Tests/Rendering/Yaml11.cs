using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Rendering;

/// <summary>
/// A test oracle independent of the writer: reads rendered YAML back the way go-yaml (kubectl, kustomize) does,
/// resolving plain scalars with the YAML 1.1 type regexes from yaml.org/type (bool, null, int, float, timestamp,
/// merge) plus YAML 1.2's <c>0o</c> octal; quoted and block scalars are strings.
/// </summary>
internal static partial class Yaml11
{
    [GeneratedRegex(@"\A(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\z")]
    private static partial Regex Bool();

    [GeneratedRegex(@"\A(~|null|Null|NULL|)\z")]
    private static partial Regex Null();

    [GeneratedRegex(@"\A([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+|0o[0-7]+)\z")]
    private static partial Regex Int();

    /// <summary>YAML 1.1's float (yaml.org/type/float.html): the exponent needs a sign, a lone dot matches.</summary>
    [GeneratedRegex(@"\A([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z")]
    private static partial Regex Float();

    /// <summary>go-yaml's float (YAML 1.2 core schema), which kubectl also applies: the dot needs digits, the exponent sign is optional.</summary>
    [GeneratedRegex(@"\A[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex GoYamlFloat();

    [GeneratedRegex(@"\A[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?")]
    private static partial Regex Timestamp();

    /// <summary>The key of the object that stands for a plain scalar YAML 1.1 reads as something other than a string.</summary>
    public const string NonStringMarker = "(yaml 1.1 non-string)";

    /// <summary>True when a YAML 1.1 reader would not read this plain scalar as a string.</summary>
    public static bool IsNonStringPlain(string text) =>
        Bool().IsMatch(text) || Null().IsMatch(text) || Int().IsMatch(text) || Float().IsMatch(text) || GoYamlFloat().IsMatch(text)
        || Timestamp().IsMatch(text) || text is "<<" or "=";

    /// <summary>Every document of a YAML stream as JSON, with YAML 1.1 typing of plain scalars.</summary>
    public static List<JsonNode?> ReadAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => ToJson(d.RootNode)).ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (Null().IsMatch(text))
        {
            return null;
        }

        if (Bool().IsMatch(text))
        {
            return JsonValue.Create(text is "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON");
        }

        if (Int().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if ((Float().IsMatch(text) || GoYamlFloat().IsMatch(text)) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        // Not a string to a YAML 1.1 reader, but no value .NET parses either (0x1_0, 1:30, .inf, a lone "."):
        // a marker that equals no string, so a writer that left it plain fails the round trip.
        if (IsNonStringPlain(text))
        {
            return new JsonObject { [NonStringMarker] = text };
        }

        return JsonValue.Create(text);
    }
}
