using System.Text.Json.Nodes;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>
/// A model as KServe and Knative serve it: its pods, whether the activator is on its request path, and its hosts.
/// </summary>
/// <param name="InferenceService">The InferenceService object.</param>
/// <param name="Pods">The predictor pods that answer its requests.</param>
/// <param name="ActivatorOnPath">Whether Knative's activator proxies its requests (scale to zero, target burst capacity).</param>
/// <param name="ActivatorWhy">Why the activator is or is not on the path, for the report.</param>
/// <param name="Revision">The Knative revision serving it.</param>
/// <param name="PredictorHost">The predictor's cluster-local host.</param>
/// <param name="TopLevelHost">KServe's top-level cluster-local host; null when its virtual service is off.</param>
/// <param name="Address">What an in-cluster caller uses: KServe's top-level host when its virtual service is on, else the predictor host.</param>
/// <param name="ExternalHosts">Hosts on the external gateways (empty when cluster-local).</param>
internal sealed record ServedModel(
    ClusterObject InferenceService,
    Workload Pods,
    bool ActivatorOnPath,
    string ActivatorWhy,
    string Revision,
    string PredictorHost,
    string? TopLevelHost,
    string Address,
    IReadOnlyList<string> ExternalHosts)
{
    public string Namespace => InferenceService.Namespace ?? "default";

    public string Name => InferenceService.Name;

    /// <summary><c>namespace/name</c>.</summary>
    public string Key => $"{Namespace}/{Name}";

    public string PrivateServiceHost => $"{Revision}-private.{Namespace}.svc.cluster.local";
}

/// <summary>What the controllers derive from the cluster state: objects, unmodeled ones, models and managed endpoints.</summary>
internal sealed record DerivedObjects(
    IReadOnlyList<ClusterObject> Objects,
    IReadOnlyList<(ClusterObject Object, string Why)> Unmodeled,
    IReadOnlyList<ServedModel> Models,
    IReadOnlyDictionary<string, IReadOnlyList<Workload>> Endpoints);

/// <summary>
/// What KServe (serverless mode), Knative Serving and net-istio create for each InferenceService, read from their
/// reconcilers:
/// <list type="bullet">
/// <item>KServe creates the Knative Service <c>&lt;model&gt;-predictor</c>; its pods carry the InferenceService's labels and
/// annotations plus <c>serving.kserve.io/inferenceservice</c>, and run as <c>spec.predictor.serviceAccountName</c>.</item>
/// <item>Knative's route creates the placeholder Service <c>&lt;model&gt;-predictor</c>, an ExternalName to the local
/// gateway Service (<c>config-istio</c> <c>local-gateways</c>), and the revision Service, whose endpoints are the
/// activator's pods while the activator is on the path (targetBurstCapacity not 0, or scale to zero) and the model's
/// pods otherwise.</item>
/// <item>net-istio creates <c>&lt;ksvc&gt;-ingress</c> (cluster-local hosts on the local gateways, the domain-template
/// host on the external gateways unless the model is cluster-local) and <c>&lt;ksvc&gt;-mesh</c> (cluster-local hosts
/// for sidecars, so in-mesh callers reach the revision directly), both setting <c>Knative-Serving-Namespace</c> and
/// <c>Knative-Serving-Revision</c>.</item>
/// <item>KServe, only when <c>disableIstioVirtualHost</c> is false, creates the top-level VirtualService
/// <c>&lt;model&gt;</c> (host <c>&lt;model&gt;.&lt;ns&gt;.svc.cluster.local</c> on <c>localGateway</c> and <c>mesh</c>, the
/// external host on <c>ingressGateway</c>) routing to <c>knativeLocalGatewayService</c> with the predictor host, and
/// the ExternalName Service <c>&lt;model&gt;</c> to <c>localGatewayService</c>
/// (pkg/controller/v1beta1/inferenceservice/reconcilers/ingress/ingress_reconciler.go).</item>
/// </list>
/// Transformers, explainers and raw deployment mode are not modeled (reported, not guessed).
/// </summary>
internal static class ServingControllers
{
    public const string ModelLabel = "serving.kserve.io/inferenceservice";
    public const string RevisionLabel = "serving.knative.dev/revision";
    public const string NamespaceHeader = "knative-serving-namespace";
    public const string RevisionHeader = "knative-serving-revision";
    public const int QueueProxyPort = 8012;
    public const int MetricsPort = 9090;

    private const string TbcKey = "autoscaling.knative.dev/target-burst-capacity";
    private const string TbcLegacyKey = "autoscaling.knative.dev/targetBurstCapacity";

    public static DerivedObjects Derive(ClusterState state)
    {
        var config = ServingConfig.Read(state);
        var activators = Workload.FromDeployments(state).Where(w => w.Role == WorkloadRole.Activator).ToList();
        var objects = new List<ClusterObject>();
        var unmodeled = new List<(ClusterObject, string)>();
        var models = new List<ServedModel>();
        var endpoints = new Dictionary<string, IReadOnlyList<Workload>>(StringComparer.Ordinal);

        foreach (var isvc in state.OfKind("InferenceService", "serving.kserve.io").ToList())
        {
            var ns = isvc.Namespace ?? "default";
            var mode = isvc.Annotations.GetValueOrDefault("serving.kserve.io/deploymentMode");
            if (Json.At(isvc.Manifest, "spec", "transformer") is not null || Json.At(isvc.Manifest, "spec", "explainer") is not null || mode is not (null or "Serverless"))
            {
                unmodeled.Add((isvc, "transformers, explainers and raw deployment mode are not modeled"));
                continue;
            }

            var ksvc = $"{isvc.Name}-predictor";
            var revision = $"{ksvc}-00001";
            var labels = new Dictionary<string, string>(isvc.Labels, StringComparer.Ordinal)
            {
                [ModelLabel] = isvc.Name,
                ["component"] = "predictor",
                ["serving.knative.dev/service"] = ksvc,
                ["serving.knative.dev/configuration"] = ksvc,
                [RevisionLabel] = revision,
                ["app"] = revision,
            };
            var (proxied, proxyWhy) = SidecarInjection.Decide(state.Namespace(ns), labels, isvc.Annotations);
            var pods = new Workload(ns, isvc.Name, labels, Json.Str(isvc.Manifest, "spec", "predictor", "serviceAccountName") ?? "default",
                proxied, WorkloadRole.Model, isvc.Ref, proxyWhy);

            var tbc = isvc.Annotations.GetValueOrDefault(TbcKey) ?? isvc.Annotations.GetValueOrDefault(TbcLegacyKey);
            var scaleToZero = Json.Int(isvc.Manifest, "spec", "predictor", "minReplicas") == 0;
            var activatorOn = tbc != "0" || scaleToZero;
            var activatorWhy = scaleToZero ? "minReplicas 0: the activator holds requests while the model is scaled to zero"
                : tbc is null ? "no targetBurstCapacity annotation: Knative's default (200) keeps the activator on the path"
                : tbc == "0" ? "targetBurstCapacity 0: the activator leaves the request path"
                : $"targetBurstCapacity {tbc}: the activator is on the path";

            var internalOnly = isvc.Labels.GetValueOrDefault(InferenceServices.VisibilityLabel) == "cluster-local";
            var localHosts = new[] { $"{ksvc}.{ns}", $"{ksvc}.{ns}.svc", $"{ksvc}.{ns}.svc.cluster.local" };
            var external = new List<string>();
            if (!internalOnly)
            {
                if (config.KnativeHost(ksvc, ns) is { } host)
                {
                    if (!host.EndsWith(".svc.cluster.local", StringComparison.Ordinal))
                    {
                        external.Add(host);
                    }
                }
                else
                {
                    unmodeled.Add((isvc, "Knative's domain template or domain is not modeled"));
                    continue;
                }
            }

            var revisionHost = $"{revision}.{ns}.svc.cluster.local";
            var localGateway = config.LocalGateways[0];
            objects.Add(Derived(Service(ksvc, ns, externalName: localGateway.ServiceHost)));
            objects.Add(Derived(Service(revision, ns, ports: [(80, QueueProxyPort)])));
            objects.Add(Derived(Service($"{revision}-private", ns, ports: [(80, QueueProxyPort), (MetricsPort, MetricsPort)],
                selector: new JsonObject { [RevisionLabel] = revision })));
            endpoints[$"{ns}/{revision}"] = activatorOn ? activators : [pods];

            var headers = new JsonObject { ["Knative-Serving-Namespace"] = ns, ["Knative-Serving-Revision"] = revision };
            var routes = new JsonArray
            {
                KnativeRoute(localHosts, config.LocalGateways.Select(g => g.GatewayRef), revisionHost, headers),
            };
            if (external.Count > 0)
            {
                routes.Add(KnativeRoute(external, config.ExternalGateways.Select(g => g.GatewayRef), revisionHost, headers));
            }

            var gateways = config.LocalGateways.Select(g => g.GatewayRef).Concat(external.Count > 0 ? config.ExternalGateways.Select(g => g.GatewayRef) : []);
            objects.Add(Derived(VirtualService($"{ksvc}-ingress", ns, [.. localHosts, .. external], gateways, routes)));
            objects.Add(Derived(VirtualService($"{ksvc}-mesh", ns, localHosts, ["mesh"],
                [KnativeRoute(localHosts, ["mesh"], revisionHost, headers)])));

            string? topLevel = null;
            if (!config.Kserve.DisableIstioVirtualHost)
            {
                topLevel = $"{isvc.Name}.{ns}.svc.cluster.local";
                var kserveExternal = internalOnly ? null : config.KserveHost(isvc.Name, ns);
                var predictorHost = IapPathRoutes.PredictorHost(ns, isvc.Name);
                var kserveRoute = new JsonObject
                {
                    ["match"] = new JsonArray([
                        Match(topLevel, [config.Kserve.LocalGateway, "mesh"]),
                        .. kserveExternal is null ? Array.Empty<JsonNode>() : [Match(kserveExternal, [config.Kserve.IngressGateway])]]),
                    ["route"] = new JsonArray(Destination(config.Kserve.KnativeLocalGatewayService, 80, null)),
                    ["headers"] = new JsonObject { ["request"] = new JsonObject { ["set"] = new JsonObject { ["Host"] = predictorHost } } },
                };
                var topGateways = new List<string> { config.Kserve.LocalGateway, "mesh" };
                if (kserveExternal is not null)
                {
                    topGateways.Add(config.Kserve.IngressGateway);
                }

                objects.Add(Derived(VirtualService(isvc.Name, ns, [topLevel, .. kserveExternal is null ? Array.Empty<string>() : [kserveExternal]], topGateways, [kserveRoute])));
                objects.Add(Derived(Service(isvc.Name, ns, externalName: config.Kserve.LocalGatewayService)));
            }

            models.Add(new ServedModel(isvc, pods, activatorOn, activatorWhy, revision, $"{ksvc}.{ns}.svc.cluster.local", topLevel,
                topLevel ?? $"{ksvc}.{ns}.svc.cluster.local", external));
        }

        return new DerivedObjects(objects, unmodeled, models, endpoints);
    }

    private static ClusterObject Derived(JsonObject manifest) => new(manifest, ObjectOrigin.Derived);

    private static JsonObject Meta(string apiVersion, string kind, string name, string ns) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
    };

    private static JsonObject Service(string name, string ns, string? externalName = null, (int Port, int Target)[]? ports = null, JsonObject? selector = null)
    {
        var spec = new JsonObject();
        if (externalName is not null)
        {
            spec["type"] = "ExternalName";
            spec["externalName"] = externalName;
        }
        else
        {
            spec["type"] = "ClusterIP";
            spec["ports"] = new JsonArray([.. (ports ?? []).Select(p => (JsonNode)new JsonObject { ["port"] = p.Port, ["targetPort"] = p.Target })]);
            if (selector is not null)
            {
                spec["selector"] = selector;
            }
        }

        var manifest = Meta("v1", "Service", name, ns);
        manifest["spec"] = spec;
        return manifest;
    }

    private static JsonObject VirtualService(string name, string ns, IEnumerable<string> hosts, IEnumerable<string> gateways, JsonArray http)
    {
        var manifest = Meta(ApiVersions.IstioNetworking, "VirtualService", name, ns);
        manifest["spec"] = new JsonObject
        {
            ["hosts"] = new JsonArray([.. hosts.Select(h => (JsonNode)JsonValue.Create(h))]),
            ["gateways"] = new JsonArray([.. gateways.Distinct(StringComparer.Ordinal).Select(g => (JsonNode)JsonValue.Create(g))]),
            ["http"] = http,
        };
        return manifest;
    }

    private static JsonObject KnativeRoute(IEnumerable<string> hosts, IEnumerable<string> gateways, string destination, JsonObject headers)
    {
        var gatewayList = gateways.ToList();
        return new JsonObject
        {
            ["match"] = new JsonArray([.. hosts.Select(h => (JsonNode)Match(h, gatewayList))]),
            ["route"] = new JsonArray(Destination(destination, 80, headers)),
        };
    }

    private static JsonObject Match(string authority, IEnumerable<string> gateways) => new()
    {
        ["authority"] = new JsonObject { ["exact"] = authority },
        ["gateways"] = new JsonArray([.. gateways.Select(g => (JsonNode)JsonValue.Create(g))]),
    };

    private static JsonObject Destination(string host, int port, JsonObject? setHeaders)
    {
        var destination = new JsonObject { ["destination"] = new JsonObject { ["host"] = host, ["port"] = new JsonObject { ["number"] = port } } };
        if (setHeaders is not null)
        {
            destination["headers"] = new JsonObject { ["request"] = new JsonObject { ["set"] = setHeaders.DeepClone() } };
        }

        return destination;
    }
}
