using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// Runs <see cref="KubernetesLayer"/> for a config under mocks, the way the program does: provider from the factory,
/// outputs of the GCP layer standing in as <see cref="ResolvedOutput"/> values, secrets as Pulumi secrets
/// (<see cref="SecretValue"/>).
/// </summary>
internal sealed record LayerRun(KubernetesPlan Plan, RecordingMocks Mocks, KubernetesLayer Layer, global::Pulumi.Kubernetes.Provider Provider)
{
    public const string LayerName = "k8s";
    public const string ProviderName = "k8s-provider";
    public const string ProviderType = "pulumi:providers:kubernetes";

    /// <summary>What the GCP layer's output is under the mocks, e.g. the team bucket name.</summary>
    public static string ResolvedOutput(ResourceRef reference) => $"{reference.Resource}-{reference.Output}-value";

    /// <summary>A stand-in secret value (never a real secret).</summary>
    public static string SecretValue(SecretRef secret) => $"test-secret-of-{secret.ConfigKey}-{secret.Path}";

    /// <param name="preview">
    /// A preview before the first deploy: the GCP outputs (bucket names) are not known yet.
    /// </param>
    public static async Task<LayerRun> RunAsync(PlatformConfig config, RecordingMocks? mocks = null, bool preview = false)
    {
        mocks ??= new RecordingMocks();
        var plan = KubernetesPlanner.Plan(config);
        KubernetesLayer? layer = null;
        global::Pulumi.Kubernetes.Provider? provider = null;
        await Deployment.TestAsync(mocks.Mock.Object, new TestOptions { IsPreview = preview, StackName = config.Stack }, () =>
        {
            provider = KubernetesProviderFactory.ForGke(ProviderName, Output.Create("{\"kind\":\"Config\"}"));
            var inputs = KubernetesLayerInputs.Create(plan, provider,
                reference => preview ? OutputUtilities.CreateUnknown(ResolvedOutput(reference)) : Output.Create(ResolvedOutput(reference)),
                secret => Output.CreateSecret(SecretValue(secret)));
            layer = new KubernetesLayer(LayerName, plan, inputs);
        });
        return new LayerRun(plan, mocks, layer!, provider!);
    }

    public static string GroupOf(KubernetesObject obj) => KubernetesResourceNames.Group(LayerName, obj.Owner);

    public static string NameOf(KubernetesObject obj) => KubernetesResourceNames.LogicalName(GroupOf(obj), obj);

    /// <summary>The registration of <paramref name="obj"/>: its type token and logical name, exactly once.</summary>
    public MockResourceArgs RegistrationOf(KubernetesObject obj) =>
        Mocks.Single(KubernetesResourceNames.TypeToken(obj), NameOf(obj));

    /// <summary>The manifest with every placeholder replaced by the value the run supplied for it.</summary>
    public static JsonObject ExpectedManifest(KubernetesObject obj)
    {
        var manifest = (JsonObject)obj.Manifest.DeepClone();
        foreach (var secret in obj.Secrets)
        {
            Set(manifest, secret.Path, _ => SecretValue(secret.Source));
        }

        foreach (var output in obj.Outputs)
        {
            Set(manifest, output.Path, text => text.Replace(output.Ref.Rendered, ResolvedOutput(output.Ref), StringComparison.Ordinal));
        }

        return manifest;
    }

    private static void Set(JsonObject root, IReadOnlyList<string> path, Func<string, string> change)
    {
        JsonNode node = root;
        foreach (var key in path.Take(path.Count - 1))
        {
            node = node[key]!;
        }

        var parent = (JsonObject)node;
        parent[path[^1]] = change((string)parent[path[^1]]!);
    }
}
