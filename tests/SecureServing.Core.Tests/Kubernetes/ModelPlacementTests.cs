using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using SecureServing.Core.Tests.Schemas;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>A model's resources, node pool, sandbox and scaling keys on its InferenceService.</summary>
public sealed class ModelPlacementTests
{
    private static readonly NodePoolConfig GpuPool = new()
    {
        Name = "gpu-l4",
        MachineType = "g2-standard-8",
        Accelerator = new AcceleratorConfig { Type = "nvidia-l4" },
        Taints = [NodeTaint.Gpu, new NodeTaint("team", "vision", TaintEffect.NoExecute)],
    };

    private static readonly NodePoolConfig SandboxPool = new() { Name = "sandboxed", Sandbox = true };

    private static PlatformConfig WithPools(ModelConfig model) => TestConfigs.Dev() with
    {
        Cluster = TestConfigs.Dev().Cluster with { NodePools = [.. TestConfigs.Dev().Cluster.NodePools, GpuPool, SandboxPool] },
        Teams = [TestConfigs.Team(models: model)],
    };

    private static JsonObject Predictor(ModelConfig model) =>
        PlanOf(WithPools(model)).Single("InferenceService", "fraud-models", model.Name).At("spec.predictor")!.AsObject();

    [Fact]
    public void A_gpu_model_on_its_pool_gets_the_gpu_limit_the_pool_selector_and_tolerations_of_exactly_the_pools_taints()
    {
        var predictor = Predictor(TestConfigs.Model("llm") with
        {
            Resources = new ModelResources { Cpu = "4", Memory = "16Gi", Gpu = 1 },
            NodePool = "gpu-l4",
        });

        var resources = predictor["model"]!["resources"]!;
        Assert.Equal("4", resources["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("16Gi", resources["requests"]!["memory"]!.GetValue<string>());
        Assert.Null(resources["requests"]!["nvidia.com/gpu"]);
        Assert.Equal("4", resources["limits"]!["cpu"]!.GetValue<string>());
        Assert.Equal("16Gi", resources["limits"]!["memory"]!.GetValue<string>());
        Assert.Equal(1, resources["limits"]!["nvidia.com/gpu"]!.GetValue<int>());
        Assert.Equal("gpu-l4", predictor["nodeSelector"]!["cloud.google.com/gke-nodepool"]!.GetValue<string>());
        Assert.Equal(
            [("nvidia.com/gpu", "Equal", "present", "NoSchedule"), ("team", "Equal", "vision", "NoExecute")],
            predictor["tolerations"]!.AsArray().Select(t => (Text(t, "key"), Text(t, "operator"), Text(t, "value"), Text(t, "effect"))));
        Assert.Null(predictor["runtimeClassName"]);
    }

    [Fact]
    public void A_gpu_model_without_a_pool_tolerates_the_gpu_taint_whatever_its_value_and_has_no_selector()
    {
        var predictor = Predictor(TestConfigs.Model("llm") with { Resources = new ModelResources { Gpu = 2 } });

        Assert.Null(predictor["nodeSelector"]);
        var toleration = Assert.Single(predictor["tolerations"]!.AsArray());
        Assert.Equal(("nvidia.com/gpu", "Exists", "NoSchedule"), (Text(toleration, "key"), Text(toleration, "operator"), Text(toleration, "effect")));
        Assert.Null(toleration!["value"]);
        Assert.Null(predictor["model"]!["resources"]!["requests"]);
        Assert.Equal(2, predictor["model"]!["resources"]!["limits"]!["nvidia.com/gpu"]!.GetValue<int>());
    }

    [Fact]
    public void A_sandboxed_model_runs_with_the_gvisor_runtime_class_on_the_sandbox_pool()
    {
        var predictor = Predictor(TestConfigs.Model("untrusted") with { Sandbox = true, NodePool = "sandboxed" });

        Assert.Equal("gvisor", predictor["runtimeClassName"]!.GetValue<string>());
        Assert.Equal("sandboxed", predictor["nodeSelector"]!["cloud.google.com/gke-nodepool"]!.GetValue<string>());
        // GKE's gvisor RuntimeClass brings the sandbox taint's toleration; the pool has no taint of its own.
        Assert.Null(predictor["tolerations"]);
    }

    [Fact]
    public void Replicas_and_autoscaling_are_kserves_fields_and_only_when_set()
    {
        var scaled = Predictor(TestConfigs.Model("m") with { MinReplicas = 2, MaxReplicas = 6, ScaleTarget = 10, ScaleMetric = ScaleMetric.Rps });
        var plain = Predictor(TestConfigs.Model("m"));

        Assert.Equal((2, 6, 10, "rps"), (Int(scaled, "minReplicas"), Int(scaled, "maxReplicas"), Int(scaled, "scaleTarget"), scaled["scaleMetric"]!.GetValue<string>()));
        foreach (var key in new[] { "minReplicas", "maxReplicas", "scaleTarget", "scaleMetric", "nodeSelector", "tolerations", "runtimeClassName" })
        {
            Assert.Null(plain[key]);
        }

        Assert.Null(plain["model"]!["resources"]);
    }

    [Fact]
    public void Scale_to_zero_is_rendered_as_min_replicas_zero()
    {
        Assert.Equal(0, Int(Predictor(TestConfigs.Model("batch", ActivatorMode.On) with { MinReplicas = 0 }), "minReplicas"));
    }

    [Fact]
    [Trait("Category", "UpstreamSchemas")]
    public void Every_placement_variant_passes_the_kserve_crd()
    {
        var models = new[]
        {
            TestConfigs.Model("llm") with { Resources = new ModelResources { Cpu = "500m", Memory = "1Gi", Gpu = 1 }, NodePool = "gpu-l4", MinReplicas = 1, MaxReplicas = 3, ScaleTarget = 5, ScaleMetric = ScaleMetric.Concurrency },
            TestConfigs.Model("cold", ActivatorMode.On) with { Resources = new ModelResources { Gpu = 1 }, MinReplicas = 0 },
            TestConfigs.Model("boxed") with { Sandbox = true, NodePool = "sandboxed", Resources = new ModelResources { Memory = "2Gi" } },
        };
        foreach (var model in models)
        {
            UpstreamSchemas.AssertValid(PlanOf(WithPools(model)).Single("InferenceService", "fraud-models", model.Name).Manifest);
        }
    }

    private static string Text(JsonNode? node, string key) => node![key]!.GetValue<string>();

    private static int Int(JsonObject node, string key) => node[key]!.GetValue<int>();
}
