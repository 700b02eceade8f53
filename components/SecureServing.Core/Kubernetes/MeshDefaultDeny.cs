using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Mesh-wide default deny: an ALLOW policy with an empty spec in the root namespace (istio-system) applies to every
/// workload with a sidecar and matches nothing, so a request is allowed only where another ALLOW policy of the
/// workload matches it (Istio's "Use default-deny patterns",
/// https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns; Kubeflow's manifests ship the
/// same <c>global-deny-all</c>). DENY policies (the IAP JWT check) are evaluated before any ALLOW, so nothing here
/// weakens them. The allows the platform's own components need, and nothing more:
/// <list type="bullet">
/// <item><b>Ingress gateway</b> (istio-system, <c>istio: ingressgateway</c>): everything. It is the front door for
/// IAP's load balancer (no mesh identity), for in-cluster callers of Knative's and KServe's local gateways and for
/// net-istio's readiness probes; what may pass is decided by the IAP DENY policy there and by each model's policies.</item>
/// <item><b>Knative activator</b> (knative-serving, <c>app: activator</c>), ports 8012 and 8013, from the namespaces the
/// mesh lets call some model: every team namespace, every <c>allowedNamespaces</c> entry and istio-system (the
/// gateways); any namespace when a team has <c>authorization: false</c>. The activator is on the request path of models
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
    public const string GatewayAllowName = "allow-ingress-gateway";
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

        yield return Platform(SystemNamespaces.IstioSystem, GatewayAllowName, new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = Manifest.IngressGatewaySelector() },
            ["action"] = "ALLOW",
            ["rules"] = Manifest.Array(new JsonObject()),
        });

        var callers = ActivatorCallers(config);
        var rule = new JsonObject();
        if (callers.Count > 0)
        {
            rule["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings(callers) } });
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
            .With("spec", new JsonObject { ["action"] = "ALLOW", ["rules"] = Manifest.Array(new JsonObject()) });
        yield return new KubernetesObject(policy, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }

    /// <summary>
    /// The source namespaces the activator accepts: every namespace the mesh lets call a model (team namespaces, their
    /// <c>allowedNamespaces</c>, istio-system), sorted; empty for any namespace (a team without isolation).
    /// </summary>
    public static IReadOnlyList<string> ActivatorCallers(PlatformConfig config) =>
        config.Teams.Any(t => !t.Authorization)
            ? []
            : [.. config.Teams.SelectMany(t => new[] { t.Namespace }.Concat(t.AllowedNamespaces))
                .Append(SystemNamespaces.IstioSystem)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];

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
