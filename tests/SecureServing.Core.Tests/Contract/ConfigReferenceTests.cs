using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// The configuration reference generated from the config contract (its freshness in docs/configuration.md is checked by
/// <see cref="Docs.GeneratedDocsTests"/>).
/// </summary>
public sealed class ConfigReferenceTests
{
    [Fact]
    public void Reference_has_a_row_for_every_declared_key_and_its_default()
    {
        var stack = ConfigReference.StackFile();
        var team = ConfigReference.TeamFile();

        Assert.Contains("| `egress` | `restricted` \\| `nat` | `restricted` |", stack, StringComparison.Ordinal);
        Assert.Contains("| `secure-serving:network` | map (below) | required |", stack, StringComparison.Ordinal);
        Assert.Contains("`secure-serving:cluster.nodePools[]`: One node pool.", stack, StringComparison.Ordinal);
        Assert.Contains("| `diskSizeGb` | integer ≥ 10 | `100` |", stack, StringComparison.Ordinal);
        Assert.Contains("| `activator` | `off` \\| `on` | `off` |", team, StringComparison.Ordinal);
        Assert.All(TeamFileContract.Model.Keys, k => Assert.Contains($"| `{k.Name}` |", team, StringComparison.Ordinal));
        Assert.DoesNotContain("seed", stack + team, StringComparison.OrdinalIgnoreCase);
    }
}
