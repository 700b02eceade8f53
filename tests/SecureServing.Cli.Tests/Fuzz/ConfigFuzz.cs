using System.Text;
using CsCheck;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Cli.Tests.Fuzz;

/// <summary>One fuzz input: a shipped stack or team file with a few structure-aware mutations, and the secrets planted in it.</summary>
internal sealed record FuzzInput(string Stack, string File, string Text, IReadOnlyList<string> Planted, string Description)
{
    public override string ToString() => $"{File} ({Description}), {Text.Length} chars";
}

/// <summary>
/// Structure-aware mutation of the shipped stack and team files: parse the YAML tree, put hostile values where values
/// are (huge or multi-line strings, look-alike Unicode, deep or aliased structures, tags, unknown or secret-like keys,
/// secrets in values, in the middle of strings and in comments), write it back as YAML.
/// </summary>
internal static class ConfigFuzz
{
    /// <summary>Text that can be told apart in any output: the random part is what must never be printed.</summary>
    private static readonly Gen<string> Token = Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"], 16, 24];

    private static readonly string[] LookAlikes =
    [
        "ѕtorage.googleapis.com", "fraud‐models", "models.example.com\u200b", "default\n", "fraud-models\n", " restricted", "restricted ",
        "ｒｅｓｔｒｉｃｔｅｄ", "\u202emodels", "RESTRICTED", "True", "yes", "off", "0x10", "010.010.0.0/16", "0.0.0.0/1", "::/0", "-1", "1e9",
        "", "~", "null", "\t", "gs://", "{teamBucket}/../../x", "kube-system", "google-bucket", "goog-team", "a:b", "nodes",
    ];

    private static readonly string[] KeyNames =
    [
        "clientSecret", "password", "token", "aws:secretKey", "brand", "createOAuthClient", "ｅgress", "egress ", "mode\n", "<<", "?", "kubeconfig",
        "secure", "models", "secure-serving:network", "namespace", "x-" + new string('k', 300),
    ];

    /// <summary>A planted secret: the text to write and the part of it that must not appear in any output.</summary>
    private static readonly Gen<(string Text, string Secret)> Secret = Gen.OneOf(
        Token.Select(t => ($"GOCSPX-{t}", t)),
        Token.Select(t => ($"-----BEGIN PRIVATE KEY-----\nMIIEv{t}\n-----END PRIVATE KEY-----\n", t)),
        Token.Select(t => ($"https://admin:{t}@dex.example.com/keys", t)),
        Token.Select(t => ($"AKIA{t.ToUpperInvariant()}", t.ToUpperInvariant())),
        Token.Select(t => ($"prefix GOCSPX-{t} suffix", t)));

    private static readonly Gen<string> HostileText = Gen.OneOf(
        Gen.OneOf(LookAlikes),
        Gen.Int[1_000, 64_000].Select(n => new string('a', n)),
        Gen.String[Gen.Char["ab:-[]{}\"'#&*!|>%@`\n\t \\,"], 0, 40],
        Gen.String[Gen.Char.AlphaNumeric, 1, 30].Select(s => s + "\n" + s),
        Gen.Int[0, int.MaxValue].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private enum Kind { Scalar, Secret, Structure, Alias, Tag, Key, SecretInComment, SecondDocument }

    private sealed record Mutation(Kind Kind, int Slot, string Text, (string Text, string Secret) Planted, int Depth, int Width, bool Quoted);

    /// <summary>
    /// <c>SECURE_SERVING_FUZZ_DEEP=1</c> lifts the nesting and alias bounds to what the loader must survive (100 000 levels,
    /// 10 levels of 10 aliases) and runs each input in a child process, so a stack overflow or a hang is a finding. The
    /// suite keeps the bounds small and runs in-process, thousands of inputs in seconds.
    /// </summary>
    public static readonly bool Deep = Environment.GetEnvironmentVariable("SECURE_SERVING_FUZZ_DEEP") == "1";

    private static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1000], HostileText, Secret, Deep ? Gen.Int[1, 100_000] : Gen.Int[1, 40], Deep ? Gen.Int[1, 9] : Gen.Int[1, 4], Gen.Bool,
            (kind, slot, text, secret, depth, width, quoted) => new Mutation(kind, slot, text, secret, depth, width, quoted));

    /// <summary>One to three mutations of one of the shipped files.</summary>
    public static Gen<FuzzInput> Inputs(IReadOnlyList<(string Stack, string File, string Text)> files) =>
        Gen.Select(Gen.Int[0, files.Count - 1], OneMutation.Array[1, 3], (index, mutations) => Apply(files[index], mutations));

    private static FuzzInput Apply((string Stack, string File, string Text) file, Mutation[] mutations)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(file.Text));
        var root = stream.Documents[0].RootNode;
        var planted = new List<string>();
        var raw = new List<string>();
        var trailer = new StringBuilder();
        var description = new List<string>();
        foreach (var m in mutations)
        {
            var slots = Slots(root).ToList();
            var (parent, key) = slots[m.Slot % slots.Count];
            description.Add($"{m.Kind}@{m.Slot % slots.Count}");
            switch (m.Kind)
            {
                case Kind.Scalar:
                    Set(parent, key, Scalar(m.Text, m.Quoted));
                    break;
                case Kind.Secret:
                    Set(parent, key, Scalar(m.Planted.Text, m.Quoted));
                    planted.Add(m.Planted.Secret);
                    break;
                case Kind.Structure:
                    // Written as flow text after the tree is saved (the emitter would recurse as deep as the nesting).
                    Set(parent, key, Raw(raw, m.Quoted
                        ? string.Concat(Enumerable.Repeat("{k: ", m.Depth)) + "x" + new string('}', m.Depth)
                        : new string('[', m.Depth) + "x" + new string(']', m.Depth)));
                    break;
                case Kind.Alias:
                    // Levels of anchors, each aliasing the one before (width + 1) times: a small "billion laughs"; in deep
                    // mode sometimes an alias inside its own anchor.
                    var levels = Math.Min(m.Depth, Deep ? 10 : 4);
                    var bomb = new StringBuilder("[&l0 [x]");
                    for (var i = 1; i <= levels; i++)
                    {
                        bomb.Append(", &l").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", m.Width + 1))).Append(']');
                    }

                    Set(parent, key, Raw(raw, Deep && m.Quoted ? "&m [x, *m]" : bomb.Append(']').ToString()));
                    break;
                case Kind.Tag:
                    var tagged = Scalar(m.Text.Length > 64 ? m.Text[..64] : m.Text, m.Quoted);
                    tagged.Tag = m.Width switch { 1 => "tag:yaml.org,2002:str", 2 => "tag:yaml.org,2002:int", 3 => "!custom", _ => "tag:yaml.org,2002:binary" };
                    Set(parent, key, tagged);
                    break;
                case Kind.Key:
                    if (parent is YamlMappingNode map && !map.Children.ContainsKey(Scalar(KeyNames[m.Slot % KeyNames.Length], false)))
                    {
                        map.Children[Scalar(KeyNames[m.Slot % KeyNames.Length], false)] = m.Quoted ? Scalar(m.Planted.Text, true) : Scalar(m.Text, false);
                        if (m.Quoted)
                        {
                            planted.Add(m.Planted.Secret);
                        }
                    }

                    break;
                case Kind.SecretInComment:
                    trailer.Append("# ").Append(m.Planted.Text.Replace("\n", "\n# ", StringComparison.Ordinal)).Append('\n');
                    planted.Add(m.Planted.Secret);
                    break;
                case Kind.SecondDocument:
                    trailer.Append("---\nclientSecret: ").Append(m.Planted.Text.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
                    planted.Add(m.Planted.Secret);
                    break;
            }
        }

        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace(RawMarker(i), raw[i], StringComparison.Ordinal);
        }

        if (trailer.Length > 0)
        {
            // YamlDotNet ends the document with "...": comments and a second document go after it.
            text = text.TrimEnd() + "\n" + trailer;
        }

        return new FuzzInput(file.Stack, file.File, text, planted, string.Join(", ", description));
    }

    private static YamlScalarNode Scalar(string text, bool quoted) =>
        new(text) { Style = quoted || text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    /// <summary>A placeholder scalar that <paramref name="text"/> replaces in the written file.</summary>
    private static YamlScalarNode Raw(List<string> raw, string text)
    {
        raw.Add(text);
        return new YamlScalarNode(RawMarker(raw.Count - 1)) { Style = ScalarStyle.Plain };
    }

    private static string RawMarker(int index) => $"fuzz-raw-{index}-marker";

    private static void Set(YamlNode parent, object key, YamlNode value)
    {
        switch (parent)
        {
            case YamlMappingNode map:
                map.Children[(YamlNode)key] = value;
                break;
            case YamlSequenceNode seq:
                seq.Children[(int)key] = value;
                break;
        }
    }

    private static IEnumerable<(YamlNode Parent, object Key)> Slots(YamlNode node)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>([node]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    yield return (map, key);
                    stack.Push(value);
                }
            }
            else if (current is YamlSequenceNode seq)
            {
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    yield return (seq, i);
                    stack.Push(seq.Children[i]);
                }
            }
        }
    }
}
