using BenchmarkDotNet.Attributes;
using SecureServing.Core.Config;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;

namespace SecureServing.Benchmarks;

/// <summary>
/// <c>check</c> (load the stack and team files, validate, run every guardrail) and <c>render</c> (plan GCP and
/// Kubernetes, write both files' text) for 1, 50 and 500 teams of 10 models each. The CLI's <c>render</c> is the sum.
/// </summary>
[MemoryDiagnoser]
public class StackBenchmarks
{
    private SyntheticRepo? repo;
    private PlatformConfig? config;

    [Params(1, 50, 500)]
    public int Teams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        repo = SyntheticRepo.Create(Teams, modelsPerTeam: 10);
        var report = StackCheck.Run(repo.Root, SyntheticRepo.Stack);
        config = report.Config ?? throw new InvalidOperationException(
            "synthetic stack refused: " + string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.File} {f.KeyPath}: {f.Message}")));
    }

    [GlobalCleanup]
    public void Cleanup() => repo?.Dispose();

    [Benchmark]
    public CheckReport Check() => StackCheck.Run(repo!.Root, SyntheticRepo.Stack);

    [Benchmark]
    public RenderedStack Render() => StackRender.Render(config!);
}
