using System.Runtime.CompilerServices;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>
/// The bad-config corpus: each folder under <c>Corpus/</c> is a small repository (<c>Pulumi.&lt;stack&gt;.yaml</c>,
/// <c>stacks/...</c>) with an <c>expect.txt</c>:
/// <code>
/// stack: qa
/// error unknown-key Pulumi.qa.yaml secure-serving:network.mastrCidr
/// warning image-mirror-without-access-level Pulumi.qa.yaml secure-serving:perimeter.accessLevels
/// only
/// </code>
/// Each <c>error</c>/<c>warning</c> line must match exactly one finding (rule, file, key path; <c>&lt;file&gt;</c> for the whole file);
/// <c>only</c> means no other finding may appear.
/// </summary>
public sealed class CorpusTests
{
    private sealed record Expectation(string Stack, IReadOnlyList<(Severity Severity, string Rule, string File, string KeyPath)> Findings, bool Only);

    public static string CorpusRoot([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CorpusRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    /// <summary>Rules the corpus trips (for the every-rule-has-a-case check).</summary>
    public static IEnumerable<string> CoveredRules() =>
        Directory.EnumerateDirectories(CorpusRoot()).SelectMany(d => Read(d).Findings.Select(f => f.Rule));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_case_reports_exactly_the_expected_findings(string name)
    {
        var dir = Path.Combine(CorpusRoot(), name);
        var expect = Read(dir);

        var report = StackCheck.Run(dir, expect.Stack);

        var actual = report.Findings.Select(f => (f.Severity, f.RuleId, f.File, f.KeyPath)).ToList();
        var listing = "actual:\n" + string.Join("\n", actual.Select(a => $"  {a.Severity.ToString().ToLowerInvariant()} {a.RuleId} {a.File} {a.KeyPath}"));
        foreach (var e in expect.Findings)
        {
            Assert.True(actual.Count(a => a == e) == 1, $"expected {e} once; {listing}");
        }

        if (expect.Only)
        {
            Assert.True(actual.Count == expect.Findings.Count, $"expected only the listed findings; {listing}");
        }

        Assert.Equal(report.HasErrors, report.Config is null);
    }

    private static Expectation Read(string dir)
    {
        var stack = "";
        var only = false;
        var findings = new List<(Severity, string, string, string)>();
        foreach (var raw in File.ReadAllLines(Path.Combine(dir, "expect.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("stack:", StringComparison.Ordinal))
            {
                stack = line["stack:".Length..].Trim();
            }
            else if (line == "only")
            {
                only = true;
            }
            else
            {
                var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
                Assert.True(parts.Length == 4, $"{dir}/expect.txt: `{line}` is not `severity rule file keyPath`");
                findings.Add((parts[0] == "error" ? Severity.Error : Severity.Warning, parts[1], parts[2], parts[3]));
            }
        }

        return new Expectation(stack, findings, only);
    }
}
