using System.Text.Json.Nodes;

namespace SecureServing.Core.ServingStack;

/// <summary>How a component is installed (see docs/serving-stack.md, section "Releases, and how each is installed", for why each one uses which).</summary>
public enum InstallMechanism
{
    /// <summary>A Helm chart rendered by Pulumi (<c>Pulumi.Kubernetes.Helm.V4.Chart</c>): every object is a Pulumi resource, so previews diff them one by one.</summary>
    HelmChart,

    /// <summary>A release manifest (<c>Pulumi.Kubernetes.Yaml.V2.ConfigFile</c>), for components that publish YAML rather than a chart (Knative).</summary>
    ReleaseManifest,
}

/// <summary>
/// An install-time change to one object of a release manifest, merged into the object as a JSON merge patch
/// (RFC 7386: maps merge key by key, lists and scalars are replaced) before it is created. These are the settings a
/// bring-your-own stack patches into the installed objects (<see cref="Kubernetes.ApplyMode.Patch"/>); when the stack
/// installs the component they become part of the object.
/// </summary>
/// <param name="ApiVersion">The object's <c>apiVersion</c> in the release manifest.</param>
/// <param name="Kind">The object's <c>kind</c>.</param>
/// <param name="Namespace">The object's namespace; null for a cluster-scoped object.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Merge">The fields to merge, in manifest shape (<c>metadata.labels</c>, <c>data</c>, <c>spec</c>).</param>
public sealed record ManifestOverride(string ApiVersion, string Kind, string? Namespace, string Name, JsonObject Merge)
{
    /// <summary><c>kind/namespace/name</c> (<c>ConfigMap/knative-serving/config-istio</c>).</summary>
    public string Target => $"{Kind}/{(Namespace is null ? "" : Namespace + "/")}{Name}";
}

/// <summary>
/// One component the stack installs, as <c>render</c> writes it to <c>releases.yaml</c> and the Pulumi component
/// registers it: a chart with its repository and values, or a release manifest with its overrides.
/// </summary>
public sealed record Release
{
    /// <summary>Release (and Pulumi resource) name, e.g. <c>istiod</c>; unique in the plan.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace its namespaced objects go to.</summary>
    public required string Namespace { get; init; }

    /// <summary>Whether the stack creates <see cref="Namespace"/> before the release (charts do not create theirs).</summary>
    public bool CreatesNamespace { get; init; }

    public required InstallMechanism Mechanism { get; init; }

    /// <summary>Chart name (<c>istiod</c>), for <see cref="InstallMechanism.HelmChart"/>.</summary>
    public string? Chart { get; init; }

    /// <summary>Chart repository: an HTTPS Helm repository or an <c>oci://</c> registry path.</summary>
    public string? Repository { get; init; }

    /// <summary>Release manifest URL, for <see cref="InstallMechanism.ReleaseManifest"/>.</summary>
    public string? ManifestUrl { get; init; }

    /// <summary>Chart version or release tag, pinned by <c>secure-serving:versions</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Chart values (empty for a release manifest).</summary>
    public JsonObject Values { get; init; } = [];

    /// <summary>Install-time changes to objects of a release manifest.</summary>
    public IReadOnlyList<ManifestOverride> Overrides { get; init; } = [];

    /// <summary>Where the release's images are pulled from instead of their upstream registries; null without mirrors.</summary>
    public ImageMirrors? Images { get; init; }

    /// <summary>Releases that must be ready first (their CRDs, webhooks and namespaces), by name, in plan order.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>A chart release.</summary>
    public static Release HelmChart(string name, string ns, string chart, string repository, string version, JsonObject values, IReadOnlyList<string> dependsOn) => new()
    {
        Name = name,
        Namespace = ns,
        Mechanism = InstallMechanism.HelmChart,
        Chart = chart,
        Repository = repository,
        Version = version,
        Values = values,
        DependsOn = dependsOn,
    };

    /// <summary>The Helm chart reference Pulumi resolves: <c>oci://…/chart</c> for an OCI repository, else the chart name.</summary>
    public string? ChartReference =>
        Chart is null ? null : Repository is { } repo && repo.StartsWith("oci://", StringComparison.Ordinal) ? $"{repo}/{Chart}" : Chart;

    /// <summary>The HTTPS repository for <c>repositoryOpts.repo</c>; null for OCI charts (the reference carries it).</summary>
    public string? RepositoryUrl =>
        Repository is { } repo && !repo.StartsWith("oci://", StringComparison.Ordinal) ? repo : null;
}

/// <summary>
/// The serving stack of one stack: what <c>pulumi up</c> installs before the platform's own objects, in dependency
/// order (every <see cref="Release.DependsOn"/> names an earlier release). Empty with <c>serving.install: false</c>.
/// </summary>
public sealed record ServingStackPlan(IReadOnlyList<Release> Releases)
{
    public static ServingStackPlan None { get; } = new([]);

    public bool Installs => Releases.Count > 0;

    public Release? Find(string name) => Releases.FirstOrDefault(r => r.Name == name);
}
