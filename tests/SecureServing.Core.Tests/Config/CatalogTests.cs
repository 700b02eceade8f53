using System.Text.RegularExpressions;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>The rule catalog is the single source for ids, README lines and acknowledgeability.</summary>
public sealed partial class CatalogTests
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void Rule_ids_are_unique_kebab_case_and_documented()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches(KebabCase(), r.Id);
            Assert.StartsWith($"| `{r.Id}` |", r.ReadmeLine, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.Refuses + r.Why + r.Fix));
            Assert.DoesNotContain("|", r.Refuses + r.Why + r.Fix, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Readme_table_has_one_row_per_rule_and_cites_public_sources()
    {
        var table = RuleCatalog.ReadmeTable().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(RuleCatalog.All.Count + 2, table.Length);
        Assert.Contains(table, l => l.StartsWith("| `activator-bypasses-isolation` |", StringComparison.Ordinal) && l.Contains("knative-extensions/net-istio#554", StringComparison.Ordinal) && l.Contains("acknowledge", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("| `deployment-name` |", StringComparison.Ordinal) && l.Contains("https://v0-5.kubeflow.org/docs/gke/private-clusters/", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_trade_offs_are_acknowledgeable()
    {
        var acknowledgeable = RuleCatalog.All.Where(r => r.Acknowledgeable).Select(r => r.Id).Order(StringComparer.Ordinal);

        Assert.Equal(
            // accelerator-not-in-region: the offline GPU table can go stale; the acknowledgement says it has.
            [
                "accelerator-not-in-region", "activator-bypasses-isolation", "binary-authorization-not-enforced", "boot-disks-not-cmek", "cluster-logging-reduced",
                "deletion-protection-off-in-prod", "egress-to-any-resource", "groups-rbac-off", "ingress-from-any-identity",
                "ingress-from-any-source", "intranode-visibility-off", "out-of-mesh-callers-bypass-isolation", "perimeter-not-enforced",
                "range-too-broad", "rapid-channel-in-prod", "secrets-not-encrypted", "security-bulletins-off", "security-posture-off",
                "sidecar-off-with-authorization",
            ],
            acknowledgeable);
    }

    /// <summary>
    /// The README's guardrail table is <see cref="RuleCatalog.ReadmeTable"/>, a generated section: this fails whenever a
    /// rule is added or changed without its README row (<c>SECURE_SERVING_UPDATE_SNAPSHOTS=1</c> rewrites it).
    /// </summary>
    [Fact]
    public void Readme_documents_every_rule()
    {
        Contract.GeneratedFiles.AssertFreshSection("README.md", "rule-table", RuleCatalog.ReadmeTable(), "FullyQualifiedName~CatalogTests");

        var readme = File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "README.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains(r.ReadmeLine, readme, StringComparison.Ordinal));
    }
}
