using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Tests.Contract;

/// <summary>The README's configuration reference is generated from the config contract.</summary>
public sealed class ConfigReferenceTests
{
    [Fact]
    public void Readme_stack_file_reference_is_what_the_contract_generates() =>
        GeneratedFiles.AssertFreshSection("README.md", "config-reference-stack", ConfigReference.StackFile(), "FullyQualifiedName~Contract");

    [Fact]
    public void Readme_team_file_reference_is_what_the_contract_generates() =>
        GeneratedFiles.AssertFreshSection("README.md", "config-reference-team", ConfigReference.TeamFile(), "FullyQualifiedName~Contract");

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
