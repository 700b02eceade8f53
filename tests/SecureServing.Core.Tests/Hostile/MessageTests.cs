using System.Text.RegularExpressions;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Docs;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// Every message can be followed by someone who has only the repository and the internet: reasons cite public pages
/// or upstream issues (never the design documents the platform was built from), fixes name documentation sections
/// (README.md, docs/*.md) that exist, missing keys are told to go under <c>config:</c>, and file-level findings carry a key path and a line.
/// </summary>
public sealed partial class MessageTests
{
    [GeneratedRegex(@"https://[a-z0-9.-]+\.[a-z]+/|\b[a-z0-9-]+/[a-z0-9.-]+#[0-9]+\b")]
    private static partial Regex PublicSource();

    /// <summary>A reference to sections of a documentation file: <c>docs/configuration.md, section "Team files"</c>.</summary>
    [GeneratedRegex(@"\b(README|docs/[a-z0-9-]+\.md),? sections? ([^.;]*)")]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"\\?""([^""\\]+)\\?""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?i)\bseeds?\s+0[0-9][0-9]\b|\(seeds?\)|seed 0|citing the seed|with the seed")]
    private static partial Regex SeedCitation();

    /// <summary>Every check this test can run, run once: the shipped stacks, the corpus and every rule case's bad config.</summary>
    private static readonly Lazy<IReadOnlyList<CheckReport>> AllReports = new(() => [.. Reports()]);

    private static IEnumerable<CheckReport> Reports()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            using var repo = TempRepo.Shipped(stack);
            yield return repo.Check(stack);
        }

        foreach (var dir in Directory.EnumerateDirectories(CorpusTests.CorpusRoot()))
        {
            yield return StackCheck.Run(dir, CorpusStack(dir));
        }

        foreach (var c in RuleCases.All)
        {
            using var repo = TempRepo.Shipped(c.Stack);
            foreach (var e in c.Bad)
            {
                repo.Edit(e.File, e.Find, e.Replace);
            }

            yield return repo.Check(c.Stack);
        }
    }

    [Fact]
    public void No_check_output_mentions_a_seed()
    {
        var offending = AllReports.Value.SelectMany(r => r.Findings)
            .Where(f => (f.Message + f.Fix + f.KeyPath).Contains("seed", StringComparison.OrdinalIgnoreCase))
            .Select(f => $"{f.RuleId}: {f.Message}")
            .Distinct()
            .ToList();

        Assert.Empty(offending);
        Assert.DoesNotContain(RuleCatalog.All, r => (r.Refuses + r.Why + r.Fix + r.GuardrailTableRow).Contains("seed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_rule_from_an_upstream_source_cites_it()
    {
        var uncited = RuleCatalog.All.Where(r => r.Seed is not null && !PublicSource().IsMatch(r.Why)).Select(r => r.Id).ToList();

        Assert.Empty(uncited);
    }

    [Fact]
    public void Documentation_and_shipped_files_cite_no_seed()
    {
        var root = TempRepo.RepoRoot();
        var files = MarkdownFile.DocumentationFiles(root)
            .Concat(Directory.EnumerateFiles(root, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "stacks"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));

        var offending = files
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (f, i + 1, line)))
            .Where(l => SeedCitation().IsMatch(l.line))
            .Select(l => $"{l.f}:{l.Item2}")
            .ToList();

        Assert.Empty(offending);
    }

    /// <summary>XML docs and comments are read by whoever changes the code, who has no design documents either.</summary>
    [Fact]
    public void Code_comments_cite_no_seed()
    {
        var root = TempRepo.RepoRoot();
        var files = new[] { "components", "infra" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();

        var offending = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => SeedCitation().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(files.Count > 100, $"the scan found the sources ({files.Count} files)");
        Assert.True(offending.Count == 0, "Cite the public page (title and address) or upstream issue (repo#number) instead:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Every_referenced_documentation_section_exists()
    {
        var root = TempRepo.RepoRoot();
        var headings = MarkdownFile.LoadAll(root).ToDictionary(d => d.RelativePath, d => d.Headings.Select(h => h.Text).ToList(), StringComparer.Ordinal);
        var texts = RuleCatalog.All.SelectMany(r => new[] { r.Refuses, r.Why, r.Fix })
            .Concat(AllReports.Value.SelectMany(r => r.Findings).SelectMany(f => new[] { f.Message, f.Fix }))
            .Concat(Directory.EnumerateFiles(root, "Pulumi.*.yaml").Concat(Directory.EnumerateFiles(Path.Combine(root, "stacks"), "*.yaml", SearchOption.AllDirectories)).Select(File.ReadAllText))
            .Concat(new[] { "components", "infra" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories)).Select(File.ReadAllText))
            .Distinct()
            .ToList();

        var references = texts.SelectMany(t => SectionReference().Matches(t))
            .SelectMany(m => Quoted().Matches(m.Groups[2].Value).Select(q => (File: m.Groups[1].Value == "README" ? "README.md" : m.Groups[1].Value, Section: q.Groups[1].Value)))
            .Distinct()
            .ToList();
        var missing = references
            .Where(r => !headings.TryGetValue(r.File, out var names) || !names.Any(h => h == r.Section || h.StartsWith(r.Section + " (", StringComparison.Ordinal)))
            .Select(r => $"{r.File}: \"{r.Section}\"")
            .ToList();

        Assert.NotEmpty(references);
        Assert.Empty(missing);
        Assert.DoesNotContain(texts, t => t.Contains("configuration reference", StringComparison.OrdinalIgnoreCase) || t.Contains("the file's top level", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pulumi.dev.yaml", "  secure-serving:deploymentName: ss-dev\n", "under `config:` in `Pulumi.dev.yaml`")]
    [InlineData("stacks/dev/fraud.yaml", "namespace: fraud-models\n", "at the top level of `stacks/dev/fraud.yaml`")]
    public void Missing_key_is_told_where_it_goes(string file, string line, string where)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(file, line, "");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "missing-key");

        Assert.Contains(where, finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void File_level_findings_carry_a_key_path_and_a_line()
    {
        foreach (var dir in Directory.EnumerateDirectories(CorpusTests.CorpusRoot()))
        {
            foreach (var f in StackCheck.Run(dir, CorpusStack(dir)).Findings)
            {
                Assert.False(string.IsNullOrEmpty(f.KeyPath), $"{f.RuleId} in {f.File} has no key path");
                if (f.KeyPath == KeyPaths.File && File.Exists(Path.Combine(dir, f.File)))
                {
                    Assert.True(f.Line is > 0, $"{f.RuleId} in {Path.GetFileName(dir)}/{f.File} has no line");
                }
            }
        }
    }

    private static string CorpusStack(string dir) =>
        File.ReadLines(Path.Combine(dir, "expect.txt")).First(l => l.StartsWith("stack:", StringComparison.Ordinal))["stack:".Length..].Trim();
}
