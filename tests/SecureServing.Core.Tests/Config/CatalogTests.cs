using System.Text.RegularExpressions;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>The rule catalog is the single source for ids, guardrail table rows and acknowledgeability.</summary>
public sealed partial class CatalogTests
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void Rule_ids_are_unique_kebab_case_and_documented()
    {
        Assert.Empty(RuleCatalog.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches(KebabCase(), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Refuses), $"{r.Id} says nothing it refuses");
            Assert.False(string.IsNullOrWhiteSpace(r.Why), $"{r.Id} says nothing why");
            Assert.False(string.IsNullOrWhiteSpace(r.Fix), $"{r.Id} says nothing how to fix it");
            Assert.DoesNotContain("|", r.Refuses + r.Why + r.Fix, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Guardrail_table_rows_say_id_severity_what_is_refused_why_and_how_to_fix()
    {
        var table = RuleCatalog.GuardrailTable().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["| Rule | Severity | Refuses | Why | Fix |", "|---|---|---|---|---|"], table[..2]);
        Assert.Contains(
            "| `master-cidr-size` | error | A control-plane range (`masterCidr`) that is not a /28. | GKE requires a /28 for a private cluster's control plane. | Use a /28 such as `172.16.0.0/28`. |",
            table);
        Assert.Contains(
            "| `authorized-networks-ignored` | warning | `masterAuthorizedNetworks` with `endpoint: dns`. | The DNS-based endpoint is guarded by IAM; authorized networks only apply to IP endpoints, so the list gives a false sense of protection. | Remove the list, or use `endpoint: private`. |",
            table);
        Assert.Contains(
            "| `activator-bypasses-isolation` | error | A model with `activator: on` in a team with namespace isolation. | With the activator on the request path the AuthorizationPolicy only sees knative-serving as the caller and cannot check the originating namespace (knative-extensions/net-istio#554). Source: KServe, \"Secure InferenceService with ServiceMesh\", https://kserve.github.io/website/latest/admin/serverless/servicemesh/. | Set `activator: \"off\"` (targetBurstCapacity 0). Or acknowledge it with a reason. |",
            table);
        Assert.Contains(table, l => l.StartsWith("| `deployment-name` |", StringComparison.Ordinal) && l.Contains("https://v0-5.kubeflow.org/docs/gke/private-clusters/", StringComparison.Ordinal));
        Assert.All(table, l => Assert.Equal(7, l.Split('|').Length)); // five cells: no text breaks the table
    }

    /// <summary>
    /// What a user meets: a stack file that acknowledges every rule in the catalog gets <c>ack-not-allowed</c> for
    /// each rule that is not a trade-off, and for no other.
    /// </summary>
    [Fact]
    public void Only_trade_offs_are_acknowledgeable()
    {
        using var repo = TempRepo.Shipped("dev");
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        var entries = string.Concat(ids.Select(id => $"    - rule: {id}\n      reason: the catalog test acknowledges every rule\n"));
        repo.Edit("Pulumi.dev.yaml", "  secure-serving:ingress:\n", "  secure-serving:acknowledge:\n" + entries + "  secure-serving:ingress:\n");

        var refused = repo.Check("dev").Findings
            .Where(f => f.RuleId == "ack-not-allowed" && f.File == "Pulumi.dev.yaml")
            .Select(f => f.KeyPath)
            .ToHashSet(StringComparer.Ordinal);
        var acknowledgeable = ids.Where((id, i) => !refused.Contains($"secure-serving:acknowledge[{i}].rule")).Order(StringComparer.Ordinal);

        Assert.Equal(
            // accelerator-not-in-region: the offline GPU table can go stale; the acknowledgement says it has.
            [
                "accelerator-not-in-region", "activator-bypasses-isolation", "binary-authorization-not-enforced", "boot-disks-not-cmek", "cluster-logging-reduced", "data-not-cmek",
                "deletion-protection-off-in-prod", "egress-to-any-resource", "groups-rbac-off", "ingress-from-any-identity",
                "ingress-from-any-source", "intranode-visibility-off", "model-not-sandboxed-in-prod", "out-of-mesh-callers-bypass-isolation", "perimeter-not-enforced",
                "range-too-broad", "rapid-channel-in-prod", "secrets-not-encrypted", "security-bulletins-off", "security-posture-off",
                "sidecar-off-with-authorization",
            ],
            acknowledgeable);
    }
}
