using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Benchmarks;

/// <summary>
/// <c>kustomize</c> mode: renders the 500-team x 10-model stack, then times <c>kubectl kustomize</c> over that same
/// rendered YAML (a kustomization.yaml listing manifests.yaml, so kustomize only reads, resolves and writes it back)
/// against our in-process render and check + render. Wall-clock over several runs (ours after a warm-up); prints median,
/// min and the ratio. kubectl's time includes its process start, measured separately on an empty kustomization.
/// </summary>
internal static class KustomizeComparison
{
    private const int Teams = 500;
    private const int ModelsPerTeam = 10;

    public static int Run(int runs)
    {
        if (!TryKubectl(["version", "--client"], out _, out var why))
        {
            Console.Error.WriteLine($"kustomize: kubectl is not usable here ({why}); install kubectl and run again.");
            return 2;
        }

        Console.Error.WriteLine($"kustomize: generating {Teams} teams x {ModelsPerTeam} models, timing render ({runs} runs)...");
        using var repo = SyntheticRepo.Create(Teams, ModelsPerTeam);
        var report = StackCheck.Run(repo.Root, SyntheticRepo.Stack);
        if (report.Config is not { } config)
        {
            Console.Error.WriteLine("kustomize: synthetic stack refused: " + string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.KeyPath}")));
            return 1;
        }

        // Warm-up (JIT, caches), then timed runs.
        var rendered = StackRender.Render(config);
        StackCheck.Run(repo.Root, SyntheticRepo.Stack);
        var render = Time(runs, () => StackRender.Render(config));
        var checkAndRender = Time(runs, () => StackRender.Render(StackCheck.Run(repo.Root, SyntheticRepo.Stack).Config!));

        var dir = Directory.CreateTempSubdirectory("ss-bench-kustomize-").FullName;
        var empty = Directory.CreateTempSubdirectory("ss-bench-kustomize-empty-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, StackRender.ManifestsFile), rendered.ManifestsYaml);
            File.WriteAllText(Path.Combine(dir, "kustomization.yaml"), $"resources:\n  - {StackRender.ManifestsFile}\n");
            File.WriteAllText(Path.Combine(empty, "kustomization.yaml"), "resources: []\n");

            Console.Error.WriteLine($"kustomize: timing kubectl kustomize over {rendered.KubernetesObjectCount} objects ({runs} runs; minutes each at this size)...");
            var outputs = new List<string>();
            var kustomize = Time(runs, () =>
            {
                if (!TryKubectl(["kustomize", dir], out var output, out var failure))
                {
                    throw new InvalidOperationException($"kubectl kustomize failed on the render: {failure}");
                }

                if (outputs.Count == 0)
                {
                    outputs.Add(output);
                }
            });
            var documents = outputs[0].Split("\n---\n").Length;
            var startup = Time(runs, () => TryKubectl(["kustomize", empty], out _, out _));

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Stack: {Teams} teams x {ModelsPerTeam} models; {rendered.KubernetesObjectCount} Kubernetes objects ({Encoding.UTF8.GetByteCount(rendered.ManifestsYaml) / 1048576.0:F1} MiB YAML), {rendered.GcpResourceCount} GCP resources; kubectl kustomize wrote back {documents} documents.\n");
            text.Append(CultureInfo.InvariantCulture, $"Runs: {runs} each, wall-clock; render after one in-process warm-up, kubectl as a fresh process each run.\n\n");
            text.Append("| What | Median | Min |\n|---|---:|---:|\n");
            Row(text, "render (in-process: plan + write YAML and JSON)", render);
            Row(text, "check + render (in-process, what the CLI does)", checkAndRender);
            Row(text, "kubectl kustomize over the rendered manifests.yaml", kustomize);
            Row(text, "kubectl kustomize, empty kustomization (process start)", startup);
            text.Append(CultureInfo.InvariantCulture, $"\nkubectl kustomize / render = {Median(kustomize) / Median(render):F1}x; kubectl kustomize / (check + render) = {Median(kustomize) / Median(checkAndRender):F1}x\n");
            Console.Write(text.ToString());
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            Directory.Delete(empty, recursive: true);
        }
    }

    private static void Row(StringBuilder text, string what, IReadOnlyList<double> ms) =>
        text.Append(CultureInfo.InvariantCulture, $"| {what} | {Median(ms):F1} ms | {ms.Min():F1} ms |\n");

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static List<double> Time(int runs, Action action)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static bool TryKubectl(IReadOnlyList<string> args, out string output, out string why)
    {
        output = "";
        try
        {
            var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            why = process.ExitCode == 0 ? "" : $"exit {process.ExitCode}: {stderr.Result.Trim()}";
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            why = e.Message;
            return false;
        }
    }
}
