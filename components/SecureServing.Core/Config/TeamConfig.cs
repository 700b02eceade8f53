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
    /// <summary>Namespace isolation AuthorizationPolicy (seed 003); on by default.</summary>
    public bool Authorization { get; init; } = TeamFileContract.Authorization.Default;
    public IReadOnlyList<ModelConfig> Models { get; init; } = [];
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
    /// <summary><c>off</c> sets targetBurstCapacity 0 so the activator leaves the request path (seed 003).</summary>
    public ActivatorMode Activator { get; init; } = TeamFileContract.Activator.Default;
    /// <summary>Adds the IAP path route <c>/kfserving/&lt;ns&gt;/&lt;model&gt;</c> (seed 000).</summary>
    public bool ExposeViaIap { get; init; } = TeamFileContract.ExposeViaIap.Default;
    /// <summary>Istio sidecar injection; turning it off disables mesh authorization (seed 000 warning).</summary>
    public bool SidecarInjection { get; init; } = TeamFileContract.SidecarInjection.Default;
    /// <summary>Optional custom predictor image; must come from a registry the private cluster reaches.</summary>
    public string? Image { get; init; }
}

/// <summary>A model's <c>activator</c>: whether Knative's activator stays on its request path (scale to zero) or not.</summary>
public enum ActivatorMode { Off, On }
