using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Contract;

/// <summary>Structure-aware edits of a YAML file: find every value position and put another node there.</summary>
internal static class YamlTree
{
    public static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    public static string Write(YamlNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The value positions (map values and list items, depth first) of <paramref name="root"/>, with their key paths.</summary>
    public static IReadOnlyList<Slot> Slots(YamlNode root) => [.. Walk(root, "")];

    public static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    private static IEnumerable<Slot> Walk(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    var child = Validation.KeyPaths.Child(path, key is YamlScalarNode { Value: { } name } ? name : "?");
                    yield return new Slot(map, key, child);
                    foreach (var inner in Walk(value, child))
                    {
                        yield return inner;
                    }
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var item = Validation.KeyPaths.Item(path, i);
                    yield return new Slot(seq, i, item);
                    foreach (var inner in Walk(seq.Children[i], item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>One value position: a map's value under a key, or a list's item at an index.</summary>
    public sealed record Slot(YamlNode Parent, object Key, string Path)
    {
        public YamlNode Value
        {
            get => Parent is YamlMappingNode map ? map.Children[(YamlNode)Key] : ((YamlSequenceNode)Parent).Children[(int)Key];
            set
            {
                if (Parent is YamlMappingNode map)
                {
                    map.Children[(YamlNode)Key] = value;
                }
                else
                {
                    ((YamlSequenceNode)Parent).Children[(int)Key] = value;
                }
            }
        }

        /// <summary>Runs <paramref name="action"/> with <paramref name="replacement"/> in this position, then puts the original back.</summary>
        public T With<T>(YamlNode replacement, Func<T> action)
        {
            var original = Value;
            Value = replacement;
            try
            {
                return action();
            }
            finally
            {
                Value = original;
            }
        }
    }
}
