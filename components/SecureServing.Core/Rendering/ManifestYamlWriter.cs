using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureServing.Core.Rendering;

/// <summary>
/// Writes Kubernetes manifests as one multi-document YAML stream, the way <c>kubectl apply -f</c> reads it:
/// every document starts with <c>---</c>, keys keep the manifest's order, strings that a YAML 1.1 reader could
/// take for a number, bool or null are quoted, multi-line strings are literal blocks, LF line endings, a trailing
/// newline. The same input gives the same bytes.
/// </summary>
public static class ManifestYamlWriter
{
    /// <summary>The comment line in front of an object that is merged into one that already exists in the cluster.</summary>
    public const string PatchComment = "patch: merged into an existing object";

    private static readonly EmitterSettings Settings = new EmitterSettings()
        .WithIndentedSequences()
        .WithNewLine("\n")
        .WithBestWidth(int.MaxValue)
        .WithMaxSimpleKeyLength(1024);

    /// <summary>Writes every document, each preceded by its comment lines (none, or <see cref="PatchComment"/>).</summary>
    /// <param name="header">Comment lines at the top of the file (without <c>#</c>).</param>
    /// <param name="documents">The manifests in output order, each with the comment lines written after its <c>---</c>.</param>
    public static string Write(IEnumerable<string> header, IEnumerable<(JsonObject Manifest, IReadOnlyList<string> Comments)> documents)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(documents);

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        foreach (var line in header)
        {
            emitter.Emit(new Comment(line, isInline: false));
        }

        foreach (var (manifest, comments) in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            foreach (var comment in comments)
            {
                emitter.Emit(new Comment(comment, isInline: false));
            }

            EmitNode(emitter, manifest);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
        var yaml = text.ToString();
        return yaml.Length == 0 || yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    private static void EmitNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(PlainScalar("null"));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(StringScalar(key));
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    EmitNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                emitter.Emit(ValueScalar(value));
                break;
            default:
                throw new ArgumentException($"Unsupported JSON node {node.GetType().Name}.", nameof(node));
        }
    }

    private static Scalar ValueScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => StringScalar(value.GetValue<string>()),
        JsonValueKind.Number => PlainScalar(value.ToJsonString()),
        JsonValueKind.True => PlainScalar("true"),
        JsonValueKind.False => PlainScalar("false"),
        JsonValueKind.Null => PlainScalar("null"),
        var kind => throw new ArgumentException($"Unsupported JSON value kind {kind}.", nameof(value)),
    };

    private static Scalar PlainScalar(string text) =>
        new(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);

    /// <summary>
    /// A string: plain when <see cref="YamlScalars.IsSafePlain"/>, a literal block when it spans lines, otherwise
    /// double-quoted (JSON-style escapes), so a reader can never take it for a number, bool, null, alias or comment.
    /// </summary>
    private static Scalar StringScalar(string text)
    {
        var style = YamlScalars.IsSafePlain(text) ? ScalarStyle.Plain
            : !YamlScalars.LooksLikeNonString(text) && YamlScalars.SuitsLiteralBlock(text) ? ScalarStyle.Literal
            : ScalarStyle.DoubleQuoted;
        return new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true);
    }
}
