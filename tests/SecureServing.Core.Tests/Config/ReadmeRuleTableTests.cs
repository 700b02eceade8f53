using SecureServing.Core.Tests.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>
/// The README's guardrail table is exactly <see cref="RuleCatalog.ReadmeTable"/>, row for row (no stale or missing
/// row). With <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1</c> the test rewrites the table in README.md first (under CI that
/// switch fails the test instead, see <see cref="SnapshotUpdate"/>).
/// </summary>
public sealed class ReadmeRuleTableTests
{
    private const string Header = "| Rule | Severity | Refuses | Why | Fix |";

    [Fact]
    public void Readme_guardrail_table_is_the_catalog_table()
    {
        var path = Path.Combine(TempRepo.RepoRoot(), "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Header, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no guardrail table");
        var end = readme.IndexOf("\n\n", start, StringComparison.Ordinal);
        var table = readme[start..(end + 1)];

        if (SnapshotUpdate.Requested() && table != RuleCatalog.ReadmeTable())
        {
            readme = readme[..start] + RuleCatalog.ReadmeTable() + readme[(end + 1)..];
            File.WriteAllText(path, readme);
            table = RuleCatalog.ReadmeTable();
        }

        Assert.Equal(RuleCatalog.ReadmeTable(), table);
    }
}
