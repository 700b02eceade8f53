using System.Text.Json.Nodes;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// What happens to each object of a release before it is created: the release's <see cref="ManifestOverride"/> for
/// that object is merged in (JSON merge patch, RFC 7386), and every image field is pointed at the stack's mirrors
/// (<see cref="ImageMirrors.Rewrite"/>). The Pulumi component runs this on every object a release renders; for charts,
/// whose images the values already set, the image step is a safety net for images no value reaches.
/// </summary>
public static class ManifestOverrides
{
    /// <summary>Knative's queue-proxy image setting in <c>config-deployment</c>: the sidecar Knative adds to every revision.</summary>
    public const string QueueSidecarImageKey = "queue-sidecar-image";

    private static readonly HashSet<string> PodTemplateKinds = new(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"], StringComparer.Ordinal);
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    /// <summary>Kinds <see cref="ImageFields"/> reads: pod templates, pods, cron jobs, Knative's Image, KServe's runtimes, Knative's queue-proxy ConfigMap.</summary>
    private static readonly HashSet<string> ImageKinds = new([.. PodTemplateKinds, "Pod", "CronJob", "Image", "ServingRuntime", "ClusterServingRuntime", "ConfigMap"], StringComparer.Ordinal);

    /// <summary>
    /// Whether <see cref="Apply"/> can change an object of <paramref name="kind"/> in <paramref name="release"/>: an
    /// override targets that kind, or the release rewrites images and the kind can hold one. Every other object passes
    /// untouched, so a caller may skip reading it.
    /// </summary>
    public static bool MayChange(Release release, string kind)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(kind);
        return release.Overrides.Any(o => o.Kind == kind) || (release.Images is not null && ImageKinds.Contains(kind));
    }

    /// <summary>
    /// <paramref name="manifest"/> with its override merged and its images rewritten, or null when nothing changes.
    /// The input is not modified.
    /// </summary>
    public static JsonObject? Apply(Release release, JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(manifest);
        var result = (JsonObject)manifest.DeepClone();
        var changed = false;

        var (apiVersion, kind, ns, name) = Identity(manifest);
        foreach (var o in release.Overrides.Where(o => o.ApiVersion == apiVersion && o.Kind == kind && o.Namespace == ns && o.Name == name))
        {
            MergePatch(result, o.Merge);
            changed = true;
        }

        if (release.Images is { } mirrors)
        {
            foreach (var (holder, key) in ImageFields(result))
            {
                if ((string?)holder[key] is { } image && mirrors.Rewrite(image) is var rewritten && rewritten != image)
                {
                    holder[key] = rewritten;
                    changed = true;
                }
            }
        }

        return changed ? result : null;
    }

    /// <summary>Every image field of a manifest: the containers of a pod template, a Knative Image, a serving runtime, the queue-proxy setting.</summary>
    public static IEnumerable<(JsonObject Holder, string Key)> ImageFields(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var (apiVersion, kind, ns, name) = Identity(manifest);
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        var pods = new List<JsonNode?>();
        switch (kind)
        {
            case "Pod":
                pods.Add(manifest["spec"]);
                break;
            case "CronJob":
                pods.Add(manifest["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]);
                break;
            case var k when PodTemplateKinds.Contains(k):
                pods.Add(manifest["spec"]?["template"]?["spec"]);
                break;
            case "Image" when group == "caching.internal.knative.dev" && manifest["spec"] is JsonObject imageSpec:
                yield return (imageSpec, "image");
                break;
            case "ServingRuntime" or "ClusterServingRuntime" when group == "serving.kserve.io":
                pods.Add(manifest["spec"]);
                break;
            case "ConfigMap" when ns == SystemNamespaces.KnativeServing && name == KnativeReleases.DeploymentConfigMap
                && manifest["data"] is JsonObject data && data.ContainsKey(QueueSidecarImageKey):
                yield return (data, QueueSidecarImageKey);
                break;
        }

        foreach (var pod in pods.OfType<JsonObject>())
        {
            foreach (var list in ContainerLists)
            {
                foreach (var container in pod[list]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    if (container.ContainsKey("image"))
                    {
                        yield return (container, "image");
                    }
                }
            }
        }
    }

    /// <summary>RFC 7386: objects merge key by key, <c>null</c> removes a key, anything else replaces the target value.</summary>
    public static void MergePatch(JsonObject target, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject)
            {
                // MergePatch({}, value) where the target holds no object: nested nulls are removed, not copied.
                if (target[key] is not JsonObject targetObject)
                {
                    targetObject = [];
                    target[key] = targetObject;
                }

                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static (string ApiVersion, string Kind, string? Namespace, string? Name) Identity(JsonObject manifest) =>
        ((string?)manifest["apiVersion"] ?? "", (string?)manifest["kind"] ?? "", (string?)manifest["metadata"]?["namespace"], (string?)manifest["metadata"]?["name"]);
}
