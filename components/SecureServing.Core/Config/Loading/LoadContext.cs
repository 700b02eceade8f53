using SecureServing.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>The file being read, where its findings go and where its keys are.</summary>
internal sealed record LoadContext(string File, FindingSink Sink, SourceMap Sources)
{
    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public static int LineOf(Mark mark) => (int)mark.Line;

    public void Report(Rule rule, string keyPath, YamlNode? at, string message, string? fix = null) =>
        Sink.Add(rule, File, keyPath, at is null ? Sources.Line(File, keyPath) : LineOf(at), message, fix);

    /// <summary>YAML null: <c>~</c>, <c>null</c> or nothing after the colon.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>A Pulumi secret: a map with exactly one key <c>secure</c> holding the ciphertext.</summary>
    public static bool IsSecret(YamlNode node) =>
        node is YamlMappingNode m && m.Children.Count == 1
        && m.Children.Keys.First() is YamlScalarNode { Value: "secure" }
        && m.Children.Values.First() is YamlScalarNode;

    public static string Describe(YamlNode node) => node switch
    {
        _ when IsSecret(node) => "a Pulumi secret",
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"`{s.Value}`",
        _ => "an alias",
    };
}
