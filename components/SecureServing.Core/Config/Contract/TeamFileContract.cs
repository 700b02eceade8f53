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

    public static readonly MapKey Model = new("models[]", "One model, served as a KServe InferenceService.",
        new TextKey("name", "InferenceService name: a DNS-1123 label starting with a letter; `<name>-predictor-<namespace>` must fit in 63 characters.") { Required = true },
        Format,
        new TextKey("storageUri", $"`{TeamBucketPlaceholder}/path` (the team's bucket) or `gs://<bucket listed in perimeter.buckets>/path`.") { Required = true, TypeName = "URI" },
        Activator,
        ExposeViaIap,
        SidecarInjection,
        new TextKey("image", "Custom predictor image; it must come from a registry the private cluster reaches (Artifact Registry or gcr.io under restricted egress)."));

    public static readonly MapKey File = new("<team>.yaml", "A SecureServing team file: one ML team's namespace, members and models in one stack.",
        new TextKey("team", "The team's name, the same as the file's: at most 20 lowercase letters, digits and hyphens.") { Required = true },
        new TextKey("namespace", "The team's namespace: a DNS-1123 label, one team per namespace, not a system namespace.") { Required = true },
        new TextListKey("members", "IAM members of the team, granted IAP access to the team's models.") { ItemFormat = Formats.Member(), ItemTypeName = "IAM member" },
        new TextListKey("allowedNamespaces", "Namespaces besides the team's own (and knative-serving) that may call its models.") { ItemTypeName = "namespace" },
        Authorization,
        new MapListKey("models", "The team's models.", Model),
        AcknowledgementContract.List("acknowledge", "this team file"));
}
