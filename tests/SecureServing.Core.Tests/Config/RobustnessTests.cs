using System.Text.RegularExpressions;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>Whatever shape a value takes, check reports findings and never throws.</summary>
public sealed partial class RobustnessTests
{
    private static readonly string[] Shapes =
        ["[]", "{}", "~", "[a, [b]]", "{x: 1}", "{secure: v1:eA==}", "-1", "99999999999", "\"\"", "0.0.0.0/0", "*undefined", "&a [x]"];

    [GeneratedRegex(@"^(?<prefix>\s*(- )?[A-Za-z:-]+:) \S.*$")]
    private static partial Regex KeyWithValue();

    [Theory]
    [InlineData("prod", "Pulumi.prod.yaml")]
    [InlineData("dev", "stacks/dev/recsys.yaml")]
    public void Every_value_replaced_by_every_shape_yields_findings_not_exceptions(string stack, string file)
    {
        using var repo = TempRepo.Shipped(stack);
        var lines = repo.Read(file).Split('\n');
        var replaced = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = KeyWithValue().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            foreach (var shape in Shapes)
            {
                var copy = (string[])lines.Clone();
                copy[i] = $"{match.Groups["prefix"].Value} {shape}";
                repo.Write(file, string.Join('\n', copy));

                var report = repo.Check(stack);

                Assert.Equal(report.HasErrors, report.Config is null);
                Assert.All(report.Findings, f => Assert.NotNull(RuleCatalog.Find(f.RuleId)));
                Assert.DoesNotContain(report.Findings, f => (f.Message + f.Fix).Contains("v1:eA==", StringComparison.Ordinal) || (f.Message + f.Fix).Contains("Q2lwaGVy", StringComparison.Ordinal));
                replaced++;
            }
        }

        Assert.True(replaced > 100, $"only {replaced} replacements");
    }
}
