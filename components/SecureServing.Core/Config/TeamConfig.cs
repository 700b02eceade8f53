using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary>One team file, <c>stacks/&lt;stack&gt;/&lt;team&gt;.yaml</c>, owned by the team (CODEOWNERS).</summary>
public sealed record TeamConfig
{
    public required string Team { get; init; }
    /// <summary>Team namespace: DNS-1123 label, one team per namespace.</summary>
    public required string Namespace { get; init; }
    /// <summary>IAM members of the team (IAP accessors for the team's models).</summary>
    public IReadOnlyList<string> Members { get; init; } = [];
    /// <summary>Namespaces besides the team's own (and knative-serving) allowed to call its models.</summary>
    public IReadOnlyList<string> AllowedNamespaces { get; init; } = [];
    /// <summary>Namespace isolation AuthorizationPolicy (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/); on by default.</summary>
    public bool Authorization { get; init; } = TeamFileContract.Authorization.Default;
    public IReadOnlyList<ModelConfig> Models { get; init; } = [];
    /// <summary>The namespace's ResourceQuota (and LimitRange defaults); the default quota when the file has none.</summary>
    public TeamQuota Quota { get; init; } = new();
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];
    /// <summary>Repository-relative path of the team file, for messages.</summary>
    public required string SourceFile { get; init; }
}

/// <summary>One model of a team file (<c>models:</c>): an InferenceService in the team's namespace.</summary>
public sealed record ModelConfig
{
    /// <summary>InferenceService name: DNS-1123 label.</summary>
    public required string Name { get; init; }
    /// <summary>KServe model format, e.g. sklearn, xgboost, tensorflow, pytorch, onnx.</summary>
    public required string Format { get; init; }
    /// <summary>
    /// <c>{teamBucket}/path</c> for the team's own bucket (created by the stack inside the perimeter project, with a
    /// random suffix), or <c>gs://bucket/path</c> for a bucket listed in <c>secure-serving:perimeter.buckets</c>.
    /// </summary>
    public required string StorageUri { get; init; }
    /// <summary><c>off</c> sets targetBurstCapacity 0 so the activator leaves the request path, so the namespace rule sees the caller's namespace (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    public ActivatorMode Activator { get; init; } = TeamFileContract.Activator.Default;
    /// <summary>Adds the IAP path route <c>/kfserving/&lt;ns&gt;/&lt;model&gt;</c> (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap).</summary>
    public bool ExposeViaIap { get; init; } = TeamFileContract.ExposeViaIap.Default;
    /// <summary>Istio sidecar injection; turning it off disables mesh authorization (the warning in KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap).</summary>
    public bool SidecarInjection { get; init; } = TeamFileContract.SidecarInjection.Default;
    /// <summary>Optional custom predictor image; must come from a registry the private cluster reaches.</summary>
    public string? Image { get; init; }
    /// <summary>Requests and limits of the predictor container; null: KServe's defaults.</summary>
    public ModelResources? Resources { get; init; }
    /// <summary>Node pool (by name) the predictor runs on: node selector plus tolerations of the pool's taints.</summary>
    public string? NodePool { get; init; }
    /// <summary>KServe <c>minReplicas</c>; null: KServe's default (1). 0 (scale to zero) needs the activator.</summary>
    public int? MinReplicas { get; init; }
    /// <summary>KServe <c>maxReplicas</c>; null: KServe's default (no limit besides the team quota).</summary>
    public int? MaxReplicas { get; init; }
    /// <summary>KServe <c>scaleTarget</c>: the target value of <see cref="ScaleMetric"/> per replica; null: Knative's default.</summary>
    public int? ScaleTarget { get; init; }
    /// <summary>KServe <c>scaleMetric</c>; null: Knative's default (concurrency).</summary>
    public ScaleMetric? ScaleMetric { get; init; }
    /// <summary>GKE Sandbox: runtime class <c>gvisor</c>, on a sandbox node pool.</summary>
    public bool Sandbox { get; init; } = TeamFileContract.ModelSandbox.Default;

    /// <summary>Replicas that always run: <see cref="MinReplicas"/> or KServe's default.</summary>
    public int EffectiveMinReplicas => MinReplicas ?? TeamFileContract.MinReplicas.Default;
}

/// <summary>A model's <c>activator</c>: whether Knative's activator stays on its request path (scale to zero) or not.</summary>
public enum ActivatorMode { Off, On }

/// <summary>
/// KServe's <c>scaleMetric</c> values that Knative's default autoscaler (KPA) scales on. KServe's <c>cpu</c> and
/// <c>memory</c> need Knative's HPA autoscaler class, which cannot scale to zero and is not what KServe selects by
/// default in serverless mode, so they are refused.
/// </summary>
public enum ScaleMetric { Concurrency, Rps }

/// <summary><c>resources</c> of a model: requests and limits of the predictor container.</summary>
public sealed record ModelResources
{
    /// <summary>CPU request and limit, a Kubernetes quantity (<c>2</c>, <c>500m</c>); null: KServe's default.</summary>
    public string? Cpu { get; init; }
    /// <summary>Memory request and limit (<c>8Gi</c>); null: KServe's default.</summary>
    public string? Memory { get; init; }
    /// <summary>GPUs, as the <c>nvidia.com/gpu</c> limit; 0: none.</summary>
    public int Gpu { get; init; } = TeamFileContract.ResourcesGpu.Default;
}

/// <summary>
/// <c>quota</c> of a team: a ResourceQuota on the namespace's requests (CPU, memory, <c>nvidia.com/gpu</c>) and pods,
/// plus a LimitRange whose defaults give every container requests (the quota refuses pods without them).
/// </summary>
public sealed record TeamQuota
{
    /// <summary>Total CPU requests, a Kubernetes quantity.</summary>
    public string Cpu { get; init; } = TeamFileContract.QuotaCpu.Default!;
    /// <summary>Total memory requests.</summary>
    public string Memory { get; init; } = TeamFileContract.QuotaMemory.Default!;
    /// <summary>Total GPUs (<c>requests.nvidia.com/gpu</c>); 0 by default: GPUs are granted explicitly.</summary>
    public int Gpu { get; init; } = TeamFileContract.QuotaGpu.Default;
    /// <summary>Pods in the namespace.</summary>
    public int Pods { get; init; } = TeamFileContract.QuotaPods.Default;
}
