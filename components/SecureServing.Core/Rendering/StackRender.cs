using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Rendering;

/// <summary>
/// The three files <c>render</c> writes for one stack, as text: byte-identical for the same config, LF line endings,
/// a trailing newline. Secrets appear only as <see cref="RenderedValue.Secret"/>.
/// </summary>
/// <param name="ManifestsYaml"><c>manifests.yaml</c>: every Kubernetes object, one YAML document each, in apply order.</param>
/// <param name="GcpResourcesJson"><c>gcp-resources.json</c>: every GCP resource as <c>{type, name, properties}</c>.</param>
/// <param name="KubernetesObjectCount">Documents in <paramref name="ManifestsYaml"/>.</param>
/// <param name="PatchObjectCount">Of those, objects merged into existing ones.</param>
/// <param name="GcpResourceCount">Entries in <paramref name="GcpResourcesJson"/>.</param>
/// <param name="ReleasesYaml"><c>releases.yaml</c>: every component the stack installs, one YAML document each, in install order.</param>
/// <param name="ReleaseCount">Documents in <paramref name="ReleasesYaml"/>.</param>
public sealed record RenderedStack(
    string ManifestsYaml,
    string GcpResourcesJson,
    int KubernetesObjectCount,
    int PatchObjectCount,
    int GcpResourceCount,
    string ReleasesYaml,
    int ReleaseCount);

/// <summary>Renders a validated stack offline: the same plans the Pulumi program deploys, written as reviewable text.</summary>
public static class StackRender
{
    public const string ManifestsFile = "manifests.yaml";
    public const string GcpResourcesFile = "gcp-resources.json";
    public const string ReleasesFile = "releases.yaml";

    private static readonly IReadOnlyList<string> NoComments = [];
    private static readonly IReadOnlyList<string> PatchComments = [ManifestYamlWriter.PatchComment];

    public static RenderedStack Render(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        var gcp = GcpPlanner.Plan(config);
        var kubernetes = KubernetesPlanner.Plan(config);
        return Render(config.Stack, gcp.Resources, kubernetes.Objects, ServingStackPlanner.Plan(config, kubernetes));
    }

    /// <summary>Writes already planned resources and objects (what <see cref="Render(PlatformConfig)"/> does after planning).</summary>
    public static RenderedStack Render(string stack, IReadOnlyList<RenderedResource> resources, IReadOnlyList<KubernetesObject> objects, ServingStackPlan releases)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(releases);

        var patches = objects.Count(o => o.Mode == ApplyMode.Patch);
        string[] header =
        [
            $"Rendered by `secure-serving render --stack {stack}`: {objects.Count} Kubernetes objects. Generated; do not edit.",
            $"Change Pulumi.{stack}.yaml or stacks/{stack}/ and render again. Objects marked \"{ManifestYamlWriter.PatchComment}\"",
            "already exist (installed by Istio, Knative or KServe); apply with `kubectl apply --server-side` to merge them.",
        ];
        var yaml = ManifestYamlWriter.Write(
            header,
            objects.Select(o => (o.Manifest, o.Mode == ApplyMode.Patch ? PatchComments : NoComments)));
        var json = GcpResourcesJsonWriter.Write(resources);
        return new RenderedStack(yaml, json, objects.Count, patches, resources.Count, ReleasesYamlWriter.Write(stack, releases), releases.Releases.Count);
    }
}
