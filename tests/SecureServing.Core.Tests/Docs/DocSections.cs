using System.Text;
using System.Text.RegularExpressions;
using SecureServing.Core.Tests.Rendering;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// Generated sections of the documentation: the lines between <c>&lt;!-- BEGIN name --&gt;</c> and
/// <c>&lt;!-- END name --&gt;</c> in README.md or docs/*.md are what the code generates. A stale section fails with a
/// diff of the section; <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1</c> rewrites it instead, except under CI, where the switch
/// fails the test (<see cref="SnapshotUpdate"/>, the one switch of snapshots and generated files). Shared by the core
/// and the CLI tests (the CLI's option and exit-code tables).
/// </summary>
internal static partial class DocSections
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The names of the generated sections of one file's text, in order.</summary>
    public static IReadOnlyList<string> Names(string text) => [.. Begin().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Generated sections (file, name) as theory data, one test case each.</summary>
    public static TheoryData<string, string> Data(IEnumerable<(string File, string Name)> sections)
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, name) in sections)
        {
            data.Add(file, name);
        }

        return data;
    }

    /// <summary>
    /// Asserts that the sections marked in README.md and docs/*.md whose names <paramref name="owned"/> accepts are
    /// exactly <paramref name="sections"/>: no marked section lacks a generator, no generator lacks its section.
    /// </summary>
    public static void AssertMarkedSectionsAre(string root, IEnumerable<(string File, string Name)> sections, Func<string, bool> owned)
    {
        var marked = MarkdownFile.LoadAll(root)
            .SelectMany(d => Names(d.Text).Where(owned).Select(n => (d.RelativePath, n)))
            .ToList();

        Assert.Equal(sections.Order(), marked.Order());
    }

    /// <summary>A Markdown table: the header row, the separator, one line per row.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        $"| {string.Join(" | ", header)} |\n|{string.Concat(header.Select(_ => "---|"))}\n"
        + string.Concat(rows.Select(r => $"| {string.Join(" | ", r)} |\n"));

    /// <summary>Plain text as Markdown: no HTML tags, no emphasis, no table cell breaks.</summary>
    public static string PlainText(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Asserts that section <paramref name="name"/> of <paramref name="relative"/> is <paramref name="generated"/>.</summary>
    /// <param name="updateCommand">The command that regenerates the section, for the failure message.</param>
    public static void AssertFresh(string root, string relative, string name, string generated, string updateCommand)
    {
        var path = Path.Combine(root, relative);
        var text = File.ReadAllText(path, Utf8NoBom);
        var begin = $"<!-- BEGIN {name} -->\n";
        var end = $"<!-- END {name} -->";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = start < 0 ? -1 : text.IndexOf(end, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop >= 0, $"{relative} has no `{begin.TrimEnd()}` ... `{end}` section.");
        var current = text[(start + begin.Length)..stop];
        if (SnapshotUpdate.Requested() && current != generated)
        {
            File.WriteAllText(path, text[..(start + begin.Length)] + generated + text[stop..], Utf8NoBom);
            current = generated;
        }

        Assert.True(current == generated,
            $"{relative} (section {name}) is not what the code generates now:\n{Diff(current, generated)}\n"
            + $"If the change is intended, regenerate it and commit the diff:\n  {SnapshotUpdate.Variable}=1 {updateCommand}");
    }

    /// <summary>
    /// The lines that differ, as a unified diff without context (<c>-</c> in the file, <c>+</c> generated), at most
    /// <paramref name="limit"/> lines, each with its line number in the section.
    /// </summary>
    public static string Diff(string current, string generated, int limit = 40)
    {
        var a = current.Split('\n');
        var b = generated.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add($"-{x + 1,4}: {a[x++]}");
            }
            else
            {
                lines.Add($"+{y + 1,4}: {b[y++]}");
            }
        }

        return string.Join("\n", lines.Take(limit)) + (lines.Count > limit ? $"\n  ... and {lines.Count - limit} more changed lines" : "");
    }

    [GeneratedRegex(@"^<!-- BEGIN ([a-z0-9-]+) -->$", RegexOptions.Multiline)]
    private static partial Regex Begin();
}
