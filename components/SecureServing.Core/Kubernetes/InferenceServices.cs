using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Loading;
using SecureServing.Core.Gcp;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// One InferenceService (serving.kserve.io/v1beta1, serverless) per model (KFServing GCP/IAP example; KServe service mesh guide):
/// <list type="bullet">
/// <item><c>sidecar.istio.io/inject</c> "true" — or "false" when the model turned injection off, which also turns mesh
/// authorization off for it (the KFServing GCP/IAP example's warning; the guardrail asks for an acknowledgement).</item>
/// <item><c>autoscaling.knative.dev/targetBurstCapacity: "0"</c> when <c>activator: off</c>: the activator leaves the
/// request path, so the namespace policy sees the real caller (KServe service mesh guide).</item>
/// <item><c>networking.knative.dev/visibility: cluster-local</c> unless the model is exposed
/// (<c>exposeViaIap</c>): private models get no route on the public gateway at all.</item>
/// <item>Predictor: the model format, the storage URI — <c>{teamBucket}/path</c> becomes
/// <c>gs://${team-&lt;team&gt;-bucket.name}/path</c>, a placeholder for the team bucket's name (listed in
/// <see cref="KubernetesObject.Outputs"/>) — and the team's service account (<see cref="TeamServiceAccount"/>).
/// A custom <c>image</c> replaces the serving runtime's image in <c>predictor.model.image</c>, so KServe keeps
/// downloading the model from the storage URI; under restricted egress with the installed stack, an image from a
/// proxied registry is pulled through the stack's mirror (<see cref="ImageMirrors"/>).</item>
/// <item>Workload placement and size (<see cref="ModelPlacement"/>): <c>resources</c> as the predictor container's
/// requests and limits (<c>gpu</c> as the <c>nvidia.com/gpu</c> limit), <c>nodePool</c> as a node selector plus
/// tolerations of that pool's taints, <c>sandbox</c> as runtime class <c>gvisor</c>, and KServe's replica and autoscaling
/// fields (<c>minReplicas</c>, <c>maxReplicas</c>, <c>scaleTarget</c>, <c>scaleMetric</c>) when the model sets them.</item>
/// </list>
/// </summary>
internal static class InferenceServices
{
    public const string InjectAnnotation = "sidecar.istio.io/inject";
    public const string TargetBurstCapacityAnnotation = "autoscaling.knative.dev/targetBurstCapacity";
    public const string VisibilityLabel = "networking.knative.dev/visibility";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team, ModelConfig model, ResourceRef teamBucketName)
    {
        var annotations = new List<KeyValuePair<string, string>>();
        if (model.Activator == ActivatorMode.Off)
        {
            annotations.Add(Manifest.Pair(TargetBurstCapacityAnnotation, "0"));
        }

        annotations.Add(Manifest.Pair(InjectAnnotation, model.SidecarInjection ? "true" : "false"));
        var labels = model.ExposeViaIap ? [] : new[] { Manifest.Pair(VisibilityLabel, "cluster-local") };

        var (storageUri, usesTeamBucket) = StorageUri(model.StorageUri, teamBucketName);
        var modelSpec = new JsonObject
        {
            ["modelFormat"] = new JsonObject { ["name"] = model.Format },
            ["storageUri"] = storageUri,
        };
        if (!string.IsNullOrWhiteSpace(model.Image))
        {
            modelSpec["image"] = ImageMirrors.ModelImage(config, model.Image);
        }

        ModelPlacement.AddResources(modelSpec, model);
        var predictor = new JsonObject
        {
            ["serviceAccountName"] = TeamIdentityNames.KubernetesServiceAccount(team),
            ["model"] = modelSpec,
        };
        ModelPlacement.AddPlacementAndScaling(predictor, config, model);
        var manifest = Manifest.New(ApiVersions.Kserve, "InferenceService", model.Name, team.Namespace, labels, annotations)
            .With("spec", new JsonObject { ["predictor"] = predictor });
        yield return new KubernetesObject(manifest, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team))
        {
            Outputs = usesTeamBucket ? [new OutputField(["spec", "predictor", "model", "storageUri"], teamBucketName)] : [],
        };
    }

    /// <summary><c>{teamBucket}/path</c> → <c>gs://${bucket.name}/path</c>; any other URI unchanged.</summary>
    public static (string Uri, bool UsesTeamBucket) StorageUri(string configured, ResourceRef teamBucketName)
    {
        const string placeholder = TeamFileReader.TeamBucketPlaceholder;
        return configured.StartsWith(placeholder, StringComparison.Ordinal)
            ? ($"gs://{teamBucketName.Rendered}{configured[placeholder.Length..]}", true)
            : (configured, false);
    }
}
