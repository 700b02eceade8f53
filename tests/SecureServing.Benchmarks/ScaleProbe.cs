using System.Diagnostics;
using System.Globalization;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Benchmarks;

/// <summary><c>scale</c> mode: one quick timed pass of check and render per size, to spot non-linear growth in seconds.</summary>
internal static class ScaleProbe
{
    public static int Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("| Teams | Models | check | render | objects |\n|---:|---:|---:|---:|---:|");
        foreach (var teams in sizes)
        {
            using var repo = SyntheticRepo.Create(teams, modelsPerTeam: 10);
            var watch = Stopwatch.StartNew();
            var report = StackCheck.Run(repo.Root, SyntheticRepo.Stack);
            var check = watch.Elapsed.TotalMilliseconds;
            if (report.Config is not { } config)
            {
                Console.Error.WriteLine("scale: synthetic stack refused: " + string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.KeyPath}")));
                return 1;
            }

            watch.Restart();
            var rendered = StackRender.Render(config);
            var render = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {teams} | {teams * 10} | {check:F0} ms | {render:F0} ms | {rendered.KubernetesObjectCount} |"));
        }

        return 0;
    }
}
