using System.Text;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Rendering;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// Files (or marked sections of files) in the repository that are generated from the code: a test compares them with
/// what the code generates now and fails with the first difference when they are stale.
/// <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1</c> rewrites them instead, except under CI, where it fails
/// (<see cref="SnapshotUpdate"/>): CI must check what was committed, never regenerate it.
/// </summary>
internal static class GeneratedFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Asserts that <paramref name="relative"/> holds exactly <paramref name="generated"/>.</summary>
    public static void AssertFresh(string relative, string generated, string testFilter)
    {
        var path = Path.Combine(TempRepo.RepoRoot(), relative);
        if (SnapshotUpdate.Requested())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated, Utf8NoBom);
        }

        var difference = File.Exists(path) ? SnapshotDiff.FirstDifference(File.ReadAllText(path, Utf8NoBom), generated) : "the file is missing.";
        Assert.True(difference is null, Stale(relative, difference, testFilter));
    }

    /// <summary>
    /// Asserts that the lines between <c>&lt;!-- BEGIN name --&gt;</c> and <c>&lt;!-- END name --&gt;</c> in
    /// <paramref name="relative"/> are exactly <paramref name="generated"/>.
    /// </summary>
    public static void AssertFreshSection(string relative, string name, string generated, string testFilter)
    {
        var path = Path.Combine(TempRepo.RepoRoot(), relative);
        var text = File.ReadAllText(path, Utf8NoBom);
        var begin = $"<!-- BEGIN {name} -->\n";
        var end = $"<!-- END {name} -->";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = start < 0 ? -1 : text.IndexOf(end, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop >= 0, $"{relative} has no `{begin.TrimEnd()}` ... `{end}` section.");
        var current = text[(start + begin.Length)..stop];
        if (SnapshotUpdate.Requested())
        {
            text = text[..(start + begin.Length)] + generated + text[stop..];
            File.WriteAllText(path, text, Utf8NoBom);
            current = generated;
        }

        Assert.True(current == generated, Stale($"{relative} (section {name})", SnapshotDiff.FirstDifference(current, generated), testFilter));
    }

    private static string Stale(string what, string? difference, string testFilter) =>
        $"{what} is not what the code generates now; {difference}\n"
        + "If the change is intended, regenerate it and commit the diff:\n"
        + $"  {SnapshotUpdate.Variable}=1 dotnet test tests/SecureServing.Core.Tests --filter {testFilter}";
}
