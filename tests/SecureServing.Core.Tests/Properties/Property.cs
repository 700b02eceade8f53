using System.Globalization;
using System.Runtime.CompilerServices;
using CsCheck;

namespace SecureServing.Core.Tests.Properties;

/// <summary>
/// Runs a CsCheck property over a reproducible stream of inputs, so one seed gives the same inputs on every run.
/// <para>
/// The run seed comes from <c>SECURE_SERVING_PROPERTY_SEED</c> (<c>./test.sh</c> sets it and prints it); without it a
/// fixed seed when <c>CI</c> is set, a new random one otherwise. Each property draws from its own stream, derived from
/// its name, so adding a property does not change the inputs of the others. CsCheck's own <c>Sample</c> only pins the
/// first iteration with a seed; here every iteration is pinned.
/// </para>
/// <para>
/// A failure names the run seed (replays the whole run) and the failing iteration's CsCheck seed (replays that input
/// alone: <c>gen.Sample(assert, seed: "...", iter: 1)</c>), then lets CsCheck shrink from it for a few seconds and
/// prints the smallest input found. Turn every failing input into a fixed regression case beside the property.
/// </para>
/// </summary>
internal static class Property
{
    public const string SeedVariable = "SECURE_SERVING_PROPERTY_SEED";

    /// <summary>The run seed when <c>CI</c> is set and no seed is given: CI draws the same inputs on every run.</summary>
    public const ulong CiSeed = 20261201;

    private static readonly Lazy<ulong> Run = new(ChooseRunSeed);

    /// <summary>The seed of this test run.</summary>
    public static ulong RunSeed => Run.Value;

    public static void Holds<T>(this Gen<T> gen, Action<T> assert, long iter = 100, [CallerMemberName] string name = "", int shrinkSeconds = 5)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(assert);
        var pcg = new PCG(StreamOf(name), RunSeed);
        for (var i = 0; i < iter; i++)
        {
            var inputSeed = pcg.ToString();
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception failure)
            {
                throw new PropertyFailedException(Describe(name, i, inputSeed, value, failure, shrinkSeconds, shrinkSeconds > 0 ? Shrink(gen, assert, inputSeed, shrinkSeconds) : null), failure);
            }
        }
    }

    public static void Holds<T>(this Gen<T> gen, Func<T, bool> property, long iter = 100, [CallerMemberName] string name = "", int shrinkSeconds = 5) =>
        gen.Holds(value => Assert.True(property(value), "the property returned false"), iter, name, shrinkSeconds);

    public static void Holds<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, long iter = 100, [CallerMemberName] string name = "") =>
        gen.Holds(t => property(t.Item1, t.Item2), iter, name);

    public static void Holds<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, long iter = 100, [CallerMemberName] string name = "") =>
        gen.Holds(t => assert(t.Item1, t.Item2), iter, name);

    public static void Holds<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> property, long iter = 100, [CallerMemberName] string name = "") =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3), iter, name);

    public static void Holds<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, long iter = 100, [CallerMemberName] string name = "") =>
        gen.Holds(t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), iter, name);

    /// <summary>The run seed as <c>./test.sh</c> and the failure messages print it.</summary>
    public static string Format(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    private static ulong ChooseRunSeed()
    {
        var given = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return ulong.TryParse(given.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : throw new InvalidOperationException($"{SeedVariable}='{given}' is not a decimal number (e.g. {SeedVariable}={CiSeed}).");
        }

        return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? (ulong)Random.Shared.NextInt64() : CiSeed;
    }

    /// <summary>FNV-1a over the property's name: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StreamOf(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static string? Shrink<T>(Gen<T> gen, Action<T> assert, string inputSeed, int seconds)
    {
        try
        {
            gen.Sample(assert, seed: inputSeed, iter: 100_000, time: seconds, threads: 1);
            return null;
        }
        catch (Exception shrunk)
        {
            return shrunk.Message;
        }
    }

    private static string Describe<T>(string name, int iteration, string inputSeed, T value, Exception failure, int shrinkSeconds, string? shrunk) =>
        $"""
        Property {name} failed at iteration {iteration} on input: {Print(value)}
          {failure.GetType().Name}: {failure.Message}
          replay this run:   {SeedVariable}={Format(RunSeed)} ./test.sh
          replay this input: gen.Sample(assert, seed: "{inputSeed}", iter: 1)
          then add the input as a fixed regression case beside the property.
        {(shrunk is null ? $"CsCheck found no smaller failing input in {shrinkSeconds} s." : "CsCheck's shrink from that input:\n" + shrunk)}
        """;

    private static string Print<T>(T value) => value switch
    {
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        null => "null",
        _ => value.ToString() ?? "null",
    };
}

/// <summary>A property did not hold; the message says how to replay it.</summary>
public sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
