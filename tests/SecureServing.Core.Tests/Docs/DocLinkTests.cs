using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// The README and docs/*.md link to each other and to files of the repository: every relative link must name a file or
/// folder that exists, and every <c>#anchor</c> a heading of the file it points to (as GitHub names headings).
/// </summary>
public sealed class DocLinkTests
{
    private static readonly string Root = TempRepo.RepoRoot();

    [Fact]
    public void Every_relative_link_and_anchor_resolves()
    {
        var docs = MarkdownFile.LoadAll(Root);
        var byPath = docs.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);

        var broken = docs.SelectMany(doc => doc.Links.Select(link => (doc, link, problem: Problem(doc, link.Target, byPath))))
            .Where(x => x.problem is not null)
            .Select(x => $"{x.doc.RelativePath}:{x.link.Line}: ({x.link.Target}) {x.problem}")
            .ToList();

        Assert.NotEmpty(docs.SelectMany(d => d.Links));
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_readme_links_every_docs_file()
    {
        var readme = MarkdownFile.Load(Root, "README.md");
        var linked = readme.Links.Select(l => l.Target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var docs = MarkdownFile.DocumentationFiles(Root).Skip(1).ToList();
        Assert.True(docs.Count >= 16, $"only {docs.Count} files under docs/: moved, or the wrong root ({Root})?");
        var unlinked = docs.Where(f => !linked.Contains(f)).ToList();

        Assert.Empty(unlinked);
    }

    [Theory]
    [InlineData("Stack file reference (`Pulumi.<stack>.yaml`, under `config:`)", "stack-file-reference-pulumistackyaml-under-config")]
    [InlineData("What `pulumi up` creates, and in which order", "what-pulumi-up-creates-and-in-which-order")]
    [InlineData("Calling models: `predict` and `health`", "calling-models-predict-and-health")]
    [InlineData("Webhook ports (control plane → nodes)", "webhook-ports-control-plane--nodes")]
    [InlineData("`protect`", "protect")]
    public void Anchors_are_named_as_github_names_them(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownFile.Slug(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor_and_code_comments_are_no_headings()
    {
        var dir = Directory.CreateTempSubdirectory("ss-docs-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.md"), "# A\n\n## Exit codes\n\n```sh\n# not a heading\n```\n\n## Exit codes\n\n[x](#exit-codes-1) [y](#not-a-heading)\n");

        var doc = MarkdownFile.Load(dir, "a.md");

        Assert.Equal(["a", "exit-codes", "exit-codes-1"], doc.Headings.Select(h => h.Anchor));
        Assert.Null(Problem(doc, "#exit-codes-1", new Dictionary<string, MarkdownFile> { ["a.md"] = doc }, dir));
        Assert.Equal("no heading has the anchor #not-a-heading", Problem(doc, "#not-a-heading", new Dictionary<string, MarkdownFile> { ["a.md"] = doc }, dir));
        Assert.Equal("b.md does not exist", Problem(doc, "b.md", new Dictionary<string, MarkdownFile> { ["a.md"] = doc }, dir));
    }

    /// <summary>What is wrong with a link, or null when it resolves. Links with a scheme (https:, mailto:) are not checked here.</summary>
    private static string? Problem(MarkdownFile doc, string target, IReadOnlyDictionary<string, MarkdownFile> docs, string? root = null)
    {
        root ??= Root;
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var relative = path.Length == 0
            ? doc.RelativePath
            : Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(doc.RelativePath) ?? "", path))).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal))
        {
            return "points outside the repository";
        }

        var full = Path.Combine(root, relative);
        if (!File.Exists(full) && !Directory.Exists(full.TrimEnd('/')))
        {
            return $"{relative} does not exist";
        }

        if (anchor is null)
        {
            return null;
        }

        var linked = docs.TryGetValue(relative, out var known) ? known : relative.EndsWith(".md", StringComparison.Ordinal) ? MarkdownFile.Load(root, relative) : null;
        if (linked is null)
        {
            return $"{relative} is not a Markdown file, so #{anchor} names nothing";
        }

        return linked.Headings.Any(h => h.Anchor == anchor) ? null : $"no heading has the anchor #{anchor}";
    }
}
