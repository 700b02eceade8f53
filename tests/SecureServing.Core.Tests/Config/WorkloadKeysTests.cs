using SecureServing.Core.Config;

namespace SecureServing.Core.Tests.Config;

/// <summary>The workload keys as the loader reads them from the shipped dev stack, with their defaults.</summary>
public sealed class WorkloadKeysTests
{
    private static PlatformConfig Load(params Edit[] edits)
    {
        using var repo = TempRepo.Shipped("dev");
        foreach (var e in edits)
        {
            repo.Edit(e.File, e.Find, e.Replace);
        }

        var report = repo.Check("dev");
        return report.Config ?? throw new Xunit.Sdk.XunitException(string.Join("\n", report.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void An_accelerator_pool_without_taints_gets_the_gpu_taint_and_cpu_pools_none()
    {
        var pools = Load().Cluster.NodePools;

        var gpu = Assert.Single(pools, p => p.Name == "gpu-l4");
        Assert.Equal(new AcceleratorConfig { Type = "nvidia-l4", Count = 1, Driver = GpuDriver.Default }, gpu.Accelerator);
        Assert.Equal([NodeTaint.Gpu], gpu.Taints);
        Assert.False(gpu.Sandbox);
        var cpu = Assert.Single(pools, p => p.Name == "serving");
        Assert.Null(cpu.Accelerator);
        Assert.Empty(cpu.Taints);
    }

    [Fact]
    public void Written_taints_replace_the_default_and_an_empty_list_means_none()
    {
        const string pool = "          driver: default\n";
        var written = Load(new Edit("Pulumi.dev.yaml", pool, pool + "        taints:\n          - key: team\n            value: recsys\n            effect: NoExecute\n"));
        var none = Load(new Edit("Pulumi.dev.yaml", pool, pool + "        taints: []\n"));

        Assert.Equal([new NodeTaint("team", "recsys", TaintEffect.NoExecute)], written.Cluster.NodePools.Single(p => p.Name == "gpu-l4").Taints);
        Assert.Empty(none.Cluster.NodePools.Single(p => p.Name == "gpu-l4").Taints);
    }

    [Fact]
    public void Model_and_quota_keys_are_read_and_absent_ones_keep_kserves_defaults()
    {
        var config = Load();
        var recsys = config.Teams.Single(t => t.Team == "recsys");
        var llm = recsys.Models.Single(m => m.Name == "llm-reranker");

        Assert.Equal(new ModelResources { Cpu = "4", Memory = "16Gi", Gpu = 1 }, llm.Resources);
        Assert.Equal(("gpu-l4", 1, 2, 4, ScaleMetric.Concurrency), (llm.NodePool, llm.MinReplicas, llm.MaxReplicas, llm.ScaleTarget, llm.ScaleMetric));
        Assert.Equal(new TeamQuota { Cpu = "24", Memory = "96Gi", Gpu = 2, Pods = 30 }, recsys.Quota);
        Assert.Null(config.Cluster.SecurityGroup); // dev leaves Google Groups for RBAC off

        var fraud = config.Teams.Single(t => t.Team == "fraud");
        Assert.Equal(new TeamQuota(), fraud.Quota);
        var iris = fraud.Models.Single(m => m.Name == "sklearn-iris");
        Assert.Equal((null, null, null, null, null, false, 1), (iris.Resources, iris.NodePool, iris.MinReplicas, iris.MaxReplicas, iris.ScaleMetric, iris.Sandbox, iris.EffectiveMinReplicas));
    }

    [Theory]
    [InlineData("      cpu: \"4\"", "      cpu: \"0\"", "models[2].resources.cpu")]
    [InlineData("      cpu: \"4\"", "      cpu: \"4 \"", "models[2].resources.cpu")]
    [InlineData("      memory: 16Gi", "      memory: \"16Gi\\n\"", "models[2].resources.memory")]
    [InlineData("      gpu: 1\n", "      gpu: 17\n", "models[2].resources.gpu")]
    [InlineData("    minReplicas: 1", "    minReplicas: 1001", "models[2].minReplicas")]
    [InlineData("  pods: 30", "  pods: 0", "quota.pods")]
    [InlineData("  gpu: 2\n", "  gpu: 1025\n", "quota.gpu")]
    public void Out_of_range_and_malformed_values_are_refused_at_their_key(string find, string replace, string keyPath)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit("stacks/dev/recsys.yaml", find, replace);

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.RuleId == "invalid-value" && f.File == "stacks/dev/recsys.yaml" && f.KeyPath == keyPath);
        Assert.Null(report.Config);
    }
}
