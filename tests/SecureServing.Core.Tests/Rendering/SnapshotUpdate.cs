namespace SecureServing.Core.Tests.Rendering;

/// <summary>
/// The one switch that makes the snapshot and generated-file tests rewrite their files from the code instead of
/// comparing: <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1</c>. Under CI (the <c>CI</c> variable set to anything, as
/// <c>test.sh</c> reads it) the switch fails the test instead: CI checks what was committed and never regenerates it,
/// so a stale file cannot pass there.
/// </summary>
internal static class SnapshotUpdate
{
    public const string Variable = "SECURE_SERVING_UPDATE_SNAPSHOTS";

    /// <summary>Whether this run rewrites the files; fails the calling test when the switch is on under CI.</summary>
    public static bool Requested() =>
        Requested(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="Requested()"/> for the given values of the switch and of <c>CI</c>.</summary>
    public static bool Requested(string? update, string? ci)
    {
        var requested = update == "1";
        Assert.False(requested && !string.IsNullOrEmpty(ci),
            $"{Variable}=1 is set under CI (CI={ci}): CI checks the committed snapshots and generated files and never rewrites them.");
        return requested;
    }
}
