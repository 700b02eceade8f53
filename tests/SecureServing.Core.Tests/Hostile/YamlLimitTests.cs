using System.Text;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// Files built to crash or hang the loader (deep nesting, self-referencing aliases, alias bombs, huge files) are
/// refused by an explicit limit, reported at the file and line, before any tree is built or walked.
/// </summary>
public sealed class YamlLimitTests
{
    private const string Team = "stacks/dev/fraud.yaml";

    public static TheoryData<string, string, string> Files() => new()
    {
        { "team file", Team, "team: fraud\nnamespace: fraud-models\n" },
        { "stack file", "Pulumi.dev.yaml", "config:\n  gcp:project: acme-ml-dev\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Deep_flow_nesting_is_refused_at_its_line(string what, string file, string head)
    {
        _ = what;
        using var repo = TempRepo.Shipped("dev");
        repo.Write(file, head + "members: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var finding = Single(repo.Check("dev"), "yaml-too-deep", file);

        Assert.Equal(head.Split('\n').Length, finding.Line);
    }

    [Fact]
    public void Deep_block_nesting_is_refused()
    {
        using var repo = TempRepo.Shipped("dev");
        var text = new StringBuilder("team: fraud\nnamespace: fraud-models\nextra:\n");
        for (var i = 1; i <= 200; i++)
        {
            text.Append(' ', i * 2).Append("k:\n");
        }

        repo.Write(Team, text.ToString());

        Single(repo.Check("dev"), "yaml-too-deep", Team);
    }

    [Fact]
    public void Self_referencing_alias_is_refused()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Team, "members:\n  - group:fraud-ml@example.com\n", "members: &m [group:fraud-ml@example.com, *m]\n");

        var finding = Single(repo.Check("dev"), "yaml-alias-limit", Team);

        Assert.Equal(repo.LineOf(Team, "members: &m"), finding.Line);
    }

    [Fact]
    public void Alias_bomb_is_refused_without_expanding_it()
    {
        using var repo = TempRepo.Shipped("dev");
        var text = new StringBuilder("team: fraud\nnamespace: fraud-models\nbomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            text.Append("  a").Append(i).Append(": &a").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        Assert.True(text.Length < 1100, "the bomb is about 1 KB");
        repo.Write(Team, text.ToString());

        Single(repo.Check("dev"), "yaml-too-many-nodes", Team);
    }

    [Fact]
    public void Too_many_aliases_are_refused()
    {
        using var repo = TempRepo.Shipped("dev");
        var aliases = string.Join(", ", Enumerable.Repeat("*g", 101));
        repo.Edit(Team, "members:\n  - group:fraud-ml@example.com\n", $"members:\n  - &g group:fraud-ml@example.com\nallowedNamespaces: [{aliases}]\n");

        Single(repo.Check("dev"), "yaml-alias-limit", Team);
    }

    [Fact]
    public void A_few_aliases_are_fine()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Team, "members:\n  - group:fraud-ml@example.com\n", "members:\n  - &g group:fraud-ml@example.com\n  - *g\n");

        var report = repo.Check("dev");

        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Oversized_file_is_refused_before_it_is_parsed()
    {
        using var repo = TempRepo.Shipped("dev");
        var padding = string.Concat(Enumerable.Repeat("# " + new string('x', 1000) + "\n", 1100));
        repo.Write(Team, "team: fraud\nnamespace: fraud-models\n" + padding);

        var finding = Single(repo.Check("dev"), "file-too-large", Team);

        Assert.Equal("<file>", finding.KeyPath);
    }

    /// <summary>
    /// Values and keys just under the size limit, made of one repeated character or token prefix, are checked (and
    /// scanned for secrets) in linear time, and no finding repeats them in full.
    /// </summary>
    [Fact]
    public void Huge_values_and_keys_are_reported_short()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Write("stacks/dev/a.yaml", "team: a\nnamespace: a-models\nnotes: " + new string('a', 300_000) + "\n");
        repo.Write("stacks/dev/b.yaml", "team: b\nnamespace: b-models\nnotes: " + string.Concat(Enumerable.Repeat("eyJ", 100_000)) + "://" + "\n");
        repo.Write("stacks/dev/c.yaml", "team: c\nnamespace: c-models\n? " + new string('k', 300_000) + "\n: 1\n");
        repo.Write("stacks/dev/d.yaml", "team: d\nnamespace: d-models\nmodels:\n  - name: x\n    format: sklearn\n    storageUri: \"{teamBucket}/x\"\n    activator: " + new string('o', 300_000) + "\n");

        var report = repo.Check("dev");

        Assert.Equal(4, report.Findings.Count(f => f.File.StartsWith("stacks/dev/", StringComparison.Ordinal) && f.File != Team && f.File != "stacks/dev/recsys.yaml"));
        Assert.All(report.Findings, f => Assert.True((f.Message + f.Fix + f.KeyPath).Length < 2_000, $"{f.RuleId} in {f.File} prints {f.Message.Length} characters"));
    }

    private static Finding Single(CheckReport report, string rule, string file)
    {
        var listing = string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.File} {f.KeyPath} {f.Line}"));
        var hits = report.Findings.Where(f => f.RuleId == rule && f.File == file).ToList();
        Assert.True(hits.Count == 1, $"expected one {rule} in {file}; got:\n{listing}");
        Assert.Equal("<file>", hits[0].KeyPath);
        Assert.NotNull(hits[0].Line);
        Assert.Null(report.Config);
        return hits[0];
    }
}
