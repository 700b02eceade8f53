using System.Globalization;
using BenchmarkDotNet.Running;
using SecureServing.Benchmarks;

// Benchmarks (never run by test.sh):
//   dotnet run -c Release --project tests/SecureServing.Benchmarks -- --filter '*' --job short
//       check and render at 1, 50 and 500 teams x 10 models: time and allocations (BenchmarkDotNet).
//   dotnet run -c Release --project tests/SecureServing.Benchmarks -- kustomize [runs]
//       render of the 500-team stack vs `kubectl kustomize` over the same rendered YAML (default 5 runs each).
if (args.Length > 0 && args[0] == "kustomize")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    return KustomizeComparison.Run(runs);
}

BenchmarkSwitcher.FromAssembly(typeof(StackBenchmarks).Assembly).Run(args);
return 0;
