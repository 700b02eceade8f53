using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Mesh-wide default deny: an ALLOW policy with an empty spec in the root namespace (istio-system) applies to every
/// workload with a sidecar and matches nothing, so a request is allowed only where another ALLOW policy of the
/// workload matches it (Istio's "Use default-deny patterns",
/// https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns; Kubeflow's manifests ship the
/// same <c>global-deny-all</c>). A workload that has ALLOW policies of its own is governed by them alone, so nothing
/// here may select one: an allow-all next to the public gateway's IAP policy or the local gateway's caller policy would
/// open it. The allows the platform's own components need, and nothing more:
/// <list type="bullet">
/// <item><b>Public gateway</b> (istio-system, <c>istio: public-gateway</c>): everything, but only when IAP's ALLOW
/// policy is not there (<c>iap.enabled: false</c>): it is then the public front door, and each model's policy decides
/// by the gateway's identity. With IAP, <see cref="IapInMesh"/>'s policy is its allow.</item>
/// <item><b>Cluster-local gateway</b> (<c>istio: ingressgateway</c>): everything, but only while it is open to callers
/// without identity (<see cref="LocalGatewayCallers.IsOpen"/>, acknowledged by the platform team); otherwise
/// <see cref="LocalGatewayCallers"/>' policy is its allow.</item>
/// <item><b>Knative activator</b> (knative-serving, <c>app: activator</c>), ports 8012 and 8013, from the namespaces the
/// mesh lets call some model (every team namespace and <c>allowedNamespaces</c> entry) and from the two gateways by
/// identity; from anyone when some model admits whatever the activator forwards: a team with <c>authorization: false</c>,
/// a model with <c>activator: on</c> (under namespace isolation only with <c>activator-bypasses-isolation</c>
/// acknowledged, which check requires: the activator hides the caller, so any pod may reach that model) or a model with
/// <c>sidecarInjection: false</c> (no proxy, so no policy of its own). The activator is on the request path of models
/// with <c>activator: on</c> and of any model while it has no ready pod; which model it may then reach is decided by the
/// model's own policies.</item>
/// <item><b>Knative autoscaler</b> (<c>app: autoscaler</c>): from knative-serving (the activator's request statistics).</item>
/// <item><b>Admission webhooks</b> the API server calls (it has no mesh identity): Knative's on 8443 in knative-serving,
/// KServe's on 9443 in kserve. They matter only where those pods have sidecars; without one they are inert.</item>
/// <item><b>Teams without namespace isolation</b> (<c>authorization: false</c>): an allow-all policy in the team's
/// namespace, so "anyone in the mesh may call" stays true under the default deny.</item>
/// </list>
/// Not needed: istiod, cert-manager and kube-system run without sidecars (AuthorizationPolicy applies only to proxies);
/// kubelet probes are rewritten by the sidecar to its agent's port, which authorization does not cover. Workloads with
/// sidecars in namespaces the platform does not manage need their own ALLOW policies. The exact list, and why, is in
/// the README ("Mesh default deny").
/// </summary>
internal static class MeshDefaultDeny
{
    public const string DenyName = "default-deny";
    public const string PublicGatewayAllowName = "allow-public-gateway";
    public const string LocalGatewayAllowName = "allow-local-gateway";
    public const string ActivatorAllowName = "allow-activator";
    public const string AutoscalerAllowName = "allow-autoscaler";
    public const string WebhooksAllowName = "allow-webhooks";
    public const string TeamAllowAllName = "allow-all";

    public static readonly IReadOnlyList<string> ActivatorPorts = [.. TeamNetworkPolicies.ActivatorPorts.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    public const string KnativeWebhookPort = "8443";
    public const string KserveWebhookPort = "9443";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        yield return Platform(SystemNamespaces.IstioSystem, DenyName, new JsonObject());

        if (!config.Iap.Enabled || !config.Iap.VerifyJwtInMesh)
        {
            yield return Platform(SystemNamespaces.IstioSystem, PublicGatewayAllowName, AllowAll(Manifest.PublicGatewaySelector()));
        }

        if (LocalGatewayCallers.IsOpen(config.Mesh))
        {
            yield return Platform(SystemNamespaces.IstioSystem, LocalGatewayAllowName, AllowAll(Manifest.IngressGatewaySelector()));
        }

        var callers = ActivatorCallers(config);
        var rule = new JsonObject();
        if (callers.Count > 0)
        {
            rule["from"] = Manifest.Array(
                new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings(callers) } },
                new JsonObject { ["source"] = new JsonObject { ["principals"] = Manifest.Strings([GatewayPrincipals.Public, GatewayPrincipals.Local]) } });
        }

        rule["to"] = Manifest.Array(new JsonObject { ["operation"] = new JsonObject { ["ports"] = Manifest.Strings(ActivatorPorts) } });
        yield return Platform(SystemNamespaces.KnativeServing, ActivatorAllowName, new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = Manifest.Map([TeamNetworkPolicies.Activator]) },
            ["action"] = "ALLOW",
            ["rules"] = Manifest.Array(rule),
        });

        yield return Platform(SystemNamespaces.KnativeServing, AutoscalerAllowName, new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "autoscaler" } },
            ["action"] = "ALLOW",
            ["rules"] = Manifest.Array(new JsonObject
            {
                ["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings([SystemNamespaces.KnativeServing]) } }),
            }),
        });

        yield return Platform(SystemNamespaces.KnativeServing, WebhooksAllowName, PortsOnly(KnativeWebhookPort));
        yield return Platform(SystemNamespaces.Kserve, WebhooksAllowName, PortsOnly(KserveWebhookPort));
    }

    /// <summary>In a team namespace without isolation: allow every request, as before the default deny.</summary>
    public static IEnumerable<KubernetesObject> ForTeam(TeamConfig team)
    {
        if (team.Authorization)
        {
            yield break;
        }

        var policy = Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", TeamAllowAllName, team.Namespace)
            .With("spec", AllowAll());
        yield return new KubernetesObject(policy, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }

    /// <summary>
    /// The source namespaces the activator accepts besides the two gateways (by identity): every namespace the mesh lets
    /// call a model (team namespaces, their <c>allowedNamespaces</c>), sorted; empty for any caller (a team without
    /// isolation, a model with the activator on its path or without a sidecar: such a model admits any pod the
    /// activator forwards, so narrowing the activator would keep out callers the team's file lets in). Never
    /// istio-system as a namespace: whoever reaches a gateway arrives as the gateway.
    /// </summary>
    public static IReadOnlyList<string> ActivatorCallers(PlatformConfig config) =>
        config.Teams.Any(t => !t.Authorization || t.Models.Any(m => m.Activator == ActivatorMode.On || !m.SidecarInjection))
            ? []
            : [.. config.Teams.SelectMany(t => new[] { t.Namespace }.Concat(t.AllowedNamespaces))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];

    /// <summary>An ALLOW policy with one empty rule (every request), for the workloads <paramref name="selector"/> matches, or the whole namespace without one.</summary>
    private static JsonObject AllowAll(JsonObject? selector = null)
    {
        var spec = new JsonObject();
        if (selector is not null)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = selector };
        }

        spec["action"] = "ALLOW";
        spec["rules"] = Manifest.Array(new JsonObject());
        return spec;
    }

    private static JsonObject PortsOnly(string port) => new()
    {
        ["action"] = "ALLOW",
        ["rules"] = Manifest.Array(new JsonObject
        {
            ["to"] = Manifest.Array(new JsonObject { ["operation"] = new JsonObject { ["ports"] = Manifest.Strings([port]) } }),
        }),
    };

    private static KubernetesObject Platform(string ns, string name, JsonObject spec) =>
        new(Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", name, ns).With("spec", spec), ApplyMode.Create, KubernetesObject.PlatformOwner);
}
