using SecureServing.Core.Access;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Access;

/// <summary>The access matrix in docs/access-model.md of the shipped stacks is what <c>access --format markdown</c> prints today.</summary>
public sealed class ReadmeMatrixTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Readme_shows_the_shipped_stacks_matrix(string stack)
    {
        var readme = File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "docs", "access-model.md"));

        Assert.Contains(AccessReportText.ToMarkdown(AccessCheck.Evaluate(AccessKit.Shipped(stack))).TrimEnd('\n'), readme, StringComparison.Ordinal);
    }
}
