using System.Text.Json;
using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// KServe from its Helm charts (<c>oci://ghcr.io/kserve/charts</c>), in the kserve namespace:
/// <list type="bullet">
/// <item><c>kserve-crd</c>: the CRDs (InferenceService, ServingRuntime, ClusterServingRuntime, ...).</item>
/// <item><c>kserve</c> (chart <c>kserve-resources</c>): the controller, its webhooks (certificates from cert-manager)
/// and <c>inferenceservice-config</c>, which the chart renders from its values: the <c>ingress</c> settings the
/// platform decides (<see cref="KserveIngressConfig"/>) are passed as <c>kserve.controller.gateway.*</c>, so the
/// ConfigMap is owned, not patched.</item>
/// <item><c>kserve-runtimes</c> (chart <c>kserve-runtime-configs</c>): the ClusterServingRuntimes the models run on.</item>
/// </list>
/// Under restricted egress every image (controller, kube-rbac-proxy, agent, router, storage initializer, explainer,
/// each runtime) points at its mirror; the Triton runtime is switched off there, because its image is on nvcr.io
/// (<see cref="ImageMirrors.NotProxied"/>), and <c>check</c> refuses the model formats only Triton serves.
/// </summary>
public static class KserveReleases
{
    public const string Repository = "oci://ghcr.io/kserve/charts";
    public const string Crd = "kserve-crd";
    public const string Resources = "kserve";
    public const string Runtimes = "kserve-runtimes";

    /// <summary>The chart default of <c>kserve.controller.rbacProxyImage</c> at v0.19.0 and v0.20.0 (a full reference).</summary>
    public const string KubeRbacProxyImage = "quay.io/brancz/kube-rbac-proxy:v0.18.0";

    private const string ControllerImage = "kserve/kserve-controller";
    private const string AgentImage = "kserve/agent";
    private const string RouterImage = "kserve/router";
    private const string StorageInitializerImage = "kserve/storage-initializer";
    private const string ArtExplainerImage = "kserve/art-explainer";

    /// <summary>
    /// The images the KServe chart runs besides its model runtimes, as the chart defaults name them: what the mirrored
    /// install points at its mirrors, and what the admission check of an unmirrored install looks at (<see cref="ServingImages"/>).
    /// </summary>
    public static IReadOnlyList<string> ChartImages { get; } = [ControllerImage, AgentImage, RouterImage, StorageInitializerImage, KubeRbacProxyImage, ArtExplainerImage];

    /// <summary>The runtime key of KServe's Triton runtime, whose image is on nvcr.io.</summary>
    public const string TritonRuntime = "tritonserver";

    /// <summary>Model formats only the Triton runtime serves (its ClusterServingRuntime's <c>supportedModelFormats</c>).</summary>
    public static readonly IReadOnlyList<string> TritonOnlyFormats = ["onnx", "triton"];

    /// <summary>
    /// The ClusterServingRuntimes of <c>kserve-runtime-configs</c>: values key, default image repository, first KServe
    /// line that has it (the chart's <c>kserve.servingruntime</c> values at v0.19.0 and v0.20.0).
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string Image, MinorVersion Since)> ServingRuntimes =
    [
        ("sklearnserver", "kserve/sklearnserver", new(0, 19)),
        ("xgbserver", "kserve/xgbserver", new(0, 19)),
        ("lgbserver", "kserve/lgbserver", new(0, 19)),
        ("mlserver", "docker.io/seldonio/mlserver", new(0, 19)),
        ("tensorflow", "tensorflow/serving", new(0, 19)),
        ("torchserve", "pytorch/torchserve-kfs", new(0, 19)),
        (TritonRuntime, "nvcr.io/nvidia/tritonserver", new(0, 19)),
        ("pmmlserver", "kserve/pmmlserver", new(0, 19)),
        ("paddleserver", "kserve/paddleserver", new(0, 19)),
        ("predictiveserver", "kserve/predictiveserver", new(0, 19)),
        ("huggingfaceserver", "kserve/huggingfaceserver", new(0, 19)),
        ("autogluonserver", "kserve/autogluonserver", new(0, 20)),
        ("vllmserver", "vllm/vllm-openai", new(0, 20)),
    ];

    /// <summary>The JSON keys of KServe's <c>ingress</c> config and the chart values that render them (configmap-patch.yaml at the tag).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> IngressValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["enableGatewayApi"] = ["ingressGateway", "enableGatewayApi"],
        ["kserveIngressGateway"] = ["ingressGateway", "kserveGateway"],
        ["ingressGateway"] = ["ingressGateway", "gateway"],
        ["ingressClassName"] = ["ingressGateway", "className"],
        ["knativeLocalGatewayService"] = ["localGateway", "knativeGatewayService"],
        ["localGateway"] = ["localGateway", "gateway"],
        ["localGatewayService"] = ["localGateway", "gatewayService"],
        ["ingressDomain"] = ["domain"],
        ["additionalIngressDomains"] = ["additionalIngressDomains"],
        ["domainTemplate"] = ["domainTemplate"],
        ["pathTemplate"] = ["pathTemplate"],
        ["urlScheme"] = ["urlScheme"],
        ["disableIstioVirtualHost"] = ["disableIstioVirtualHost"],
        ["disableIngressCreation"] = ["disableIngressCreation"],
        ["disableHTTPRouteTimeout"] = ["disableHTTPRouteTimeout"],
    };

    public static IEnumerable<Release> For(PlatformConfig config, ImageMirrors? mirrors, IReadOnlyDictionary<string, IReadOnlyList<KubernetesObject>> absorbed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(absorbed);
        var version = "v" + config.Versions.Kserve;

        yield return Chart(Crd, "kserve-crd", version, [], []);

        var controller = new JsonObject();
        if (absorbed.GetValueOrDefault(Resources, []).SingleOrDefault() is { } ingressPatch)
        {
            controller["gateway"] = GatewayValues(ingressPatch);
        }

        var kserve = new JsonObject { ["controller"] = controller };
        if (mirrors is not null)
        {
            controller["image"] = mirrors.Rewrite(ControllerImage);
            controller["rbacProxyImage"] = mirrors.Rewrite(KubeRbacProxyImage);
            kserve["agent"] = new JsonObject { ["image"] = mirrors.Rewrite(AgentImage) };
            kserve["router"] = new JsonObject { ["image"] = mirrors.Rewrite(RouterImage) };
            kserve["storage"] = new JsonObject { ["image"] = mirrors.Rewrite(StorageInitializerImage) };
            kserve["servingruntime"] = new JsonObject { ["art"] = new JsonObject { ["image"] = mirrors.Rewrite(ArtExplainerImage) } };
        }

        if (controller.Count == 0)
        {
            kserve.Remove("controller");
        }

        yield return Chart(Resources, "kserve-resources", version, new JsonObject { ["kserve"] = kserve },
            [Crd, CertManagerRelease.Name, KnativeReleases.Serving]) with { CreatesNamespace = true };

        var runtimes = new JsonObject { ["enabled"] = true };
        if (mirrors is not null)
        {
            foreach (var (key, image, _) in RuntimesAt(config))
            {
                runtimes[key] = Disables(mirrors, image)
                    ? new JsonObject { ["disabled"] = true }
                    : new JsonObject { ["image"] = mirrors.Rewrite(image) };
            }
        }

        yield return Chart(Runtimes, "kserve-runtime-configs", version, new JsonObject { ["kserve"] = new JsonObject { ["servingruntime"] = runtimes } },
            [Resources]);
    }

    /// <summary>The serving runtimes of the config's KServe line (<see cref="ServingRuntimes"/> since at most that minor version).</summary>
    public static IEnumerable<(string Key, string Image, MinorVersion Since)> RuntimesAt(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        MinorVersion.TryParse(config.Versions.Kserve, out var line);
        return ServingRuntimes.Where(r => r.Since <= line);
    }

    /// <summary>Whether the stack's Triton runtime is switched off: the same rule that writes its <c>disabled</c> value.</summary>
    public static bool TritonDisabled(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Disables(ImageMirrors.For(config), ServingRuntimes.Single(r => r.Key == TritonRuntime).Image);
    }

    /// <summary>A runtime is switched off when the stack pulls through mirrors and its image's registry is one they cannot proxy.</summary>
    private static bool Disables(ImageMirrors? mirrors, string image) =>
        mirrors is not null && ImageMirrors.NotProxied.ContainsKey(ImageMirrors.Split(image).Host);

    /// <summary>The <c>ingress</c> JSON of an <c>inferenceservice-config</c> patch as <c>kserve.controller.gateway</c> values.</summary>
    private static JsonObject GatewayValues(KubernetesObject patch)
    {
        var data = patch.Manifest["data"]?.AsObject() ?? throw new InvalidOperationException($"{patch.Key} has no data.");
        var gateway = new JsonObject();
        foreach (var (key, value) in data)
        {
            if (key != KserveIngressConfig.IngressKey)
            {
                throw new InvalidOperationException($"{patch.Key}: data key '{key}' has no kserve-resources value; map it in {nameof(KserveReleases)}.");
            }

            var ingress = JsonNode.Parse((string)value!, documentOptions: new JsonDocumentOptions { MaxDepth = 8 })!.AsObject();
            foreach (var (setting, settingValue) in ingress)
            {
                if (!IngressValues.TryGetValue(setting, out var path))
                {
                    throw new InvalidOperationException($"{patch.Key}: ingress setting '{setting}' has no kserve-resources value; map it in {nameof(KserveReleases)}.");
                }

                var target = gateway;
                foreach (var part in path[..^1])
                {
                    target = (target[part] ??= new JsonObject()).AsObject();
                }

                target[path[^1]] = settingValue?.DeepClone();
            }
        }

        return gateway;
    }

    private static Release Chart(string name, string chart, string version, JsonObject values, IReadOnlyList<string> dependsOn) =>
        Release.HelmChart(name, SystemNamespaces.Kserve, chart, Repository, version, values, dependsOn);
}
