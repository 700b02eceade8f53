using System.Text;
using System.Text.RegularExpressions;

namespace SecureServing.Core.Tests.Docs;

/// <summary>A heading: its level, its text as written, the anchor GitHub gives it, and its line (1-based).</summary>
internal sealed record MarkdownHeading(int Level, string Text, string Anchor, int Line);

/// <summary>An inline link <c>[text](target)</c> outside code, with its line (1-based).</summary>
internal sealed record MarkdownLink(string Target, int Line);

/// <summary>A fenced code block: its info string (<c>sh example</c>), its text, and the line of its opening fence.</summary>
internal sealed record FencedBlock(string Info, string Text, int Line)
{
    /// <summary>The words of the info string after the language (<c>example</c> in <c>sh example</c>).</summary>
    public IReadOnlyList<string> Tags => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

    public string Language => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}

/// <summary>
/// The parts of a repository Markdown file (README.md, docs/*.md) that tests read: headings (and their GitHub
/// anchors), relative links, and fenced code blocks. Lines inside fenced blocks are never headings or links, so a
/// <c># comment</c> in a shell example is not a section.
/// </summary>
internal sealed partial class MarkdownFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private int fenceIndent;

    private MarkdownFile(string relative, string text)
    {
        RelativePath = relative.Replace('\\', '/');
        Text = text;
        Parse(text.Split('\n'));
    }

    /// <summary>The path from the repository root, with <c>/</c> (<c>docs/configuration.md</c>).</summary>
    public string RelativePath { get; }

    public string Text { get; }

    public List<MarkdownHeading> Headings { get; } = [];

    public List<MarkdownLink> Links { get; } = [];

    public List<FencedBlock> Blocks { get; } = [];

    /// <summary>README.md and every file under docs/, README first.</summary>
    public static IReadOnlyList<string> DocumentationFiles(string root)
    {
        var docs = Path.Combine(root, "docs");
        return
        [
            "README.md",
            .. (Directory.Exists(docs) ? Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories) : [])
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];
    }

    public static MarkdownFile Load(string root, string relative) =>
        new(relative, File.ReadAllText(Path.Combine(root, relative), Utf8NoBom));

    public static IReadOnlyList<MarkdownFile> LoadAll(string root) => [.. DocumentationFiles(root).Select(f => Load(root, f))];

    /// <summary>
    /// The anchor GitHub gives a heading: the text without Markdown markup, lower-cased, every character that is not a
    /// letter, digit, space, hyphen or underscore removed, spaces turned into hyphens.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "$1").Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private void Parse(string[] lines)
    {
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        string? fence = null;
        var fenceInfo = "";
        var fenceLine = 0;
        var body = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0)
                {
                    Blocks.Add(new FencedBlock(fenceInfo, body.ToString(), fenceLine));
                    fence = null;
                    body.Clear();
                }
                else
                {
                    // Blocks indented under a list item keep their text relative to the fence.
                    var indent = line.Length - trimmed.Length;
                    body.Append(indent >= fenceIndent ? line[fenceIndent..] : trimmed).Append('\n');
                }

                continue;
            }

            var opening = Fence().Match(trimmed);
            if (opening.Success)
            {
                fence = opening.Groups[1].Value;
                fenceInfo = opening.Groups[2].Value.Trim();
                fenceLine = i + 1;
                fenceIndent = line.Length - trimmed.Length;
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var text = heading.Groups[2].Value.Trim();
                var slug = Slug(text);
                var anchor = anchors.TryGetValue(slug, out var seen) ? $"{slug}-{seen}" : slug;
                anchors[slug] = seen + 1;
                Headings.Add(new MarkdownHeading(heading.Groups[1].Length, text, anchor, i + 1));
                continue;
            }

            foreach (Match link in InlineLink().Matches(CodeSpan().Replace(line, "")))
            {
                Links.Add(new MarkdownLink(link.Groups[2].Value, i + 1));
            }
        }
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})(.*)\z")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(#{1,6}) (.+)\z")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();
}
