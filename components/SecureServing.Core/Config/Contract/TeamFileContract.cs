using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Config.Contract;

/// <summary>A team file <c>stacks/&lt;stack&gt;/&lt;team&gt;.yaml</c>. One declaration per key; <see cref="TeamFileReader"/> reads through them.</summary>
public static class TeamFileContract
{
    /// <summary>Written at the start of a model's <c>storageUri</c> for the team's own bucket.</summary>
    public const string TeamBucketPlaceholder = "{teamBucket}";

    public static readonly BoolKey Authorization = new("authorization",
        "Namespace isolation AuthorizationPolicy: only the team's namespace, `allowedNamespaces` and knative-serving may call its models; `false` is refused under `mesh.dex`.", true);

    /// <summary>KServe model formats (predictor <c>modelFormat.name</c>) the platform serves.</summary>
    public static readonly ChoiceKey<string> Format = new("format", "KServe model format (the predictor's `modelFormat.name`).", "",
        [.. new[] { "sklearn", "xgboost", "lightgbm", "tensorflow", "pytorch", "onnx", "triton", "pmml", "paddle", "mlflow", "huggingface" }.Select(f => (f, f))])
    {
        Required = true,
    };

    public static readonly ChoiceKey<ActivatorMode> Activator = new("activator",
        "`off`: targetBurstCapacity 0, so the Knative activator leaves the request path and namespace isolation sees the real caller; `on` (scale to zero) is refused under authorization unless acknowledged. Quote it (`\"off\"`): YAML 1.1 tools read a bare off as false.",
        ActivatorMode.Off, ("off", ActivatorMode.Off), ("on", ActivatorMode.On));

    public static readonly BoolKey ExposeViaIap = new("exposeViaIap", "Adds the IAP path route `/kfserving/<namespace>/<model>`.", false);

    public static readonly BoolKey SidecarInjection = new("sidecarInjection", "Istio sidecar injection; `false` is refused under authorization unless acknowledged (no mesh authorization without it).", true);

    /// <summary>GPUs on one node or in one container: the largest GCP machine (a2-megagpu-16g) carries 16.</summary>
    public const int MaxGpusPerNode = 16;

    public static readonly CountKey ResourcesGpu = new("gpu", "GPUs, as the container's `nvidia.com/gpu` limit; needs an accelerator node pool.", 0) { Maximum = MaxGpusPerNode };

    public static readonly MapKey Resources = new("resources",
        "Requests and limits (equal) of the predictor container; absent: KServe's defaults.",
        new TextKey("cpu", "CPU, a Kubernetes quantity such as `2` or `500m`.") { Format = Formats.CpuQuantity(), TypeName = "CPU quantity" },
        new TextKey("memory", "Memory, a Kubernetes quantity such as `8Gi`.") { Format = Formats.MemoryQuantity(), TypeName = "memory quantity" },
        ResourcesGpu);

    public static readonly CountKey MinReplicas = new("minReplicas", "KServe `minReplicas`; `0` (scale to zero) needs `activator: \"on\"`.", 1) { Maximum = 1000 };

    public static readonly CountKey MaxReplicas = new("maxReplicas", "KServe `maxReplicas`, at least `minReplicas`; absent: no limit besides the team's quota.", 0)
    {
        Minimum = 1,
        Maximum = 1000,
        DerivedDefault = "no limit (KServe's default)",
    };

    public static readonly CountKey ScaleTarget = new("scaleTarget", "KServe `scaleTarget`: target value of `scaleMetric` per replica; absent: Knative's default.", 0)
    {
        Minimum = 1,
        Maximum = 100_000,
        DerivedDefault = "Knative's default target (100 concurrent requests)",
    };

    public static readonly ChoiceKey<ScaleMetric> ScaleMetricKey = new("scaleMetric",
        "KServe `scaleMetric` for Knative's autoscaler: `concurrency` (in-flight requests) or `rps`; `cpu` and `memory` need Knative's HPA class and are refused.",
        ScaleMetric.Concurrency, ("concurrency", ScaleMetric.Concurrency), ("rps", ScaleMetric.Rps));

    public static readonly BoolKey ModelSandbox = new("sandbox", "GKE Sandbox: runtime class `gvisor`, on a node pool with `sandbox: true`.", false);

    public static readonly MapKey Model = new("models[]", "One model, served as a KServe InferenceService.",
        new TextKey("name", "InferenceService name: a DNS-1123 label starting with a letter; `<name>-predictor-<namespace>` must fit in 63 characters.") { Required = true },
        Format,
        new TextKey("storageUri", $"`{TeamBucketPlaceholder}/path` (the team's bucket) or `gs://<bucket listed in perimeter.buckets>/path`.") { Required = true, TypeName = "URI" },
        Activator,
        ExposeViaIap,
        SidecarInjection,
        new TextKey("image", "Custom predictor image from a registry the private cluster reaches. Under restricted egress: Artifact Registry or gcr.io in the stack's project (pulled as written), or a public image on a registry the installed serving stack proxies (docker.io, quay.io, gcr.io, ghcr.io; pulled through the stack's remote repositories, which fetch without credentials)."),
        Resources,
        new TextKey("nodePool", "Name of the node pool the predictor runs on (`secure-serving:cluster.nodePools`): node selector plus tolerations of the pool's taints.") { TypeName = "node pool name" },
        MinReplicas,
        MaxReplicas,
        ScaleTarget,
        ScaleMetricKey,
        ModelSandbox);

    public static readonly TextKey QuotaCpu = new("cpu", "Total CPU requests in the namespace.") { Default = "8", Format = Formats.CpuQuantity(), TypeName = "CPU quantity" };

    public static readonly TextKey QuotaMemory = new("memory", "Total memory requests in the namespace.") { Default = "32Gi", Format = Formats.MemoryQuantity(), TypeName = "memory quantity" };

    public static readonly CountKey QuotaGpu = new("gpu", "Total GPUs (`requests.nvidia.com/gpu`); granted explicitly.", 0) { Maximum = 1024 };

    public static readonly CountKey QuotaPods = new("pods", "Pods in the namespace (model replicas, each a pod).", 50) { Minimum = 1, Maximum = 10_000 };

    public static readonly MapKey Quota = new("quota",
        "The namespace's ResourceQuota (requests and pods) and LimitRange defaults; absent: the default quota.",
        QuotaCpu, QuotaMemory, QuotaGpu, QuotaPods);

    public static readonly MapKey File = new("<team>.yaml", "A SecureServing team file: one ML team's namespace, members and models in one stack.",
        new TextKey("team", "The team's name, the same as the file's: at most 20 lowercase letters, digits and hyphens.") { Required = true },
        new TextKey("namespace", "The team's namespace: a DNS-1123 label, one team per namespace, not a system namespace.") { Required = true },
        new TextListKey("members", "IAM members of the team, granted IAP access to the team's models and read-only Kubernetes access to its namespace (`user:`, `serviceAccount:`; `group:` with `secure-serving:cluster.securityGroup`).") { ItemFormat = Formats.Member(), ItemTypeName = "IAM member" },
        new TextListKey("allowedNamespaces", "Namespaces besides the team's own (and knative-serving) that may call its models.") { ItemTypeName = "namespace" },
        Authorization,
        new MapListKey("models", "The team's models.", Model),
        Quota,
        AcknowledgementContract.List("acknowledge", "this team file"));
}
