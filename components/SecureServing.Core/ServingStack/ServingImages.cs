using SecureServing.Core.Config;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// The image repositories (registry and path, no tag or digest) the installed serving stack runs when it pulls from
/// the upstream registries directly, i.e. without <see cref="ImageMirrors"/> (<c>network.egress: nat</c>):
/// <list type="bullet">
/// <item>Istio: <c>istio/pilot</c>, and <c>istio/proxyv2</c> for the gateways and every injected sidecar, from
/// <c>docker.io/istio</c> (the charts' <c>global.hub</c>).</item>
/// <item>cert-manager: controller, webhook, cainjector and ACME solver from <c>quay.io/jetstack</c> (the chart's
/// <c>imageRegistry</c> and <c>imageNamespace</c>; the startup API check is off).</item>
/// <item>Knative Serving and net-istio: <c>gcr.io/knative-releases/knative.dev/...</c> (the release manifests), including
/// the queue-proxy Knative adds to every revision.</item>
/// <item>KServe: the chart's own images (<see cref="KserveReleases.ChartImages"/>, which the mirrored install overrides),
/// and the runtime images of the KServe line (<see cref="KserveReleases.ServingRuntimes"/>).</item>
/// </list>
/// Docker Hub references are written with their registry (<c>docker.io/kserve/agent</c>), as <see cref="ImageMirrors.Split"/>
/// reads them.
/// </summary>
public static class ServingImages
{
    private static readonly string[] Fixed =
    [
        "docker.io/istio/pilot",
        "docker.io/istio/proxyv2",
        "quay.io/jetstack/cert-manager-controller",
        "quay.io/jetstack/cert-manager-webhook",
        "quay.io/jetstack/cert-manager-cainjector",
        "quay.io/jetstack/cert-manager-acmesolver",
        "gcr.io/knative-releases/knative.dev/serving/cmd/activator",
        "gcr.io/knative-releases/knative.dev/serving/cmd/autoscaler",
        "gcr.io/knative-releases/knative.dev/serving/cmd/controller",
        "gcr.io/knative-releases/knative.dev/serving/cmd/webhook",
        "gcr.io/knative-releases/knative.dev/serving/cmd/queue",
        "gcr.io/knative-releases/knative.dev/net-istio/cmd/controller",
        "gcr.io/knative-releases/knative.dev/net-istio/cmd/webhook",
    ];

    /// <summary>Every repository of the installed stack at the config's versions, in the order above, runtimes last.</summary>
    public static IReadOnlyList<string> Upstream(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var runtimes = KserveReleases.RuntimesAt(config).Select(r => Qualified(r.Image));
        return [.. Fixed.Concat(KserveReleases.ChartImages.Select(Repository)).Concat(runtimes).Distinct(StringComparer.Ordinal)];
    }

    private static string Qualified(string image)
    {
        var (host, path) = ImageMirrors.Split(image);
        return $"{host}/{path}";
    }

    /// <summary>The qualified repository of an image reference, without its tag.</summary>
    private static string Repository(string image)
    {
        var qualified = Qualified(image);
        var tag = qualified.LastIndexOf(':');
        return tag > qualified.LastIndexOf('/') ? qualified[..tag] : qualified;
    }
}
