using SecureServing.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// The explicit limits every stack and team file is held to, checked on YamlDotNet's event stream (which does not
/// recurse) before a node tree is built: YamlDotNet's representation model and every walk over it recurse, and an
/// alias stands for its whole anchored node, so a file past these limits could overflow the stack or expand
/// exponentially ("billion laughs"). Shipped files stay far below them (depth 6, about 200 nodes, no aliases).
/// The same pass refuses what the tree would hide: a second document, and one key written twice in one map under
/// different tags or quotes (<c>!!str authorization</c> after <c>authorization</c>).
/// </summary>
internal static class YamlLimits
{
    /// <summary>Largest file read, in bytes (1 MiB: a team with a thousand models is about 150 KB).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most aliases (<c>*name</c>) in one file.</summary>
    public const int MaxAliases = 100;

    /// <summary>Most nodes in one file, each alias counted as the nodes of the node it stands for.</summary>
    public const int MaxNodes = 100_000;

    private sealed class Open(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long Nodes { get; set; } = 1;

        public bool NextIsKey { get; set; } = true;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the whole event stream of <paramref name="text"/>; the first limit passed (or duplicate key, or second
    /// document) becomes a finding at its line and the result is false. YAML syntax errors propagate as
    /// <see cref="YamlException"/>.
    /// </summary>
    public static bool Accept(string text, LoadContext ctx)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Open>();
        var anchors = new Dictionary<string, (long Nodes, string? Scalar)>(StringComparer.Ordinal);
        long nodes = 0;
        var aliases = 0;
        var documents = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            var line = LoadContext.LineOf(e.Start);
            switch (e)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        return Refuse(ctx, RuleCatalog.YamlMultipleDocuments, line,
                            $"`{ctx.File}` has a second YAML document (`---`) at line {line}; only one document is read, so everything after it would be ignored.",
                            "Remove the `---` line and merge the settings into the first document.");
                    }

                    break;
                case Scalar s:
                    if (!Key(open, s.Value, ctx, line))
                    {
                        return false;
                    }

                    if (!s.Anchor.IsEmpty)
                    {
                        anchors[s.Anchor.Value] = (1, s.Value);
                    }

                    if (!Count(open, 1, ref nodes, ctx, line))
                    {
                        return false;
                    }

                    break;
                case AnchorAlias a:
                    if (++aliases > MaxAliases)
                    {
                        return Refuse(ctx, RuleCatalog.YamlAliasLimit, line,
                            $"`{ctx.File}` has more than {MaxAliases} aliases (`*name`); the {MaxAliases + 1}st is at line {line}.",
                            "Write the values out instead of repeating them with aliases.");
                    }

                    if (!anchors.TryGetValue(a.Value.Value, out var target))
                    {
                        return open.Any(o => o.Anchor == a.Value.Value)
                            ? Refuse(ctx, RuleCatalog.YamlAliasLimit, line,
                                $"`{ctx.File}` line {line}: alias `*{a.Value.Value}` is inside the node it refers to, so it would repeat itself forever.",
                                $"Remove `*{a.Value.Value}` or the anchor `&{a.Value.Value}`.")
                            : Refuse(ctx, RuleCatalog.YamlSyntax, line, $"`{ctx.File}` line {line}: alias `*{a.Value.Value}` refers to no anchor before it.");
                    }

                    if (!Key(open, target.Scalar, ctx, line) || !Count(open, target.Nodes, ref nodes, ctx, line))
                    {
                        return false;
                    }

                    break;
                case MappingStart or SequenceStart:
                    var node = (NodeEvent)e;
                    if (!Key(open, null, ctx, line) || !Count(open, 1, ref nodes, ctx, line))
                    {
                        return false;
                    }

                    open.Push(new Open(e is MappingStart, node.Anchor.IsEmpty ? null : node.Anchor.Value));
                    if (open.Count > MaxDepth)
                    {
                        return Refuse(ctx, RuleCatalog.YamlTooDeep, line,
                            $"`{ctx.File}` nests maps and lists more than {MaxDepth} deep (at line {line}).",
                            "Flatten the structure; no setting nests more than a few levels.");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    var closed = open.Pop();
                    if (closed.Anchor is { } name)
                    {
                        anchors[name] = (closed.Nodes, null);
                    }

                    if (open.TryPeek(out var parent))
                    {
                        parent.Nodes = Math.Min(parent.Nodes + closed.Nodes - 1, MaxNodes + 1L);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Adds <paramref name="count"/> nodes (an alias counts as its whole target) to the file and the open collections.</summary>
    private static bool Count(Stack<Open> open, long count, ref long nodes, LoadContext ctx, int line)
    {
        nodes += count;
        if (open.TryPeek(out var parent))
        {
            parent.Nodes = Math.Min(parent.Nodes + count, MaxNodes + 1L);
        }

        return nodes <= MaxNodes || Refuse(ctx, RuleCatalog.YamlTooManyNodes, line,
            $"`{ctx.File}` has more than {MaxNodes} nodes once its aliases are expanded (passed at line {line}).",
            "Remove the aliases that repeat large nodes; write the values out.");
    }

    /// <summary>
    /// When the innermost open collection is a map expecting a key, records it (a scalar key by its value, whatever
    /// its tag or quotes; a map or list key by nothing) and refuses a repeat.
    /// </summary>
    private static bool Key(Stack<Open> open, string? scalarKey, LoadContext ctx, int line)
    {
        if (!open.TryPeek(out var map) || !map.IsMapping)
        {
            return true;
        }

        var isKey = map.NextIsKey;
        map.NextIsKey = !isKey;
        if (!isKey || scalarKey is null)
        {
            return true;
        }

        if (map.Keys.TryGetValue(scalarKey, out var first))
        {
            return Refuse(ctx, RuleCatalog.YamlSyntax, line,
                $"`{ctx.File}` line {line}: key `{scalarKey}` is written twice in one map (first at line {first}; tags and quotes do not make it another key).",
                "Keep one of the two entries.");
        }

        map.Keys[scalarKey] = line;
        return true;
    }

    private static bool Refuse(LoadContext ctx, Rule rule, int line, string message, string? fix = null)
    {
        ctx.Sink.Add(rule, ctx.File, KeyPaths.File, line, message, fix);
        return false;
    }
}
