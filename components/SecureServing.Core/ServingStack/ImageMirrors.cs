using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// A public registry the stack proxies through an Artifact Registry remote repository: its host, how the remote
/// repository names it (Artifact Registry's Docker Hub preset, or a custom upstream URL), and what pulls from it.
/// </summary>
/// <param name="Host">Registry host as image references write it (<c>docker.io</c>, <c>quay.io</c>).</param>
/// <param name="Key">Short kebab name; the remote repository is <c>&lt;deploymentName&gt;-&lt;key&gt;</c>.</param>
/// <param name="PublicRepository"><c>remoteRepositoryConfig.dockerRepository.publicRepository</c> (only <c>DOCKER_HUB</c> exists).</param>
/// <param name="CustomUri"><c>remoteRepositoryConfig.dockerRepository.customRepository.uri</c> for any other public registry.</param>
/// <param name="Why">What needs it, for the repository's description and docs/serving-stack.md.</param>
public sealed record UpstreamRegistry(string Host, string Key, string? PublicRepository, string? CustomUri, string Why);

/// <summary>One proxied registry of a stack: the upstream host and the remote repository's image path prefix.</summary>
/// <param name="Upstream">e.g. <c>quay.io</c>.</param>
/// <param name="Repository">e.g. <c>europe-west4-docker.pkg.dev/acme-ml-dev/ss-dev-quay-io</c>.</param>
public sealed record RegistryMirror(string Upstream, string Repository);

/// <summary>
/// Where a stack's images come from inside the perimeter. Under <c>network.egress: restricted</c> the nodes reach only
/// Google APIs through the restricted VIP, and VPC Service Controls block reads from registries in projects outside the
/// perimeter; so every image of the serving stack, and every model image from a proxied registry, is pulled through a
/// remote repository in the stack's own project, which fetches from its upstream on first use and caches the image.
/// </summary>
public sealed record ImageMirrors(IReadOnlyList<RegistryMirror> Registries)
{
    /// <summary>
    /// The registries the pinned versions pull from, plus GitHub Container Registry for team model images:
    /// <list type="bullet">
    /// <item>Docker Hub: Istio (<c>istio/pilot</c>, <c>istio/proxyv2</c>; Istio's release tooling publishes to
    /// <c>docker.io/istio</c>), KServe (<c>kserve/*</c>) and its model runtimes.</item>
    /// <item>quay.io: cert-manager (<c>jetstack/*</c>) and KServe's <c>brancz/kube-rbac-proxy</c>.</item>
    /// <item>gcr.io: Knative Serving and net-istio, published only to <c>gcr.io/knative-releases</c>.</item>
    /// <item>ghcr.io: team model images (<c>models[].image</c>) on GitHub Container Registry.</item>
    /// </list>
    /// Not proxied: registry.k8s.io (no pinned component pulls from it) and nvcr.io (NVIDIA's NGC registry, whose pulls
    /// authenticate with an NGC API key; KServe's Triton runtime is switched off and <c>check</c> refuses the model
    /// formats that need it).
    /// </summary>
    public static IReadOnlyList<UpstreamRegistry> Upstreams { get; } =
    [
        new("docker.io", "docker-io", "DOCKER_HUB", null,
            "Istio (istio/pilot, istio/proxyv2), KServe (kserve/*) and its model runtimes (tensorflow/serving, seldonio/mlserver, pytorch/torchserve-kfs, vllm/vllm-openai)"),
        new("quay.io", "quay-io", null, "https://quay.io",
            "cert-manager (jetstack/cert-manager-*) and KServe's kube-rbac-proxy (brancz/kube-rbac-proxy)"),
        new("gcr.io", "gcr-io", null, "https://gcr.io",
            "Knative Serving and net-istio (gcr.io/knative-releases, where Knative publishes its release images)"),
        new("ghcr.io", "ghcr-io", null, "https://ghcr.io",
            "team model images (models[].image) on GitHub Container Registry"),
    ];

    /// <summary>Registries the stack knows it does not proxy, and why.</summary>
    public static IReadOnlyDictionary<string, string> NotProxied { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nvcr.io"] = "NVIDIA's NGC registry authenticates pulls with an NGC API key, an upstream credential this stack does not hold",
        ["registry.k8s.io"] = "no pinned component pulls from it, so the stack has no remote repository for it",
    };

    /// <summary>Docker Hub's other names in image references.</summary>
    private static readonly HashSet<string> DockerHubAliases = new(["docker.io", "index.docker.io", "registry-1.docker.io"], StringComparer.Ordinal);

    /// <summary>Whether the stack pulls through remote repositories: it installs the serving stack on GKE with <c>egress: restricted</c>.</summary>
    public static bool Needed(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Serving.Install && config.Cluster.Provider == ClusterProvider.Gke && config.Network.Egress == EgressMode.Restricted;
    }

    /// <summary>The stack's mirrors, or null when it pulls from upstream directly (<see cref="Needed"/>).</summary>
    public static ImageMirrors? For(PlatformConfig config) =>
        Needed(config)
            ? new ImageMirrors([.. Upstreams.Select(u => new RegistryMirror(u.Host, $"{RepositoryHost(config)}/{config.ProjectId}/{RepositoryId(config, u)}"))])
            : null;

    /// <summary>Artifact Registry's Docker host in the stack's region, <c>europe-west4-docker.pkg.dev</c>.</summary>
    public static string RepositoryHost(PlatformConfig config) => $"{config.Region}-docker.pkg.dev";

    /// <summary>The remote repository's id, <c>&lt;deploymentName&gt;-&lt;key&gt;</c>.</summary>
    public static string RepositoryId(PlatformConfig config, UpstreamRegistry upstream) => GcpNames.Prefixed(config, upstream.Key);

    /// <summary>The mirror's path prefix for <paramref name="upstreamHost"/>, or null when it is not proxied.</summary>
    public string? MirrorOf(string upstreamHost)
    {
        var host = DockerHubAliases.Contains(upstreamHost) ? "docker.io" : upstreamHost;
        return Registries.FirstOrDefault(r => r.Upstream == host)?.Repository;
    }

    /// <summary>
    /// <paramref name="image"/> pulled through its mirror: <c>kserve/sklearnserver:v0.20.0</c> becomes
    /// <c>&lt;docker-io mirror&gt;/kserve/sklearnserver:v0.20.0</c>, <c>nginx</c> <c>&lt;docker-io mirror&gt;/library/nginx</c>.
    /// References to registries without a mirror (including the mirrors themselves) are returned unchanged.
    /// </summary>
    public string Rewrite(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (host, path) = Split(image);
        if (MirrorOf(host) is not { } mirror)
        {
            return image;
        }

        if (DockerHubAliases.Contains(host) && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        return $"{mirror}/{path}";
    }

    /// <summary>
    /// The image a model's pods pull for <c>models[].image</c>: the stack's own project's gcr.io images stay as written
    /// (they are inside the perimeter, reached through the restricted VIP, and may be private, which a remote
    /// repository fetching anonymously could not pull); any other image from a proxied registry through its mirror.
    /// </summary>
    public static string ModelImage(PlatformConfig config, string image)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(image);
        if (For(config) is not { } mirrors)
        {
            return image;
        }

        var (host, path) = Split(image);
        var ownGcr = (host == "gcr.io" || host.EndsWith(".gcr.io", StringComparison.Ordinal)) && path.StartsWith(config.ProjectId + "/", StringComparison.Ordinal);
        return ownGcr ? image : mirrors.Rewrite(image);
    }

    /// <summary>True when <paramref name="image"/> already comes from one of the mirrors.</summary>
    public bool IsMirrored(string image) =>
        Registries.Any(r => image.StartsWith(r.Repository + "/", StringComparison.Ordinal));

    /// <summary>The registry host of an image reference (Docker Hub when the first segment is not a host) and the rest.</summary>
    public static (string Host, string Path) Split(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return ("docker.io", image);
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? (first.ToLowerInvariant(), image[(slash + 1)..])
            : ("docker.io", image);
    }
}
