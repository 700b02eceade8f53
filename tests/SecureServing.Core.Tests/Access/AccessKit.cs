using System.Text.Json.Nodes;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Fixtures;
using SecureServing.Core.Tests.Schemas;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Access;

/// <summary>Hand-built plans and shipped stacks for the access evaluator's tests.</summary>
internal static class AccessKit
{
    /// <summary>Manifests from YAML (several documents), as plan objects created by the stack; <c>patch: true</c> at the top marks a patch.</summary>
    public static KubernetesPlan Plan(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new KubernetesPlan([.. stream.Documents.Select(d => YamlToJson.Convert(d.RootNode)).OfType<JsonObject>().Select(m =>
        {
            var patch = m.Remove("patch");
            return new KubernetesObject(m, patch ? ApplyMode.Patch : ApplyMode.Create, KubernetesObject.PlatformOwner);
        })]);
    }

    public static ClusterState State(string yaml) => ClusterState.Build(Plan(yaml));

    /// <summary>A hand-built pod <c>ns/name</c> with <paramref name="labels"/>, running as <c>default</c>, with a sidecar unless <paramref name="proxied"/> is false.</summary>
    public static Workload Pod(string ns, string name, IEnumerable<(string Key, string Value)> labels, bool proxied = true) =>
        new(ns, name, labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), "default", proxied, WorkloadRole.Other,
            new ObjectRef("Pod", ns, name), "test");

    /// <summary>A plan read back from <c>render</c>'s manifests.yaml (a document after <c># patch: ...</c> is a patch).</summary>
    public static KubernetesPlan Rendered(string manifestsYaml)
    {
        var objects = new List<KubernetesObject>();
        foreach (var chunk in manifestsYaml.Split("\n---\n"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(chunk));
            if (stream.Documents.Count == 1 && YamlToJson.Convert(stream.Documents[0].RootNode) is JsonObject manifest)
            {
                var patch = chunk.Contains("# " + Core.Rendering.ManifestYamlWriter.PatchComment, StringComparison.Ordinal);
                objects.Add(new KubernetesObject(manifest, patch ? ApplyMode.Patch : ApplyMode.Create, KubernetesObject.PlatformOwner));
            }
        }

        return new KubernetesPlan(objects);
    }

    /// <summary>GCP resources read back from <c>render</c>'s gcp-resources.json.</summary>
    public static IReadOnlyList<Core.Rendering.RenderedResource> RenderedResources(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(r => new Core.Rendering.RenderedResource((string)r!["type"]!, (string)r["name"]!, (JsonObject)r["properties"]!.DeepClone()))];

    /// <summary>A GCP plan with the dev stack's IAP (used where the test does not look at IAP).</summary>
    public static GcpPlan DevGcp() => GcpPlanner.Plan(TestConfigs.Dev());

    /// <summary>
    /// The validated config of a shipped stack (every guardrail, the access gate only with <paramref name="includeAccess"/>);
    /// fails with the whole check report when <c>check</c> refuses it.
    /// </summary>
    public static PlatformConfig Shipped(string stack, bool includeAccess = false)
    {
        var report = StackCheck.Run(TempRepo.RepoRoot(), stack, includeAccess);
        return report.Config ?? throw new InvalidOperationException(CheckReportText.ToText(report));
    }

    /// <summary>A copy of <paramref name="plan"/> with the object <c>kind ns/name</c> changed (or removed when <paramref name="edit"/> returns null).</summary>
    public static KubernetesPlan Edit(KubernetesPlan plan, string kind, string? ns, string name, Func<JsonObject, JsonObject?> edit)
    {
        var found = false;
        var objects = new List<KubernetesObject>();
        foreach (var o in plan.Objects)
        {
            if (o.Kind == kind && o.Namespace == ns && o.Name == name)
            {
                found = true;
                if (edit((JsonObject)o.Manifest.DeepClone()) is { } changed)
                {
                    objects.Add(o with { Manifest = changed });
                }
            }
            else
            {
                objects.Add(o);
            }
        }

        Assert.True(found, $"no {kind} {ns}/{name} in the plan");
        return plan with { Objects = objects };
    }

    public static KubernetesPlan Remove(KubernetesPlan plan, string kind, string? ns, string name) => Edit(plan, kind, ns, name, _ => null);

    public static AccessCell Cell(AccessReport report, string model, string callerId)
    {
        var parts = model.Split('/');
        return report.Matrix.Model(parts[0], parts[1]).Cell(callerId);
    }

    public static Outcome Predict(AccessReport report, string model, string callerId) => Cell(report, model, callerId).Predict.Outcome;

    /// <summary>A caller of the given kind from a namespace, with tokens.</summary>
    public static Caller Caller(CallerKind kind, string ns, params KeyValuePair<string, Jwt>[] tokens) =>
        new($"{kind}:{ns}", $"{kind} from {ns}", kind) { Namespace = ns, Tokens = tokens };
}
