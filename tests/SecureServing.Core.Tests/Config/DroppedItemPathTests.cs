namespace SecureServing.Core.Tests.Config;

/// <summary>
/// The loader drops list items it cannot use (null, blank, wrong type; each reported). A finding about a later item
/// must still name that item as written, key path and line, not the position it has in the loaded model.
/// </summary>
public sealed class DroppedItemPathTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Fraud = "stacks/dev/fraud.yaml";

    /// <summary>(mechanism, edits of the dev stack, rule, file, key path, text of the line the finding must point at).</summary>
    public static TheoryData<string, Edit[], string, string, string, string> Cases() => new()
    {
        {
            "a reader's format check of a text list, after a null item",
            [new(Dev, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    admitImages:\n      - ~\n      - BAD\n  secure-serving:labels:")],
            "invalid-value", Dev, "secure-serving:binaryAuthorization.admitImages[1]", "      - BAD"
        },
        {
            "a reader's spelling check of a list of choices, after a blank item",
            [new(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    logging:\n      - \"\"\n      - systemComponents\n      - workloadz\n")],
            "invalid-value", Dev, "secure-serving:cluster.logging[2]", "      - workloadz"
        },
        {
            "a reader's name lookup in a text list, after a non-text item",
            [new(Dev, "    mode: dryRun\n", "    mode: enforced\n    dryRun:\n      accessLevels:\n        - [nested]\n        - ss_dev_buildrs\n")],
            "invalid-value", Dev, "secure-serving:perimeter.dryRun.accessLevels[1]", "        - ss_dev_buildrs"
        },
        {
            "a rule on a text list of the model, after a null item",
            [new(Fraud, "members:\n  - group:fraud-ml@example.com\n", "members:\n  - ~\n  - group:fraud-ml@example.com\n  - domain:gmail.com\n")],
            "consumer-iap-member", Fraud, "members[2]", "  - domain:gmail.com"
        },
        {
            "a rule on a list of maps of the model, after a non-map item",
            [new(Dev, "    nodePools:\n      - name: serving\n", "    nodePools:\n      - not-a-pool\n      - name: default-pool\n        machineType: e2-standard-4\n      - name: serving\n")],
            "reserved-pool-name", Dev, "secure-serving:cluster.nodePools[1].name", "      - name: default-pool"
        },
        {
            "a rule on a team's models, after a null model",
            [new(Fraud, "models:\n", "models:\n  - ~\n"), new(Fraud, "  - name: xgb-fraud-score\n", "  - name: sklearn-iris # again\n")],
            "duplicate-name", Fraud, "models[2].name", "  - name: sklearn-iris # again"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_finding_names_the_item_as_written(string mechanism, Edit[] edits, string rule, string file, string keyPath, string lineText)
    {
        using var repo = TempRepo.Shipped("dev");
        foreach (var e in edits)
        {
            repo.Edit(e.File, e.Find, e.Replace);
        }

        var report = repo.Check("dev");

        var hit = report.Findings.Where(f => f.RuleId == rule && f.File == file && f.KeyPath == keyPath).ToList();
        Assert.True(hit.Count == 1, $"{mechanism}: expected one {rule} at {file}: {keyPath}; got:\n"
            + string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.File}:{f.Line} {f.KeyPath}")));
        Assert.Equal(repo.LineOf(file, lineText), hit[0].Line);
        Assert.Contains($"`{keyPath}`", hit[0].Message, StringComparison.Ordinal);
    }
}
