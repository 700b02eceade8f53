using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SecureServing.Benchmarks;

/// <summary>
/// A throwaway repository with real files: the shipped <c>Pulumi.yaml</c> and <c>Pulumi.dev.yaml</c> plus
/// <paramref name="Teams"/> generated team files under <c>stacks/dev/</c>, each with <paramref name="ModelsPerTeam"/>
/// models (mixed formats, every other model behind IAP), so check and render do the work a large platform does.
/// </summary>
internal sealed record SyntheticRepo(string Root, int Teams, int ModelsPerTeam) : IDisposable
{
    public const string Stack = "dev";

    private static readonly string[] Formats = ["sklearn", "xgboost", "tensorflow", "pytorch", "onnx"];

    public static SyntheticRepo Create(int teams, int modelsPerTeam)
    {
        var source = RepoRoot();
        var root = Directory.CreateTempSubdirectory($"ss-bench-{teams}-").FullName;
        File.Copy(Path.Combine(source, "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
        File.Copy(Path.Combine(source, $"Pulumi.{Stack}.yaml"), Path.Combine(root, $"Pulumi.{Stack}.yaml"));
        var stackDir = Directory.CreateDirectory(Path.Combine(root, "stacks", Stack)).FullName;
        for (var t = 1; t <= teams; t++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"team{t:D4}");
            File.WriteAllText(Path.Combine(stackDir, name + ".yaml"), TeamFile(name, t, teams, modelsPerTeam));
        }

        return new SyntheticRepo(root, teams, modelsPerTeam);
    }

    private static string TeamFile(string team, int index, int teams, int models)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"team: {team}\n");
        text.Append(CultureInfo.InvariantCulture, $"namespace: {team}-models\n");
        text.Append("members:\n");
        text.Append(CultureInfo.InvariantCulture, $"  - group:{team}-ml@example.com\n");
        if (teams > 1)
        {
            // Each team lets the next one call its models, as teams sharing features do.
            text.Append("allowedNamespaces:\n");
            text.Append(CultureInfo.InvariantCulture, $"  - team{index % teams + 1:D4}-models\n");
        }

        text.Append("models:\n");
        for (var m = 1; m <= models; m++)
        {
            var format = Formats[(index + m) % Formats.Length];
            text.Append(CultureInfo.InvariantCulture, $"  - name: {format}-model-{m:D2}\n");
            text.Append(CultureInfo.InvariantCulture, $"    format: {format}\n");
            text.Append(CultureInfo.InvariantCulture, $"    storageUri: \"{{teamBucket}}/{format}/model-{m:D2}/v{index % 7 + 1}\"\n");
            text.Append("    activator: \"off\"\n");
            text.Append(CultureInfo.InvariantCulture, $"    exposeViaIap: {(m % 2 == 1 ? "true" : "false")}\n");
        }

        return text.ToString();
    }

    /// <summary>The repository this benchmark was built from (found from this source file's path).</summary>
    private static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Pulumi.yaml) not found above " + thisFile);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
