using System.Collections.Immutable;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>Reads registered inputs (nested <c>ImmutableDictionary</c>/<c>ImmutableArray</c>) by path.</summary>
internal static class Values
{
    /// <summary>The value at a dotted path (<c>privateClusterConfig.masterIpv4CidrBlock</c>); fails the test when absent.</summary>
    public static object At(ImmutableDictionary<string, object> inputs, string path)
    {
        object current = inputs;
        foreach (var key in path.Split('.'))
        {
            Assert.True(current is ImmutableDictionary<string, object> map && map.ContainsKey(key), $"no input at '{path}' (missing '{key}')");
            current = ((ImmutableDictionary<string, object>)current)[key];
        }

        return current;
    }

    public static bool Has(ImmutableDictionary<string, object> inputs, string path)
    {
        object current = inputs;
        foreach (var key in path.Split('.'))
        {
            if (current is not ImmutableDictionary<string, object> map || !map.TryGetValue(key, out var next))
            {
                return false;
            }

            current = next;
        }

        return true;
    }

    public static string Text(ImmutableDictionary<string, object> inputs, string path) => Assert.IsType<string>(At(inputs, path));

    public static bool Flag(ImmutableDictionary<string, object> inputs, string path) => Assert.IsType<bool>(At(inputs, path));

    public static double Number(ImmutableDictionary<string, object> inputs, string path) => Assert.IsType<double>(At(inputs, path));

    public static IReadOnlyList<string> Texts(ImmutableDictionary<string, object> inputs, string path) =>
        [.. Assert.IsType<ImmutableArray<object>>(At(inputs, path)).Select(v => Assert.IsType<string>(v))];

    public static IReadOnlyList<ImmutableDictionary<string, object>> Objects(ImmutableDictionary<string, object> inputs, string path) =>
        [.. Assert.IsType<ImmutableArray<object>>(At(inputs, path)).Select(v => Assert.IsType<ImmutableDictionary<string, object>>(v))];
}
