namespace SecureServing.Core.Tests.Config;

/// <summary>A finding quotes a value the way the user writes it in the config file (the contract's spelling), not the enum's C# name.</summary>
public sealed class SpellingInMessageTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "binary authorization in dry run in prod", "is `dryRun` in production" },
        { "no workload logs in prod", "lacks `workloads` in production" },
        { "ingress from any service account in prod", "is `anyServiceAccount` in production" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_message_quotes_the_written_spelling(string caseName, string expected)
    {
        var c = RuleCases.All.Single(r => r.Name == caseName);
        using var repo = TempRepo.Shipped(c.Stack);
        foreach (var e in c.Bad)
        {
            repo.Edit(e.File, e.Find, e.Replace);
        }

        var hit = Assert.Single(repo.Check(c.Stack).Findings, f => f.RuleId == c.Rule && f.KeyPath == c.KeyPath);
        Assert.Contains(expected, hit.Message, StringComparison.Ordinal);
    }
}
