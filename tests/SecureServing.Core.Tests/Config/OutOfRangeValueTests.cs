using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>
/// A count outside its declared range is reported once, at its key, and not kept: no rule computes with it, so it
/// brings no follow-on findings (a quota "too small" for two billion replicas, a pool "too small" for 99 GPUs).
/// </summary>
public sealed class OutOfRangeValueTests
{
    private const string Fraud = "stacks/dev/fraud.yaml";
    private const string Model = "    storageUri: \"{teamBucket}/sklearn/iris\"\n";

    public static TheoryData<string, string> Cases() => new()
    {
        { "    minReplicas: 2147483647\n", "models[0].minReplicas" },
        { "    minReplicas: 1001\n", "models[0].minReplicas" },
        { "    minReplicas: 3\n    maxReplicas: 0\n", "models[0].maxReplicas" },
        { "    nodePool: gpu-l4\n    resources:\n      gpu: 99\n", "models[0].resources.gpu" },
        { "    scaleTarget: 0\n", "models[0].scaleTarget" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_out_of_range_count_gives_one_finding_and_no_follow_on(string keys, string keyPath)
    {
        using var repo = TempRepo.Shipped("dev");
        var shipped = repo.Check("dev").Findings.Select(f => (f.RuleId, f.File, f.KeyPath)).ToHashSet();
        repo.Edit(Fraud, Model, Model + keys);

        var report = repo.Check("dev");

        var added = report.Findings.Where(f => !shipped.Contains((f.RuleId, f.File, f.KeyPath))).ToList();
        Assert.True(added.Count == 1 && added[0].RuleId == "invalid-value" && added[0].KeyPath == keyPath,
            $"expected only invalid-value at {keyPath}; got {added.Count}:\n" + string.Join("\n", added.Select(f => $"  {f.RuleId} {f.File}: {f.KeyPath}: {f.Message}")));
        Assert.Equal(Severity.Error, added[0].Severity);
    }
}
