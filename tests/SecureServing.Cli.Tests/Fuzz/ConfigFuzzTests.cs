using System.Diagnostics;
using System.Globalization;
using CsCheck;
using SecureServing.Core.Rendering;
using SecureServing.Core.Validation;
using Xunit.Abstractions;

namespace SecureServing.Cli.Tests.Fuzz;

/// <summary>
/// A bounded fuzz of the whole offline path (load, check, render) on mutated shipped files: no exception escapes, each
/// input finishes within <see cref="PerInput"/>, and no planted secret appears in the check text, the check JSON or the
/// render. <c>SECURE_SERVING_FUZZ_ITERATIONS</c> sets the number of inputs (a long local run: 20000),
/// <c>SECURE_SERVING_FUZZ_SEED</c> replays a seed CsCheck printed (under CI the seed is fixed), and
/// <c>SECURE_SERVING_FUZZ_SURVEY=1</c> runs every input and prints each kind of problem with a count and an example
/// (the inputs go to <c>$TMPDIR/ss-fuzz-survey/</c>).
/// </summary>
public sealed class ConfigFuzzTests(ITestOutputHelper output)
{
    public const string IterationsVariable = "SECURE_SERVING_FUZZ_ITERATIONS";
    public const string SeedVariable = "SECURE_SERVING_FUZZ_SEED";

    /// <summary>Set to 1 to run every input and print each kind of problem found (with a count and one example) instead of stopping at the first.</summary>
    public const string SurveyVariable = "SECURE_SERVING_FUZZ_SURVEY";

    /// <summary>
    /// Generous: a shipped stack checks and renders in milliseconds, a 64 KB file in well under a second even on a busy
    /// 2-core machine; the bound catches runaway work (alias expansion, backtracking), not slowness.
    /// </summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private const int DefaultIterations = 1000;
    private const string CiSeed = "epFA47-uivu1";

    [Fact]
    public void Mutated_shipped_files_never_crash_or_hang() => Fuzz(secrets: false);

    [Fact(Skip = "Fails today, on purpose: check quotes refused values (wrong-type, invalid-value and name findings print a planted `GOCSPX-`, PEM or URL password), "
        + "and an AWS key or a secret in the middle of a string reaches the render. Issue 11 (\"Secrets echoed back\", \"Secrets in clear that are not found\") "
        + "is being fixed on branch `input`; remove this Skip when it lands. SECURE_SERVING_FUZZ_SURVEY=1 lists what it finds.")]
    public void Mutated_shipped_files_never_echo_a_planted_secret() => Fuzz(secrets: true);

    private void Fuzz(bool secrets)
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultIterations;
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } s ? s
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? CiSeed : null;
        var source = CliHarness.RepoRoot();
        string[] files = ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "stacks/dev/fraud.yaml", "stacks/dev/recsys.yaml", "stacks/prod/recsys.yaml"];
        var shipped = files.Select(f => (Stack: f.StartsWith("Pulumi.", StringComparison.Ordinal) ? f.Split('.')[1] : f.Split('/')[1], File: f, Text: File.ReadAllText(Path.Combine(source, f)))).ToList();
        using var repos = new ThreadLocal<FuzzRepo>(() => new FuzzRepo(source), trackAllValues: true);
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var survey = Environment.GetEnvironmentVariable(SurveyVariable) == "1";
        var kinds = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);

        try
        {
            bool Check(FuzzInput input)
            {
                var took = repos.Value!.Run(input, secrets, out var problem);
                lock (repos)
                {
                    slowest = took > slowest ? took : slowest;
                }

                if (problem is not null && survey)
                {
                    lock (kinds)
                    {
                        var kind = problem.Kind;
                        if (!kinds.ContainsKey(kind))
                        {
                            var dump = Path.Combine(Path.GetTempPath(), "ss-fuzz-survey");
                            Directory.CreateDirectory(dump);
                            File.WriteAllText(Path.Combine(dump, $"{kinds.Count}-{input.File.Replace('/', '_')}"), input.Text);
                        }

                        kinds[kind] = (kinds.TryGetValue(kind, out var k) ? k.Count + 1 : 1, k.Example ?? $"{problem.Text}\n--- {input}\n{Preview(input.Text)}");
                    }

                    return true;
                }

                // In deep mode the child process has its own time limit.
                return problem is null ? ConfigFuzz.Deep || took <= PerInput : throw new FuzzFailure($"{problem.Text}\n--- {input}\n{Preview(input.Text)}");
            }

            // CsCheck prints the seed of a failing run; SECURE_SERVING_FUZZ_SEED replays it (fixed under CI).
            ConfigFuzz.Inputs(shipped).Sample(Check, writeLine: output.WriteLine, seed: seed, iter: iterations, threads: 2);

            foreach (var (kind, (count, example)) in kinds.OrderByDescending(k => k.Value.Count))
            {
                output.WriteLine($"== {count} x {kind}\n{example[..Math.Min(example.Length, 1500)]}\n");
            }

            output.WriteLine($"{iterations} inputs in {clock.Elapsed.TotalSeconds:F1} s; slowest {slowest.TotalMilliseconds:F0} ms");
        }
        finally
        {
            foreach (var repo in repos.Values)
            {
                repo.Dispose();
            }
        }
    }

    private static string Preview(string text) => text.Length <= 2000 ? text : text[..2000] + $"... ({text.Length} chars)";

    private sealed class FuzzFailure(string message) : Exception(message);

    /// <summary>What went wrong with one input; <paramref name="Kind"/> groups alike problems in a survey.</summary>
    private sealed record Problem(string Kind, string Text);

    /// <summary>A copy of the shipped stacks for one thread; each input overwrites one file and puts it back after.</summary>
    private sealed class FuzzRepo : IDisposable
    {
        private readonly string _source;
        private readonly string _root;

        public FuzzRepo(string source)
        {
            _source = source;
            var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            _root = Directory.CreateDirectory(Path.Combine(parent, $"ss-fuzz-{Guid.NewGuid():N}")).FullName;
            foreach (var file in new[] { "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(_root, file));
            }

            foreach (var stack in new[] { "dev", "prod" })
            {
                Directory.CreateDirectory(Path.Combine(_root, "stacks", stack));
                foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "stacks", stack)))
                {
                    File.Copy(file, Path.Combine(_root, "stacks", stack, Path.GetFileName(file)));
                }
            }
        }

        /// <summary>Checks (text and JSON) and renders <paramref name="input"/>; <paramref name="problem"/> says what went wrong.</summary>
        public TimeSpan Run(FuzzInput input, bool secrets, out Problem? problem)
        {
            var path = Path.Combine(_root, input.File);
            File.WriteAllText(path, input.Text);
            var clock = Stopwatch.StartNew();
            problem = null;
            try
            {
                if (ConfigFuzz.Deep)
                {
                    problem = RunInChild(input, secrets);
                    return clock.Elapsed;
                }

                var report = StackCheck.Run(_root, input.Stack);
                var outputs = new List<(string Name, string Text)> { ("check text", CheckCommand.ToText(report)), ("check JSON", CheckCommand.ToJson(report)) };
                if (report.Config is not null)
                {
                    var rendered = StackRender.Render(report.Config);
                    outputs.Add(("render manifests.yaml", rendered.ManifestsYaml));
                    outputs.Add(("render gcp-resources.json", rendered.GcpResourcesJson));
                }

                var leak = outputs.SelectMany(o => input.Planted.Where(secret => o.Text.Contains(secret, StringComparison.Ordinal)).Select(secret => (o.Name, secret))).FirstOrDefault();
                if (secrets && leak.Name is not null)
                {
                    var where = report.Findings.FirstOrDefault(f => (f.Message + f.Fix).Contains(leak.secret, StringComparison.Ordinal)) is { } f ? $"[{f.RuleId}]" : "";
                    problem = new Problem($"secret in {leak.Name} {where}",
                        $"the planted secret `{leak.secret}` appears in the {leak.Name}:\n{Excerpt(outputs.First(o => o.Name == leak.Name).Text, leak.secret)}");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problem = new Problem($"{e.GetType().Name} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}", $"{e.GetType().Name} escaped: {e.Message}\n{e.StackTrace}");
            }
            finally
            {
                File.Copy(Path.Combine(_source, input.File), path, overwrite: true);
            }

            var took = clock.Elapsed;
            if (problem is null && took > PerInput)
            {
                problem = new Problem("over the time bound", $"took {took.TotalMilliseconds:F0} ms (bound {PerInput.TotalMilliseconds:F0} ms)");
            }

            return took;
        }

        /// <summary>
        /// Deep mode: <c>secure-serving check</c> and <c>render</c> in a child process, so that a stack overflow or a hang
        /// is reported as a finding instead of ending the run.
        /// </summary>
        private Problem? RunInChild(FuzzInput input, bool secrets)
        {
            var outputs = new List<(string Name, string Text)>();
            foreach (var args in new[] { $"check --stack {input.Stack} --format json", $"render --stack {input.Stack} --out {_root}/out" })
            {
                var start = new ProcessStartInfo("dotnet", $"\"{typeof(CheckCommand).Assembly.Location}\" {args} --repo \"{_root}\"")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var child = Process.Start(start)!;
                var stdout = child.StandardOutput.ReadToEndAsync();
                var stderr = child.StandardError.ReadToEndAsync();
                if (!child.WaitForExit(PerInput * 6))
                {
                    child.Kill(entireProcessTree: true);
                    return new Problem($"{args.Split(' ')[0]} hangs", $"`{args}` did not finish within {(PerInput * 6).TotalSeconds} s");
                }

                if (child.ExitCode is not (0 or 1))
                {
                    var error = stderr.Result;
                    return new Problem($"{args.Split(' ')[0]} crashes (exit {child.ExitCode}){(error.Contains("Stack overflow", StringComparison.Ordinal) ? ": stack overflow" : "")}",
                        $"`{args}` exited {child.ExitCode}:\n{error[..Math.Min(error.Length, 1500)]}");
                }

                outputs.Add((args.Split(' ')[0], stdout.Result + stderr.Result));
                outputs.AddRange(Directory.Exists($"{_root}/out") ? Directory.EnumerateFiles($"{_root}/out").Select(f => ($"render {Path.GetFileName(f)}", File.ReadAllText(f))) : []);
                if (child.ExitCode != 0)
                {
                    break;
                }
            }

            if (Directory.Exists($"{_root}/out"))
            {
                Directory.Delete($"{_root}/out", recursive: true);
            }

            var leak = outputs.SelectMany(o => input.Planted.Where(secret => o.Text.Contains(secret, StringComparison.Ordinal)).Select(secret => o.Name)).FirstOrDefault();
            return secrets && leak is not null ? new Problem($"secret in {leak}", $"a planted secret appears in the {leak}") : null;
        }

        private static string Excerpt(string text, string secret)
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            var start = Math.Max(0, text.LastIndexOf('\n', Math.Max(0, at - 1)) - 200);
            return text.Substring(start, Math.Min(600, text.Length - start));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
