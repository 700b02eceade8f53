using CsCheck;

namespace SecureServing.Core.Tests.Properties;

/// <summary>The property runner gives CI the same inputs on every run and says how to replay a failure.</summary>
public sealed class PropertyRunnerTests
{
    private static readonly Gen<string> Strings = Gen.String[Gen.Char["abc.:-"], 0, 8];

    [Fact]
    public void The_same_run_seed_draws_the_same_inputs_for_a_property()
    {
        var first = new List<string>();
        var second = new List<string>();

        Strings.Holds(first.Add, iter: 50, name: "replayed");
        Strings.Holds(second.Add, iter: 50, name: "replayed");

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 10, "the stream should vary between iterations");
    }

    [Fact]
    public void Each_property_draws_its_own_stream()
    {
        var a = new List<string>();
        var b = new List<string>();

        Strings.Holds(a.Add, iter: 50, name: "first property");
        Strings.Holds(b.Add, iter: 50, name: "second property");

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_failure_names_the_run_seed_and_the_input_seed_that_replays_it()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            Gen.Int[0, 1000].Holds(n => n < 500, iter: 1000, name: "fails", shrinkSeconds: 0));

        Assert.Contains($"{Property.SeedVariable}={Property.Format(Property.RunSeed)} ./test.sh", failure.Message, StringComparison.Ordinal);
        var inputSeed = System.Text.RegularExpressions.Regex.Match(failure.Message, "seed: \"([0-9a-zA-Z_-]+)\"").Groups[1].Value;
        var replayed = new List<int>();
        Gen.Int[0, 1000].Sample(replayed.Add, seed: inputSeed, iter: 1, threads: 1);
        Assert.True(Assert.Single(replayed) >= 500, $"seed {inputSeed} should replay the failing input, drew {replayed[0]}");
    }
}

/// <summary>Every property in the suite is reproducible: none calls CsCheck's unseeded <c>Sample</c> directly.</summary>
public sealed class PropertyConventionTests
{
    private static readonly string Root = Config.TempRepo.RepoRoot();

    [Fact]
    public void Test_sh_uses_the_same_ci_seed_as_the_runner()
    {
        var script = File.ReadAllText(Path.Combine(Root, "test.sh"));

        Assert.Contains($"ci_property_seed={Property.Format(Property.CiSeed)}\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_csCheck_sample_in_the_tests_is_a_seeded_replay()
    {
        var unseeded =
            from file in Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories)
            where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
            where line.text.Contains(".Sample(", StringComparison.Ordinal) && !line.text.Contains("seed:", StringComparison.Ordinal)
            select $"{Path.GetRelativePath(Root, file)}:{line.number}: {line.text.Trim()}";

        Assert.True(!unseeded.Any(), "use Property.Holds (a reproducible stream) instead of CsCheck's Sample:\n" + string.Join('\n', unseeded));
    }
}
