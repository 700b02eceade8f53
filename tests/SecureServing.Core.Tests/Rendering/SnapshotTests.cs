using System.Text;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Rendering;

/// <summary>
/// Golden snapshots of the shipped stacks: <c>tests/SecureServing.Core.Tests/Snapshots/&lt;stack&gt;/</c> holds the
/// render of <c>Pulumi.&lt;stack&gt;.yaml</c> + <c>stacks/&lt;stack&gt;/</c>. Any change to what the platform deploys
/// changes a snapshot, so a pull request shows it as a plain diff. After an intended change, rewrite them with
/// <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1 dotnet test tests/SecureServing.Core.Tests --filter FullyQualifiedName~SnapshotTests</c>
/// (under CI that switch fails the tests instead, see <see cref="SnapshotUpdate"/>).
/// </summary>
public sealed class SnapshotTests
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static TheoryData<string, string> Files => new()
    {
        { "dev", StackRender.ManifestsFile },
        { "dev", StackRender.GcpResourcesFile },
        { "dev", StackRender.ReleasesFile },
        { "prod", StackRender.ManifestsFile },
        { "prod", StackRender.GcpResourcesFile },
        { "prod", StackRender.ReleasesFile },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_stack_renders_as_its_snapshot(string stack, string file)
    {
        var root = TempRepo.RepoRoot();
        var report = StackCheck.Run(root, stack);
        Assert.True(report.Config is not null, $"stack {stack} does not pass check: {string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.KeyPath}"))}");
        var rendered = StackRender.Render(report.Config);
        var actual = file switch
        {
            StackRender.ManifestsFile => rendered.ManifestsYaml,
            StackRender.ReleasesFile => rendered.ReleasesYaml,
            _ => rendered.GcpResourcesJson,
        };

        var relative = Path.Combine("tests", "SecureServing.Core.Tests", "Snapshots", stack, file);
        var path = Path.Combine(root, relative);
        if (SnapshotUpdate.Requested())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, Utf8NoBom);
        }

        var difference = File.Exists(path)
            ? SnapshotDiff.FirstDifference(File.ReadAllText(path, Utf8NoBom), actual)
            : "the snapshot file is missing.";
        Assert.True(difference is null,
            $"{relative} is not what `render --stack {stack}` writes now; {difference}\n"
            + $"If the change is intended, rewrite the snapshots and commit their diff:\n"
            + $"  {SnapshotUpdate.Variable}=1 dotnet test tests/SecureServing.Core.Tests --filter FullyQualifiedName~SnapshotTests");
    }

    [Fact]
    public void A_mismatch_names_the_first_differing_line()
    {
        var message = SnapshotDiff.FirstDifference("a\nb\nc\n", "a\nB\nc\n");

        Assert.Equal("first difference at line 2:\n  snapshot: `b`\n  render:   `B`", message);
        Assert.Equal("first difference at line 3:\n  snapshot: (end of file)\n  render:   `c`", SnapshotDiff.FirstDifference("a\nb", "a\nb\nc"));
        Assert.Null(SnapshotDiff.FirstDifference("a\n", "a\n"));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("1", null, true)]
    [InlineData("1", "", true)]
    [InlineData("0", "true", false)]
    [InlineData(null, "true", false)]
    public void The_update_switch_rewrites_only_when_set_outside_ci(string? update, string? ci, bool rewrites) =>
        Assert.Equal(rewrites, SnapshotUpdate.Requested(update, ci));

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("yes")]
    public void The_update_switch_under_ci_fails_the_test_instead_of_rewriting(string ci)
    {
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SnapshotUpdate.Requested("1", ci));

        Assert.Contains("SECURE_SERVING_UPDATE_SNAPSHOTS=1 is set under CI", failure.Message, StringComparison.Ordinal);
    }
}
