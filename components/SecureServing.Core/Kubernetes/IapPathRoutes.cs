using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The IAP path route of each exposed model (KFServing GCP/IAP example): IAP serves one hostname, so models are told apart by path.
/// A VirtualService in the team namespace, bound to the public gateway for the IAP hostname, rewrites
/// <c>/kfserving/&lt;ns&gt;/&lt;model&gt;</c> to <c>/v1/models/&lt;model&gt;</c> with authority
/// <c>&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c> and sends it to Knative's local gateway, which routes by
/// that host. <c>/kfserving/ns/m:predict</c> becomes <c>/v1/models/m:predict</c> (the prefix rewrite keeps the verb).
/// <para>
/// Two matches, not one prefix: the bare path exactly, and the path followed by <c>:</c> (the v1 verbs
/// <c>:predict</c>, <c>:explain</c>). A plain prefix <c>/kfserving/ns/iris</c> would also catch
/// <c>/kfserving/ns/iris-v2:predict</c> and send it to iris with the path <c>/v1/models/iris-v2:predict</c>; and since
/// Istio merges every team's routes for the one hostname in no guaranteed order, matches must never overlap.
/// </para>
/// </summary>
public static class IapPathRoutes
{
    /// <summary>The public path of a model behind IAP: <c>/kfserving/&lt;namespace&gt;/&lt;model&gt;</c>.</summary>
    public static string PublicPath(string ns, string model) => $"/kfserving/{ns}/{model}";

    /// <summary>The path KServe's v1 protocol serves: <c>/v1/models/&lt;model&gt;</c>.</summary>
    public static string ModelPath(string model) => $"/v1/models/{model}";

    /// <summary>The in-cluster host of the predictor: <c>&lt;model&gt;-predictor.&lt;namespace&gt;.svc.cluster.local</c>.</summary>
    public static string PredictorHost(string ns, string model) => $"{model}-predictor.{ns}.svc.cluster.local";

    internal static string RouteName(ModelConfig model) => $"{model.Name}-iap";

    internal static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team, ModelConfig model)
    {
        if (!config.Iap.Enabled || !model.ExposeViaIap)
        {
            yield break;
        }

        var publicPath = PublicPath(team.Namespace, model.Name);
        var modelPath = ModelPath(model.Name);
        var authority = PredictorHost(team.Namespace, model.Name);

        var manifest = Manifest.New(ApiVersions.IstioNetworking, "VirtualService", RouteName(model), team.Namespace)
            .With("spec", new JsonObject
            {
                ["hosts"] = Manifest.Strings([IapNames.Hostname(config)]),
                ["gateways"] = Manifest.Strings([PublicHttpsGateway.GatewayRef]),
                ["http"] = Manifest.Array(
                    Route($"{model.Name}-metadata", new JsonObject { ["exact"] = publicPath }, modelPath, authority),
                    Route($"{model.Name}-verbs", new JsonObject { ["prefix"] = publicPath + ":" }, modelPath + ":", authority)),
            });
        yield return new KubernetesObject(manifest, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }

    private static JsonObject Route(string name, JsonObject uriMatch, string rewriteUri, string authority) => new()
    {
        ["name"] = name,
        ["match"] = Manifest.Array(new JsonObject { ["uri"] = uriMatch }),
        ["rewrite"] = new JsonObject { ["uri"] = rewriteUri, ["authority"] = authority },
        ["route"] = Manifest.Array(new JsonObject
        {
            ["destination"] = new JsonObject
            {
                ["host"] = KnativeLocalGateway.ServiceHost,
                ["port"] = new JsonObject { ["number"] = 80 },
            },
        }),
    };
}
