namespace SecureServing.Core.Tests.Rendering;

/// <summary>Where two texts first differ, for a snapshot failure message a reviewer can act on.</summary>
internal static class SnapshotDiff
{
    /// <summary>Null when equal; otherwise "line N" with the snapshot's and the render's line (or end of file).</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var line = 0;
        while (line < want.Length && line < got.Length && string.Equals(want[line], got[line], StringComparison.Ordinal))
        {
            line++;
        }

        static string Show(string[] lines, int at) => at < lines.Length ? $"`{lines[at].Replace("\r", "\\r", StringComparison.Ordinal)}`" : "(end of file)";
        return $"first difference at line {line + 1}:\n  snapshot: {Show(want, line)}\n  render:   {Show(got, line)}";
    }
}
