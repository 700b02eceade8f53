using System.Diagnostics;
using System.Globalization;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Validation;

namespace SecureServing.Benchmarks;

/// <summary>
/// <c>scale</c> mode: a quick timed pass per size (best of three after a warm-up) of check and of each render
/// stage (GCP plan, Kubernetes plan, YAML and JSON writing), to spot non-linear growth and see where time goes.
/// </summary>
internal static class ScaleProbe
{
    public static int Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("| Teams | Objects | check | plan GCP | plan Kubernetes | write YAML | write JSON | render total |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var teams in sizes)
        {
            using var repo = SyntheticRepo.Create(teams, modelsPerTeam: 10);
            var report = StackCheck.Run(repo.Root, SyntheticRepo.Stack);
            if (report.Config is not { } config)
            {
                Console.Error.WriteLine("scale: synthetic stack refused: " + string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.KeyPath}")));
                return 1;
            }

            var gcp = GcpPlanner.Plan(config);
            var kubernetes = KubernetesPlanner.Plan(config);
            var check = Best(() => StackCheck.Run(repo.Root, SyntheticRepo.Stack));
            var planGcp = Best(() => GcpPlanner.Plan(config));
            var planKubernetes = Best(() => KubernetesPlanner.Plan(config));
            var writeYaml = Best(() => StackRender.Render(config.Stack, [], kubernetes.Objects, ServingStackPlan.None));
            var writeJson = Best(() => GcpResourcesJsonWriter.Write(gcp.Resources));
            var total = Best(() => StackRender.Render(config));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {teams} | {kubernetes.Objects.Count} | {check:F1} ms | {planGcp:F1} ms | {planKubernetes:F1} ms | {writeYaml:F1} ms | {writeJson:F1} ms | {total:F1} ms |"));
        }

        return 0;
    }

    /// <summary>Best of three timed runs after one warm-up, in milliseconds.</summary>
    private static double Best(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
