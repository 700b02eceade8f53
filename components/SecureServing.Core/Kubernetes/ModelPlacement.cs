using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Where a model's predictor runs and how big it is, as fields of its InferenceService (KServe v1beta1
/// <c>PredictorSpec</c>; field names from the v0.20.0 CRD):
/// <list type="bullet">
/// <item><c>predictor.model.resources</c>: <c>cpu</c> and <c>memory</c> as equal requests and limits; <c>gpu</c> as the
/// <c>nvidia.com/gpu</c> limit (Kubernetes sets the request of an extended resource to its limit).</item>
/// <item><c>predictor.nodeSelector</c> <c>cloud.google.com/gke-nodepool: &lt;nodePool&gt;</c> (the label GKE puts on every
/// node of a pool) and <c>predictor.tolerations</c> of exactly that pool's taints (<c>operator: Equal</c>). A GPU model
/// without <c>nodePool</c> tolerates the default GPU taint (<c>nvidia.com/gpu</c>, any value) and lands on any node with a
/// free GPU.</item>
/// <item><c>predictor.runtimeClassName: gvisor</c> for <c>sandbox: true</c>; GKE's <c>gvisor</c> RuntimeClass adds its
/// own node selector and toleration for GKE Sandbox nodes.</item>
/// <item><c>minReplicas</c>, <c>maxReplicas</c>, <c>scaleTarget</c>, <c>scaleMetric</c> only when the model sets them, so
/// KServe's defaults stay KServe's.</item>
/// </list>
/// </summary>
internal static class ModelPlacement
{
    /// <summary>The node label GKE sets to the node pool's name.</summary>
    public const string NodePoolLabel = "cloud.google.com/gke-nodepool";
    public const string GpuResource = "nvidia.com/gpu";
    /// <summary>GKE Sandbox's RuntimeClass.</summary>
    public const string SandboxRuntimeClass = "gvisor";

    public static void AddResources(JsonObject modelSpec, ModelConfig model)
    {
        if (model.Resources is not { } r || (r.Cpu is null && r.Memory is null && r.Gpu == 0))
        {
            return;
        }

        var requests = new JsonObject();
        var limits = new JsonObject();
        foreach (var (name, value) in new[] { ("cpu", r.Cpu), ("memory", r.Memory) })
        {
            if (value is not null)
            {
                requests[name] = value;
                limits[name] = value;
            }
        }

        if (r.Gpu > 0)
        {
            limits[GpuResource] = r.Gpu;
        }

        var resources = new JsonObject();
        if (requests.Count > 0)
        {
            resources["requests"] = requests;
        }

        resources["limits"] = limits;
        modelSpec["resources"] = resources;
    }

    public static void AddPlacementAndScaling(JsonObject predictor, PlatformConfig config, ModelConfig model)
    {
        var pool = model.NodePool is null ? null : config.Cluster.NodePools.FirstOrDefault(p => p.Name == model.NodePool);
        if (model.NodePool is not null)
        {
            predictor["nodeSelector"] = new JsonObject { [NodePoolLabel] = model.NodePool };
        }

        var tolerations = pool is not null
            ? pool.Taints.Select(t => Toleration(t.Key, "Equal", t.Value, t.Effect)).ToList()
            : model.Resources is { Gpu: > 0 } ? [Toleration(NodeTaint.Gpu.Key, "Exists", null, NodeTaint.Gpu.Effect)] : [];
        if (tolerations.Count > 0)
        {
            predictor["tolerations"] = Manifest.Array(tolerations);
        }

        if (model.Sandbox)
        {
            predictor["runtimeClassName"] = SandboxRuntimeClass;
        }

        Set(predictor, "minReplicas", model.MinReplicas);
        Set(predictor, "maxReplicas", model.MaxReplicas);
        Set(predictor, "scaleTarget", model.ScaleTarget);
        if (model.ScaleMetric is { } metric)
        {
            // KServe spells the metrics as the team file does.
            predictor["scaleMetric"] = TeamFileContract.ScaleMetricKey.Options.Single(o => o.Value == metric).Spelling;
        }
    }

    private static JsonObject Toleration(string key, string op, string? value, TaintEffect effect)
    {
        var toleration = new JsonObject { ["key"] = key, ["operator"] = op };
        if (value is not null)
        {
            toleration["value"] = value;
        }

        toleration["effect"] = effect.ToString();
        return toleration;
    }

    private static void Set(JsonObject obj, string key, int? value)
    {
        if (value is { } v)
        {
            obj[key] = v;
        }
    }
}
