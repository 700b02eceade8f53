using System.Text;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Rendering;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// Files in the repository that are generated from the code (the JSON Schemas): a test compares them with what the
/// code generates now and fails with the first difference when they are stale. Generated sections of the
/// documentation are <see cref="Docs.DocSections"/>.
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

    private static string Stale(string what, string? difference, string testFilter) =>
        $"{what} is not what the code generates now; {difference}\n"
        + "If the change is intended, regenerate it and commit the diff:\n"
        + $"  {SnapshotUpdate.Variable}=1 dotnet test tests/SecureServing.Core.Tests --filter {testFilter}";
}
