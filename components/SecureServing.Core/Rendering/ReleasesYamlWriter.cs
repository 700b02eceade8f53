using System.Text.Json.Nodes;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Rendering;

/// <summary>
/// <c>releases.yaml</c>: one YAML document per installed component, in install order, so a reviewer sees version
/// bumps and value changes in the render diff: <c>name</c>, <c>namespace</c>, <c>mechanism</c>, <c>chart</c> and
/// <c>repository</c> (or <c>manifest</c>), <c>version</c>, <c>dependsOn</c>, and what the stack passes: chart
/// <c>values</c>, or a manifest's <c>overrides</c> and the mirrors its <c>images</c> are pulled through.
/// Nothing here is secret: no chart value or override the stack passes derives from a Pulumi secret (the IAP
/// client secret is a Secret object in <c>manifests.yaml</c>), and values and overrides are written as the plan holds them.
/// </summary>
public static class ReleasesYamlWriter
{
    public static string Write(string stack, ServingStackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string[] header =
        [
            $"Rendered by `secure-serving render --stack {stack}`: {plan.Releases.Count} releases. Generated; do not edit.",
            .. plan.Installs
                ? new[]
                {
                    "What `pulumi up` installs before manifests.yaml, in this order: Helm charts rendered by Pulumi (Helm.V4.Chart)",
                    "and release manifests applied object by object (Yaml.V2.ConfigFile), with the values and overrides below.",
                }
                :
                [
                    "secure-serving:serving.install is false: Istio, cert-manager, Knative Serving (net-istio) and KServe must already",
                    "run in the cluster (see docs/serving-stack.md, section \"Prerequisites in the cluster\"); manifests.yaml patches what they installed.",
                ],
        ];
        return ManifestYamlWriter.Write(header, plan.Releases.Select(r => (Document(r), (IReadOnlyList<string>)[])));
    }

    public static JsonObject Document(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var doc = new JsonObject
        {
            ["name"] = release.Name,
            ["namespace"] = release.Namespace,
            ["mechanism"] = release.Mechanism == InstallMechanism.HelmChart ? "helm-chart" : "release-manifest",
        };
        if (release.Mechanism == InstallMechanism.HelmChart)
        {
            doc["chart"] = release.Chart;
            doc["repository"] = release.Repository;
        }
        else
        {
            doc["manifest"] = release.ManifestUrl;
        }

        doc["version"] = release.Version;
        if (release.CreatesNamespace)
        {
            doc["createNamespace"] = true;
        }

        doc["dependsOn"] = Manifest.Strings(release.DependsOn);
        if (release.Mechanism == InstallMechanism.HelmChart)
        {
            doc["values"] = release.Values.DeepClone();
        }
        else
        {
            doc["overrides"] = new JsonArray([.. release.Overrides.Select(o => (JsonNode)new JsonObject
            {
                ["target"] = $"{o.ApiVersion} {o.Target}",
                ["merge"] = o.Merge.DeepClone(),
            })]);
        }

        // Chart values name their images; a manifest's images are rewritten object by object through these mirrors.
        if (release.Mechanism == InstallMechanism.ReleaseManifest && release.Images is { } images)
        {
            var map = new JsonObject();
            foreach (var mirror in images.Registries)
            {
                map[mirror.Upstream] = mirror.Repository;
            }

            doc["images"] = map;
        }

        return doc;
    }
}
