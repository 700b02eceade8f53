using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Knative Serving's <c>config-features</c> ConfigMap (knative-serving), patched into the installed one: the pod-spec
/// fields a model's placement uses (<see cref="ModelPlacement"/>) are off by default in Knative, whose webhook refuses a
/// Knative service that sets them; KServe's serverless mode copies the predictor's node selector, tolerations and
/// runtime class into one ("InferenceService Node Scheduling",
/// https://kserve.github.io/website/docs/model-serving/node-scheduling/isvc-node-scheduling). Only the three flags
/// needed are enabled: <c>kubernetes.podspec-nodeselector</c>, <c>kubernetes.podspec-tolerations</c>,
/// <c>kubernetes.podspec-runtimeclassname</c>. Always patched, so adding the first GPU or sandboxed model changes no
/// platform object.
/// </summary>
internal static class KnativePodSpecFeatures
{
    public const string ConfigMapName = "config-features";

    public static readonly IReadOnlyList<string> Flags =
        ["kubernetes.podspec-nodeselector", "kubernetes.podspec-runtimeclassname", "kubernetes.podspec-tolerations"];

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        var data = new JsonObject();
        foreach (var flag in Flags)
        {
            data[flag] = "enabled";
        }

        yield return new KubernetesObject(
            Manifest.New(ApiVersions.Core, "ConfigMap", ConfigMapName, SystemNamespaces.KnativeServing).With("data", data),
            ApplyMode.Patch,
            KubernetesObject.PlatformOwner);
    }
}
