using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Loading;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Tests.Schemas;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// What the loader and the generated JSON Schema each say about one stack or team file's shape (types, keys,
/// required keys, enum spellings). Formats and guardrails are not shape: the loader checks those beyond the schema.
/// </summary>
internal sealed partial record ShapeVerdict(bool LoaderAccepts, IReadOnlyList<string> LoaderSays, bool SchemaAccepts, IReadOnlyList<string> SchemaSays)
{
    private static readonly HashSet<string> ShapeRules = new(StringComparer.Ordinal) { "wrong-type", "unknown-key", "missing-key" };

    private static readonly Lazy<JsonSchema> StackShape = new(() => Build(ConfigSchema.StackFile(SchemaChecks.ShapeOnly)));
    private static readonly Lazy<JsonSchema> TeamShape = new(() => Build(ConfigSchema.TeamFile(SchemaChecks.ShapeOnly)));
    private static readonly Lazy<JsonSchema> StackPublished = new(() => Build(ConfigSchema.StackFile()));
    private static readonly Lazy<JsonSchema> TeamPublished = new(() => Build(ConfigSchema.TeamFile()));

    public bool Agree => LoaderAccepts == SchemaAccepts;

    public string Explain(string file) =>
        $"{file}: the loader {(LoaderAccepts ? "accepts its shape" : "refuses its shape")} ({string.Join("; ", LoaderSays)}), "
        + $"the shape schema {(SchemaAccepts ? "accepts it" : "refuses it")} ({string.Join("; ", SchemaSays)}).";

    public static bool IsStackFile(string relative) => StackFileName().IsMatch(relative);

    /// <summary>The stack whose load reads <paramref name="relative"/> (a stack file or a team file).</summary>
    public static string StackOf(string relative) =>
        IsStackFile(relative) ? StackFileName().Match(relative).Groups[1].Value : relative.Split('/')[1];

    /// <summary>The verdicts on <paramref name="relative"/> in <paramref name="repo"/> (loaded as check loads it); null when the file is not YAML at all.</summary>
    public static ShapeVerdict? Of(string repo, string relative, IReadOnlyList<Finding>? findings = null)
    {
        findings ??= ConfigLoader.Load(repo, StackOf(relative)).Findings;
        var mine = findings.Where(f => f.File == relative).ToList();
        if (mine.Any(f => f.RuleId == "yaml-syntax"))
        {
            return null;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(repo, relative))));
        return Judge(relative, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, mine);
    }

    /// <summary>The verdicts on a parsed file, read by the stack-file or team-file reader alone (no disk, no other files).</summary>
    public static ShapeVerdict OfTree(string relative, YamlNode root)
    {
        var ctx = new LoadContext(relative, new FindingSink(), new SourceMap());
        if (IsStackFile(relative))
        {
            StackFileReader.Read(root, StackOf(relative), ctx);
        }
        else
        {
            TeamFileReader.Read(root, ctx);
        }

        return Judge(relative, root, ctx.Sink.Items);
    }

    private static ShapeVerdict Judge(string relative, YamlNode? root, IReadOnlyList<Finding> findings)
    {
        var stack = IsStackFile(relative);
        var shape = findings.Where(f => IsShape(f, stack)).Select(f => $"[{f.RuleId}] {f.KeyPath}").ToList();
        var schema = stack ? StackShape.Value : TeamShape.Value;
        var valid = Evaluate(schema, root, OutputFormat.Flag).IsValid;
        return new ShapeVerdict(shape.Count == 0, shape, valid, valid == (shape.Count == 0) ? [] : Errors(Evaluate(schema, root)));
    }

    /// <summary>The published schema's verdict (shape and formats) on a file's text.</summary>
    public static (bool Valid, IReadOnlyList<string> Errors) Published(string relative, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var result = Evaluate(IsStackFile(relative) ? StackPublished.Value : TeamPublished.Value, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
        return (result.IsValid, Errors(result));
    }

    /// <summary>A loader finding about the file's shape: wrong type, unknown or missing key, or a refused spelling or secret shape of a declared key.</summary>
    public static bool IsShape(Finding finding, bool stackFile)
    {
        if (ShapeRules.Contains(finding.RuleId))
        {
            return true;
        }

        ConfigKey key = stackFile ? StackFileContract.Settings : TeamFileContract.File;
        foreach (var segment in finding.KeyPath.Split('.').Select(s => Index().Replace(s, "")))
        {
            var map = key switch
            {
                MapKey m => m,
                MapListKey l => l.Item,
                ChoiceOrMapKey c => c.Map,
                _ => null,
            };
            if (map?.Retired.TryGetValue(segment, out var retired) == true)
            {
                return retired.Rule.Id == finding.RuleId;
            }

            if (map?.Find(segment) is not { } child)
            {
                return false;
            }

            key = child;
        }

        return key.ShapeRules.Any(r => r.Id == finding.RuleId);
    }

    private static EvaluationResults Evaluate(JsonSchema schema, YamlNode? root, OutputFormat output = OutputFormat.List)
    {
        var json = root is null ? null : YamlToJson.Convert(root);
        var element = json is null ? JsonDocument.Parse("null").RootElement : JsonSerializer.SerializeToElement(json);
        return schema.Evaluate(element, new EvaluationOptions { OutputFormat = output });
    }

    /// <summary>The errors, without those of <c>anyOf</c> alternatives that did not apply (unless nothing else is left).</summary>
    private static List<string> Errors(EvaluationResults result)
    {
        var all = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).ToList();
        var direct = all.Where(d => !d.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal)).ToList();
        return [.. (direct.Count > 0 ? direct : all).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct().Take(8)];
    }

    private static JsonSchema Build(System.Text.Json.Nodes.JsonObject schema) =>
        JsonSchema.FromText(ConfigSchema.Text(schema), baseUri: new Uri($"urn:secure-serving:test:{Guid.NewGuid():N}"));

    [GeneratedRegex(@"^Pulumi\.(.+)\.yaml$")]
    private static partial Regex StackFileName();

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Index();
}
