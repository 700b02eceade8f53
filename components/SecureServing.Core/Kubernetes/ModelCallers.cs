using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Per-model AuthorizationPolicy (ALLOW, selecting the model's pods by <c>serving.kserve.io/inferenceservice</c>)
/// for the two kinds of callers a namespace-only policy cannot tell apart from "anyone":
/// <list type="bullet">
/// <item><b>The activator</b> (namespace knative-serving) for models with <c>activator: on</c> (seed 003 rule 2). It
/// proxies for any caller (net-istio #554), which is why it is granted per model and only to models that chose it
/// (the <c>activator-bypasses-isolation</c> guardrail makes the team acknowledge that).</item>
/// <item><b>The gateways</b> (namespace istio-system): requests that come through the public gateway (IAP path route,
/// Knative host route), through Knative's local gateway or KServe's local gateway arrive from the istio-ingressgateway
/// pods, so their source namespace is istio-system, not the caller's. Granted only to models that are reached that way:
/// exposed models (<c>exposeViaIap</c>), every model when out-of-mesh callers use the local gateway
/// (<c>mesh.outOfMeshCallers</c>), and every model when KServe's top-level virtual service is on (it routes through the
/// local gateway). Any pod that can reach a gateway can use it, so this opens the model to callers the namespace rule
/// would refuse; that is the price of a gateway, and the reason it is per model.</item>
/// </list>
/// With Dex (<c>mesh.dex</c>), both rules also require a valid Dex token with the configured issuer, audience and
/// groups (seed 001): these are the paths that external users' requests take.
/// Nothing here when the team turned <c>authorization</c> off.
/// </summary>
internal static class ModelCallers
{
    public const string PodLabel = "serving.kserve.io/inferenceservice";

    public static string PolicyName(ModelConfig model) => $"{model.Name}-callers";

    /// <summary>True when requests to the model pass through an istio-ingressgateway pod.</summary>
    public static bool ReachedThroughGateway(PlatformConfig config, ModelConfig model) =>
        model.ExposeViaIap || config.Mesh.OutOfMeshCallers || !config.Mesh.DisableIstioVirtualHost;

    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team, ModelConfig model)
    {
        if (!team.Authorization)
        {
            yield break;
        }

        var rules = new List<JsonNode>();
        if (model.Activator == ActivatorMode.On)
        {
            rules.Add(Rule(SystemNamespaces.KnativeServing, config.Mesh.Dex));
        }

        if (ReachedThroughGateway(config, model))
        {
            rules.Add(Rule(SystemNamespaces.IstioSystem, config.Mesh.Dex));
        }

        if (rules.Count == 0)
        {
            yield break;
        }

        var policy = Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", PolicyName(model), team.Namespace)
            .With("spec", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [PodLabel] = model.Name } },
                ["action"] = "ALLOW",
                ["rules"] = Manifest.Array(rules),
            });
        yield return new KubernetesObject(policy, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }

    private static JsonObject Rule(string sourceNamespace, DexConfig? dex)
    {
        var source = new JsonObject { ["namespaces"] = Manifest.Strings([sourceNamespace]) };
        var rule = new JsonObject();
        if (dex is null)
        {
            rule["from"] = Manifest.Array(new JsonObject { ["source"] = source });
            return rule;
        }

        source["requestPrincipals"] = Manifest.Strings([DexAuth.RequestPrincipals(dex)]);
        rule["from"] = Manifest.Array(new JsonObject { ["source"] = source });
        rule["when"] = DexAuth.ClaimConditions(dex);
        return rule;
    }
}
