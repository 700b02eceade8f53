using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// Reads one YAML map with typed accessors. Every mistake becomes a finding (never an exception), every key read
/// is remembered, and <see cref="Finish"/> reports keys nobody asked for, with a did-you-mean suggestion.
/// A map read with its declaration (<see cref="Shape"/>, from <c>Config/Contract</c>) takes its known keys, retired keys
/// and enum spellings from there; reading a key the declaration lacks is a loader bug and throws.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private YamlMap(YamlMappingNode node, string path, LoadContext ctx, MapKey? shape, string? where)
    {
        Node = node;
        Path = path;
        Ctx = ctx;
        Shape = shape;
        Where = where ?? (path.Length == 0 ? $"at the top level of `{ctx.File}`" : $"under `{path}`");
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar)
            {
                _entries[name] = (scalar, value);
                ctx.Sources.Record(ctx.File, KeyPaths.Child(path, name), LoadContext.LineOf(scalar));
            }
            else
            {
                ctx.Report(RuleCatalog.WrongType, path, key, $"`{path}` has a key that is {LoadContext.Describe(key)}; keys must be plain names.");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public LoadContext Ctx { get; }

    /// <summary>The map's declaration in the config contract, when it has one.</summary>
    public MapKey? Shape { get; }

    /// <summary>Where a missing key of this map goes, for fix texts: "under `config:` in `Pulumi.dev.yaml`", "under `secure-serving:network`".</summary>
    public string Where { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>Wraps <paramref name="node"/> when it is a map; otherwise reports wrong-type and returns null.</summary>
    public static YamlMap? Of(YamlNode node, string path, LoadContext ctx, string what = "a map", MapKey? shape = null, string? where = null)
    {
        if (node is YamlMappingNode m && !LoadContext.IsSecret(node))
        {
            return new YamlMap(m, path, ctx, shape, where);
        }

        ctx.Report(RuleCatalog.WrongType, path, node, $"`{path}` must be {what}, not {LoadContext.Describe(node)}.");
        return null;
    }

    public string Child(string key) => KeyPaths.Child(Path, key);

    /// <summary>True when the key is written with a non-null value.</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var e) && !LoadContext.IsNull(e.Value);

    /// <summary>True when the key is written with a value other than an empty list (items that are then dropped still count).</summary>
    public bool WrittenNonEmpty(string key) => Value(key) is { } node && node is not YamlSequenceNode { Children.Count: 0 };

    /// <summary>The key's value node (null when absent or YAML null); marks the key as known.</summary>
    public YamlNode? Value(string key)
    {
        if (Shape is not null && Shape.Find(key) is null)
        {
            throw new InvalidOperationException($"The loader reads `{Child(key)}`, which the config contract does not declare; declare it in `{Shape.Name}` (Config/Contract).");
        }

        _known.Add(key);
        return _entries.TryGetValue(key, out var e) && !LoadContext.IsNull(e.Value) ? e.Value : null;
    }

    /// <summary>Marks keys as known without reading them (read elsewhere).</summary>
    public void Allow(params IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _known.Add(key);
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is YamlScalarNode s)
        {
            // An empty or blank string ("", '  ') is no value: reported, and the key counts as absent.
            if (string.IsNullOrWhiteSpace(s.Value))
            {
                Empty(Child(key), node, required ? null : key);
                return null;
            }

            return s.Value;
        }

        WrongType(key, node, "a text value");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        // Exactly true/True/TRUE or false/False/FALSE (the config contract's spellings): bool.TryParse would also take " true" and "false\n".
        if (node is YamlScalarNode s && Scalars.TryBool(s.Value, out var b))
        {
            return b;
        }

        WrongType(key, node, "`true` or `false`");
        return null;
    }

    public int? Int(string key)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode s && Scalars.TryCount(s.Value, out var i))
        {
            return i;
        }

        WrongType(key, node, "a whole number");
        return null;
    }

    /// <summary>One of the declared spellings (exact, case-sensitive); anything else is reported with the key's rule.</summary>
    public T? Enum<T>(ChoiceKey<T> choice)
        where T : struct
    {
        var key = choice.Name;
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in choice.Options)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        NotAllowed(Child(key), Value(key), text, choice.Spellings, $"Set `{key}` to");
        return null;
    }

    /// <summary>A list of declared spellings (exact; absent: null); each item outside the set is invalid-value; duplicates are dropped.</summary>
    public IReadOnlyList<T>? EnumList<T>(string key, IReadOnlyList<(string Spelling, T Value)> options)
        where T : struct
    {
        if (StringItems(key) is not { } items)
        {
            return null;
        }

        var result = new List<T>();
        foreach (var (text, path, node) in items)
        {
            if (options.Where(o => string.Equals(o.Spelling, text, StringComparison.Ordinal)).Select(o => (T?)o.Value).FirstOrDefault() is not { } value)
            {
                NotAllowed(path, node, text, [.. options.Select(o => o.Spelling)], "Use");
            }
            else if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>A text outside the declared spellings: invalid-value naming them, with a did-you-mean.</summary>
    private void NotAllowed(string path, YamlNode? node, string text, IReadOnlyList<string> names, string fixVerb) =>
        Ctx.Report(RuleCatalog.InvalidValue, path, node,
            $"`{path}` is `{text}`; allowed: {string.Join(", ", names.Select(n => $"`{n}`"))}.{DidYouMean.Hint(text, names)}",
            $"{fixVerb} one of {string.Join(", ", names)}.");

    public YamlMap? Map(string key, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return Of(node, Child(key), Ctx, shape: Shape?.Find(key) as MapKey);
    }

    /// <summary>The items of a list with their key paths; a non-list is wrong-type (and yields nothing).</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Items(string key)
    {
        var node = Value(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            WrongType(key, node, "a list");
            return [];
        }

        var items = new List<(YamlNode, string)>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = KeyPaths.Item(Child(key), i);
            Ctx.Sources.Record(Ctx.File, path, LoadContext.LineOf(seq.Children[i]));
            items.Add((seq.Children[i], path));
        }

        return items;
    }

    /// <summary>A list of text values (absent: null, so callers can tell absent from empty).</summary>
    public IReadOnlyList<string>? Strings(string key) => StringItems(key)?.Select(i => i.Value).ToList();

    /// <summary>
    /// A list of text values with each item's key path and node (absent: null). Null, blank and non-text items are
    /// reported and dropped; the kept items' paths are recorded, so findings about the i-th value name the item as written.
    /// </summary>
    public IReadOnlyList<(string Value, string Path, YamlNode Node)>? StringItems(string key)
    {
        if (Value(key) is null)
        {
            return null;
        }

        var result = new List<(string Value, string Path, YamlNode Node)>();
        foreach (var (node, path) in Items(key))
        {
            if (node is YamlScalarNode s && string.IsNullOrWhiteSpace(s.Value) && !LoadContext.IsNull(node))
            {
                Empty(path, node, null);
            }
            else if (node is YamlScalarNode s2 && !LoadContext.IsNull(node))
            {
                result.Add((s2.Value ?? "", path, node));
            }
            else
            {
                Ctx.Report(RuleCatalog.WrongType, path, node, $"`{path}` must be a text value, not {LoadContext.Describe(node)}.");
            }
        }

        Kept(key, [.. result.Select(i => i.Path)]);
        return result;
    }

    /// <summary>Records which items of the list <paramref name="key"/> the reader kept (their paths, in order); see <see cref="SourceMap.Item"/>.</summary>
    public void Kept(string key, IReadOnlyList<string> itemPaths) => Ctx.Sources.RecordKept(Ctx.File, Child(key), itemPaths);

    /// <summary>The key path of the <paramref name="index"/>-th value the reader kept from the list <paramref name="key"/>.</summary>
    public string ItemPath(string key, int index) => Ctx.Sources.Item(Ctx.File, Child(key), index);

    /// <summary>
    /// A value that must be a Pulumi secret. Returns its location (never its ciphertext). A value written in any other
    /// form yields null with <paramref name="writtenNotSecret"/> set: plaintext is reported by the secret-in-clear
    /// scan, other shapes here as wrong-type.
    /// </summary>
    public SecretRef? Secret(string key, string configKey, string pathInKey, out bool writtenNotSecret)
    {
        writtenNotSecret = false;
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (LoadContext.IsSecret(node))
        {
            if (string.IsNullOrWhiteSpace(((YamlScalarNode)((YamlMappingNode)node).Children.Values.First()).Value))
            {
                writtenNotSecret = true;
                Ctx.Report(RuleCatalog.MissingKey, Child(key), node, $"`{Child(key)}` is a Pulumi secret with no ciphertext (`secure: \"\"`).",
                    $"Run `pulumi config set --secret --path '{configKey}.{pathInKey}'` to store the value.");
                return null;
            }

            return new SecretRef(configKey, pathInKey);
        }

        writtenNotSecret = true;
        if (node is not YamlScalarNode)
        {
            WrongType(key, node, "a Pulumi secret (`secure: <ciphertext>`)");
        }

        return null;
    }

    /// <summary>Reports every key not read, not allowed: retired keys with their own rule, others with a suggestion.</summary>
    public void Finish(IReadOnlyDictionary<string, (Rule Rule, string Message)>? retired = null)
    {
        retired ??= Shape?.Retired;
        IEnumerable<string> known = Shape is null ? _known : [.. Shape.Keys.Select(k => k.Name), .. _known.Where(k => Shape.Find(k) is null)];
        foreach (var (name, (keyNode, _)) in _entries)
        {
            if (_known.Contains(name))
            {
                continue;
            }

            var path = Child(name);
            if (Shape?.Find(name) is not null)
            {
                throw new InvalidOperationException($"`{path}` is declared in the config contract (`{Shape.Name}`) but the loader never read it.");
            }

            if (retired is not null && retired.TryGetValue(name, out var r))
            {
                Ctx.Report(r.Rule, path, keyNode, $"`{path}`: {r.Message}");
                continue;
            }

            Ctx.Report(RuleCatalog.UnknownKey, path, keyNode,
                $"`{path}` is not a known key.{DidYouMean.Hint(name, known)}",
                DidYouMean.Suggest(name, known) is { } s ? $"Rename `{name}` to `{s}`." : $"Remove `{name}`; known keys here: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <summary>An empty string: missing-key when required (<paramref name="optionalKey"/> null), else invalid-value.</summary>
    private void Empty(string path, YamlNode node, string? optionalKey)
    {
        if (optionalKey is null)
        {
            Ctx.Report(RuleCatalog.MissingKey, path, node, $"`{path}` is empty.", $"Give `{path}` a value.");
        }
        else
        {
            Ctx.Report(RuleCatalog.InvalidValue, path, node, $"`{path}` is empty.", $"Give `{optionalKey}` a value, or remove it to use the default.");
        }
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    private void Missing(string key) =>
        Ctx.Report(RuleCatalog.MissingKey, Child(key), _entries.TryGetValue(key, out var e) ? e.Key : null,
            $"`{Child(key)}` is required.", $"Add `{key}` {Where}.");

    private void WrongType(string key, YamlNode node, string expected)
    {
        var extra = LoadContext.IsSecret(node) ? " Only secret-holding keys (such as `iap.oauthClient.clientSecret`) may be Pulumi secrets." : "";
        Ctx.Report(RuleCatalog.WrongType, Child(key), node, $"`{Child(key)}` must be {expected}, not {LoadContext.Describe(node)}.{extra}");
    }
}
