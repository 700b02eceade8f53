using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Accelerator, taint and sandbox node pools, and Google Groups for RBAC, as the GCP plan renders them.</summary>
public sealed class NodePoolWorkloadPlanTests
{
    private static readonly NodePoolConfig Cpu = new() { Name = "serving" };

    private static readonly NodePoolConfig Gpu = new()
    {
        Name = "gpu-l4",
        MachineType = "g2-standard-8",
        MinNodes = 0,
        MaxNodes = 2,
        Accelerator = new AcceleratorConfig { Type = "nvidia-l4", Count = 1 },
        Taints = [NodeTaint.Gpu],
    };

    private static GcpPlan Plan(params NodePoolConfig[] pools) =>
        GcpPlanner.Plan(TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { NodePools = pools } });

    [Fact]
    public void An_accelerator_pool_gets_its_gpus_with_gke_installing_the_driver_and_the_gpu_taint()
    {
        var pool = Plan(Cpu, Gpu).Single("cluster-pool-gpu-l4");

        Assert.Equal("nvidia-l4", pool.Str("nodeConfig.guestAccelerators.0.type"));
        Assert.Equal(1, pool.Int("nodeConfig.guestAccelerators.0.count"));
        Assert.Equal("DEFAULT", pool.Str("nodeConfig.guestAccelerators.0.gpuDriverInstallationConfig.gpuDriverVersion"));
        Assert.Equal("nvidia.com/gpu", pool.Str("nodeConfig.taints.0.key"));
        Assert.Equal("present", pool.Str("nodeConfig.taints.0.value"));
        Assert.Equal("NO_SCHEDULE", pool.Str("nodeConfig.taints.0.effect"));
        Assert.Equal("g2-standard-8", pool.Str("nodeConfig.machineType"));
        Assert.Null(pool.At("nodeConfig.sandboxConfig"));
        // minNodes 0: the pool starts empty instead of billing a GPU node per zone until the autoscaler removes it.
        Assert.Equal(0, pool.Int("initialNodeCount"));
    }

    [Fact]
    public void Latest_driver_and_every_taint_effect_in_gkes_spelling()
    {
        var pool = Gpu with
        {
            Accelerator = Gpu.Accelerator! with { Driver = GpuDriver.Latest, Count = 2 },
            Taints = [new("a", "x", TaintEffect.NoSchedule), new("b", "y", TaintEffect.PreferNoSchedule), new("c", "z", TaintEffect.NoExecute)],
        };
        var rendered = Plan(Cpu, pool).Single("cluster-pool-gpu-l4");

        Assert.Equal("LATEST", rendered.Str("nodeConfig.guestAccelerators.0.gpuDriverInstallationConfig.gpuDriverVersion"));
        Assert.Equal(2, rendered.Int("nodeConfig.guestAccelerators.0.count"));
        Assert.Equal(["NO_SCHEDULE", "PREFER_NO_SCHEDULE", "NO_EXECUTE"],
            rendered.At("nodeConfig.taints")!.AsArray().Select(t => t!["effect"]!.GetValue<string>()));
    }

    [Fact]
    public void A_sandbox_pool_runs_gvisor_and_cpu_pools_carry_no_accelerator_taint_or_sandbox()
    {
        var plan = Plan(Cpu, new NodePoolConfig { Name = "sandboxed", Sandbox = true });

        Assert.Equal("GVISOR", plan.Single("cluster-pool-sandboxed").Str("nodeConfig.sandboxConfig.type"));
        var cpu = plan.Single("cluster-pool-serving");
        Assert.Null(cpu.At("nodeConfig.guestAccelerators"));
        Assert.Null(cpu.At("nodeConfig.taints"));
        Assert.Null(cpu.At("nodeConfig.sandboxConfig"));
        var cluster = plan.Single("cluster-gke");
        Assert.Null(cluster.At("nodeConfig.guestAccelerators"));
        Assert.Null(cluster.At("nodeConfig.sandboxConfig"));
    }

    [Fact]
    public void Google_groups_for_rbac_is_set_on_the_cluster_only_when_configured()
    {
        var with = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { SecurityGroup = "gke-security-groups@example.com" } };

        Assert.Equal("gke-security-groups@example.com", GcpPlanner.Plan(with).Single("cluster-gke").Str("authenticatorGroupsConfig.securityGroup"));
        Assert.Null(GcpPlanner.Plan(TestConfigs.Dev()).Single("cluster-gke").At("authenticatorGroupsConfig"));
    }
}
