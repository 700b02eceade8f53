using System.Text.RegularExpressions;
using Moq;
using Pulumi;
using Pulumi.Testing;
using SecureServing.Core.Validation;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Composition;

/// <summary>
/// The guardrails run first. A refused stack logs every error exactly as <c>secure-serving check</c>
/// prints it, fails the run, and registers nothing.
/// </summary>
public sealed partial class GuardrailTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("ss-compgcp-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task A_refused_stack_logs_every_finding_as_check_does_and_registers_nothing()
    {
        // The shipped dev stack with two mistakes: the control plane CIDR open to the internet and a mesh mode typo.
        var root = ProgramRun.RepoRoot();
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        var stackFile = File.ReadAllText(Path.Combine(root, "Pulumi.dev.yaml"))
            .Replace("masterCidr: 172.16.0.0/28", "masterCidr: 0.0.0.0/0", StringComparison.Ordinal)
            .Replace("mtls: namespace", "mtls: namespaces", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_repo, "Pulumi.bad.yaml"), stackFile);
        var report = StackCheck.Run(_repo, "bad");
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.True(errors.Count >= 2, CheckReportText.ToText(report));

        var mocks = new ProgramMocks();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ProgramRun.ProgramAsync("bad", mocks, _repo));

        // One message per error, each self-contained (file, rule, key, line, why, fix), plus the summary. Pulumi sends log
        // messages concurrently, so their order is not asserted.
        var logged = Messages(failure);
        var expected = errors.Select(CheckReportText.FindingWithFile).ToList();
        var summary = Assert.Single(logged, m => m.StartsWith(CheckReportText.Summary(report), StringComparison.Ordinal));
        Assert.Contains("Nothing was deployed", summary, StringComparison.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), logged.Where(m => m != summary).Order(StringComparer.Ordinal));
        Assert.Contains(logged, m => m.Contains("secure-serving:network.masterCidr", StringComparison.Ordinal));

        mocks.Mock.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never());
    }

    [Fact]
    public async Task A_missing_stack_file_is_refused_the_same_way()
    {
        File.Copy(Path.Combine(ProgramRun.RepoRoot(), "Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        var mocks = new ProgramMocks();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ProgramRun.ProgramAsync("staging", mocks, _repo));

        var logged = Messages(failure);
        Assert.Equal(2, logged.Count);
        Assert.Contains(logged, m => m.Contains("Pulumi.staging.yaml", StringComparison.Ordinal));
        mocks.Mock.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never());
    }

    /// <summary>The error messages the program logged (TestAsync throws one RunException per error).</summary>
    private static List<string> Messages(Exception failure)
    {
        var exceptions = failure is AggregateException aggregate ? aggregate.InnerExceptions.ToList() : [failure];
        return [.. exceptions.Select(e => Assert.IsType<RunException>(e).Message)];
    }
}
