using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Schemas;

/// <summary>
/// Reads YAML documents (CRD files, stack and team files) into <see cref="JsonNode"/>s with YAML 1.2 core-schema
/// typing, as editors and the yaml-language-server read them: plain scalars <c>true</c>/<c>false</c>,
/// <c>null</c>/<c>~</c>, decimal integers and floats become JSON values; quoted scalars and <c>!!str</c> stay strings.
/// A key that is not a scalar becomes a key no schema declares.
/// </summary>
internal static partial class YamlToJson
{
    public static IEnumerable<JsonNode?> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => Convert(d.RootNode));
    }

    /// <summary>Stands for a key that is a list or a map.</summary>
    public const string NonScalarKey = "\u0000(a key that is not a scalar)";

    /// <summary>Converts <paramref name="node"/>; deeper than <paramref name="maxDepth"/> (or a cycle of aliases) throws <see cref="InvalidDataException"/>.</summary>
    public static JsonNode? Convert(YamlNode node, int maxDepth = 256) => maxDepth < 0
        ? throw new InvalidDataException($"YAML nested deeper than the converter follows, at {node.Start}")
        : node switch
        {
            YamlMappingNode map => Map(map, maxDepth - 1),
            YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(c => Convert(c, maxDepth - 1))]),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new NotSupportedException($"YAML node {node.GetType().Name} at {node.Start}"),
        };

    private static JsonObject Map(YamlMappingNode map, int maxDepth)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            obj[key is YamlScalarNode { Value: { } name } ? name : NonScalarKey] = Convert(value, maxDepth);
        }

        return obj;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
