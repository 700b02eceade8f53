using System.CommandLine;
using System.Text;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Cli;

/// <summary>
/// <c>render --stack NAME --out DIR [--repo DIR]</c>: runs the same checks as <c>check</c>, then writes
/// <c>DIR/manifests.yaml</c>, <c>DIR/gcp-resources.json</c> and <c>DIR/releases.yaml</c> offline, with no cloud account. Exit 0 when written,
/// 1 when the stack is refused (nothing is written), 2 on usage errors.
/// </summary>
internal static class RenderCommand
{
    public const int Written = 0;
    public const int Refused = 1;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create()
    {
        var stack = CliCommon.StackOption();
        var repo = CliCommon.RepoOption();
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder to write manifests.yaml, gcp-resources.json and releases.yaml into (created if missing; the files are overwritten).",
            Required = true,
        };
        var command = new Command("render", "Check a stack, then write its Kubernetes manifests, GCP resources and installed releases as files, offline.")
        {
            stack, repo, outDir,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;

            var given = parseResult.GetValue(repo);
            var root = CliCommon.FindRepoRoot(given);
            if (root is null)
            {
                error.WriteLine(given is null
                    ? "render: no Pulumi.yaml in the current directory or above; run inside the repository or pass --repo."
                    : $"render: '{given.FullName}' has no Pulumi.yaml; pass the repository root to --repo.");
                return CliCommon.UsageError;
            }

            var report = StackCheck.Run(root, parseResult.GetValue(stack)!);
            if (report.HasErrors || report.Config is null)
            {
                output.Write(CheckCommand.ToText(report));
                error.WriteLine($"render: stack '{report.Stack}' is refused; nothing written. Fix the errors above (same as `check`).");
                return Refused;
            }

            var rendered = StackRender.Render(report.Config);
            var dir = parseResult.GetValue(outDir)!;
            try
            {
                Directory.CreateDirectory(dir.FullName);
                var manifests = Path.Combine(dir.FullName, StackRender.ManifestsFile);
                var resources = Path.Combine(dir.FullName, StackRender.GcpResourcesFile);
                var releases = Path.Combine(dir.FullName, StackRender.ReleasesFile);
                File.WriteAllText(manifests, rendered.ManifestsYaml, Utf8NoBom);
                File.WriteAllText(resources, rendered.GcpResourcesJson, Utf8NoBom);
                File.WriteAllText(releases, rendered.ReleasesYaml, Utf8NoBom);

                if (report.Findings.Count > 0)
                {
                    output.Write(CheckCommand.ToText(report)); // warnings only: shown, not refused
                }

                output.WriteLine($"{Relative(manifests)}: {rendered.KubernetesObjectCount} Kubernetes objects ({rendered.PatchObjectCount} patches of existing objects)");
                output.WriteLine($"{Relative(resources)}: {rendered.GcpResourceCount} GCP resources");
                output.WriteLine($"{Relative(releases)}: {rendered.ReleaseCount} releases installed before the Kubernetes objects");
                return Written;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"render: cannot write to '{dir.FullName}': {e.Message}");
                return CliCommon.UsageError;
            }
        });
        return command;
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
