namespace SecureServing.Core.Validation;

/// <summary>Where each key path of each loaded file is (1-based line), so findings can point at it.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<(string File, string Path), int> _lines = [];
    private readonly Dictionary<(string File, string Path), IReadOnlyList<string>> _kept = [];

    internal void Record(string file, string keyPath, int line) => _lines.TryAdd((file, keyPath), line);

    /// <summary>
    /// The key paths of the items the loader kept from the list at <paramref name="listPath"/>, in order. The loader drops
    /// items it cannot use (null, blank, wrong type; each reported), so the model's i-th value is not always the i-th item written.
    /// </summary>
    internal void RecordKept(string file, string listPath, IReadOnlyList<string> itemPaths) => _kept[(file, listPath)] = itemPaths;

    /// <summary>The key path of the model's <paramref name="index"/>-th value of the list: the item as written, <c>list[i]</c> for defaults.</summary>
    public string Item(string file, string listPath, int index) =>
        _kept.TryGetValue((file, listPath), out var paths) && index < paths.Count ? paths[index] : KeyPaths.Item(listPath, index);

    /// <summary>True when the key path was written in the file (even with a null value).</summary>
    public bool Has(string file, string keyPath) => _lines.ContainsKey((file, keyPath));

    /// <summary>The line of the key path, or of its nearest written ancestor; null when the file has none of it.</summary>
    public int? Line(string file, string keyPath)
    {
        var path = keyPath;
        while (true)
        {
            if (_lines.TryGetValue((file, path), out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }
}
