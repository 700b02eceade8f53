namespace SecureServing.Core.Validation;

/// <summary>Where each key path of each loaded file is (1-based line), so findings can point at it.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<(string File, string Path), int> _lines = [];

    internal void Record(string file, string keyPath, int line) => _lines.TryAdd((file, keyPath), line);

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
