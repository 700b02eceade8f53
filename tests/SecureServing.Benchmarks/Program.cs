using System.Globalization;
using BenchmarkDotNet.Running;
using SecureServing.Benchmarks;

// Benchmarks (never run by test.sh):
//   dotnet run -c Release --project tests/SecureServing.Benchmarks -- --filter '*' --job short
//       check and render at 1, 50 and 500 teams x 10 models: time and allocations (BenchmarkDotNet).
//   dotnet run -c Release --project tests/SecureServing.Benchmarks -- kustomize [runs]
//       render of the 500-team stack vs `kubectl kustomize` over the same rendered YAML (default 3 runs each;
//       kubectl takes minutes per run at 12,000 objects).
//   dotnet run -c Release --project tests/SecureServing.Benchmarks -- scale [teams...]
//       one quick timed pass per size (default 1 50 100 200 500 teams), to spot non-linear growth.
if (args.Length > 0 && args[0] == "scale")
{
    int[] sizes = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 50, 100, 200, 500];
    return ScaleProbe.Run(sizes);
}

if (args.Length > 0 && args[0] == "kustomize")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
    return KustomizeComparison.Run(runs);
}

BenchmarkSwitcher.FromAssembly(typeof(StackBenchmarks).Assembly).Run(args);
return 0;
