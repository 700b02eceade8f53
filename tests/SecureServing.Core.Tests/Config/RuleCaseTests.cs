using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>
/// Every rule trips on a bad config at the exact file and key path, and stays quiet on a fixed one (a real change
/// beside the bad one, not the shipped stack again).
/// </summary>
public sealed class RuleCaseTests
{
    public static TheoryData<RuleCase> Cases() => [.. RuleCases.All];

    /// <summary>The cases with a fix of their own.</summary>
    public static TheoryData<RuleCase> FixedCases() => [.. RuleCases.All.Where(c => c.Fix.Length > 0)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_config_trips_the_rule_at_its_key_path(RuleCase c)
    {
        using var repo = TempRepo.Shipped(c.Stack);
        Apply(repo, c.Bad);

        var report = repo.Check(c.Stack);

        var expected = c.Severity == "error" ? Severity.Error : Severity.Warning;
        var hit = report.Findings.Where(f => f.RuleId == c.Rule && f.File == c.File && f.KeyPath == c.KeyPath).ToList();
        Assert.True(hit.Count == 1,
            $"expected one {c.Rule} at {c.File}: {c.KeyPath}; got:\n" + string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.File}: {f.KeyPath}")));
        Assert.Equal(expected, hit[0].Severity);
        Assert.Contains(c.KeyPath == KeyPaths.File ? c.File : c.KeyPath, hit[0].Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(hit[0].Fix));
        Assert.Equal(expected == Severity.Error, report.HasErrors);
        if (report.HasErrors)
        {
            Assert.Null(report.Config);
        }
    }

    [Theory]
    [MemberData(nameof(FixedCases))]
    public void Fixed_config_passes(RuleCase c)
    {
        using var repo = TempRepo.Shipped(c.Stack);
        Apply(repo, c.Bad);
        Apply(repo, c.Fix);
        Assert.NotEmpty(repo.ChangedFromShipped(c.Stack));

        var report = repo.Check(c.Stack);

        var expected = c.Severity == "error" ? Severity.Error : Severity.Warning;
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == c.Rule && f.File == c.File && f.KeyPath == c.KeyPath && f.Severity == expected);
        // Nor anywhere else: a fix that merely moves the finding to another key path or file is no fix. Acknowledged
        // findings stay allowed (the fixes that acknowledge a warning).
        Assert.DoesNotContain(report.Findings, f => f.RuleId == c.Rule && f.Severity == expected && !f.Message.StartsWith("Acknowledged", StringComparison.Ordinal));
        Assert.NotNull(report.Config);
    }

    [Fact]
    public void Every_rule_in_the_catalog_has_a_case()
    {
        var covered = RuleCases.All.Select(c => c.Rule)
            .Concat(CorpusTests.CoveredRules())
            .ToHashSet();

        var missing = RuleCatalog.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();

        Assert.Empty(missing);
    }

    private static void Apply(TempRepo repo, IEnumerable<Edit> edits)
    {
        foreach (var e in edits)
        {
            repo.Edit(e.File, e.Find, e.Replace);
        }
    }
}
