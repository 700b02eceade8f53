using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Per-model AuthorizationPolicy (ALLOW, selecting the model's pods by <c>serving.kserve.io/inferenceservice</c>)
/// for the callers a namespace-only policy cannot tell apart from "anyone", each granted by identity and only to the
/// models that are reached that way:
/// <list type="bullet">
/// <item><b>The activator</b> (namespace knative-serving) for models with <c>activator: on</c> (seed 003 rule 2). It
/// proxies for any caller (net-istio #554), which is why it is granted per model and only to models that chose it
/// (the <c>activator-bypasses-isolation</c> guardrail makes the team acknowledge that).</item>
/// <item><b>The public gateway</b> (<see cref="GatewayPrincipals.Public"/>) for exposed models: Knative's public host
/// route goes from it straight to the model. With IAP, that gateway admits only requests carrying IAP's JWT for this
/// project's backend (<see cref="IapInMesh"/>), so its identity is the proof; the model does not check the IAP JWT
/// again (with Dex, one proxy validating both JWTs would fill <c>request.auth.claims</c> from only one of them).</item>
/// <item><b>The cluster-local gateway</b> (<see cref="GatewayPrincipals.Local"/>) for exposed models when IAP is on
/// (the IAP path route goes public gateway → knative-local-gateway → model; the local gateway admits only the public
/// gateway, <see cref="LocalGatewayCallers"/>), and for every model when the local gateway is open to callers outside
/// the mesh (<see cref="LocalGatewayCallers.IsOpen"/>).</item>
/// </list>
/// No grant names the istio-system namespace: any pod that reaches a gateway arrives at the model as the gateway, so
/// a namespace grant would admit every caller of every gateway.
/// With Dex (<c>mesh.dex</c>), every rule also requires a valid Dex token with the configured issuer, audience and
/// groups (seed 001): these are the paths that external users' requests take.
/// Nothing here when the team turned <c>authorization</c> off.
/// </summary>
public static class ModelCallers
{
    public const string PodLabel = "serving.kserve.io/inferenceservice";

    public static string PolicyName(ModelConfig model) => $"{model.Name}-callers";

    /// <summary>
    /// The gateway identities <paramref name="model"/> admits: the public gateway for exposed models; the cluster-local
    /// gateway for exposed models behind IAP and for every model while the local gateway is open. Empty otherwise.
    /// </summary>
    public static IReadOnlyList<string> GatewayPrincipalsFor(PlatformConfig config, ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        var principals = new List<string>();
        if (model.ExposeViaIap)
        {
            principals.Add(GatewayPrincipals.Public);
        }

        if ((model.ExposeViaIap && config.Iap.Enabled) || LocalGatewayCallers.IsOpen(config.Mesh))
        {
            principals.Add(GatewayPrincipals.Local);
        }

        return principals;
    }

    internal static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team, ModelConfig model)
    {
        if (!team.Authorization)
        {
            yield break;
        }

        var rules = new List<JsonNode>();
        if (model.Activator == ActivatorMode.On)
        {
            rules.Add(Rule(new JsonObject { ["namespaces"] = Manifest.Strings([SystemNamespaces.KnativeServing]) }, config.Mesh.Dex));
        }

        if (GatewayPrincipalsFor(config, model) is { Count: > 0 } gateways)
        {
            rules.Add(Rule(new JsonObject { ["principals"] = Manifest.Strings(gateways) }, config.Mesh.Dex));
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

    private static JsonObject Rule(JsonObject source, DexConfig? dex)
    {
        var rule = new JsonObject();
        if (dex is not null)
        {
            source["requestPrincipals"] = Manifest.Strings([DexAuth.RequestPrincipals(dex)]);
        }

        rule["from"] = Manifest.Array(new JsonObject { ["source"] = source });
        if (dex is not null)
        {
            rule["when"] = DexAuth.ClaimConditions(dex);
        }

        return rule;
    }
}
