using System.Runtime.CompilerServices;
using SecureServing.Core.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>The repository's own stacks (<c>Pulumi.dev.yaml</c>, <c>Pulumi.prod.yaml</c>, <c>stacks/*</c>), validated as the program validates them.</summary>
internal static class ShippedStacks
{
    public static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    /// <summary>
    /// A shipped stack as a bring-your-own stack (<c>serving.install: false</c>): the serving stack is expected in the
    /// cluster, so the platform patches the objects Istio, Knative and KServe installed.
    /// </summary>
    public static PlatformConfig LoadBringYourOwn(string stack) => Load(stack) with { Serving = new ServingConfig { Install = false } };

    public static PlatformConfig Load(string stack)
    {
        var report = StackCheck.Run(RepoRoot(), stack);
        return report.Config ?? throw new InvalidOperationException(
            $"Stack {stack} does not pass check: {string.Join("; ", report.Findings.Select(f => $"{f.RuleId} {f.KeyPath}: {f.Message}"))}");
    }
}
