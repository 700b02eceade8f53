using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// A team's namespace and its mesh isolation (KServe service mesh guide): sidecar injection on, STRICT mTLS, and an
/// AuthorizationPolicy that admits only the team's own namespace (plus <c>allowedNamespaces</c>) and Knative's
/// probes and metrics scrapes.
/// <para>
/// PeerAuthentication STRICT is created in the team namespace in both mTLS scopes. In <c>mesh</c> scope the
/// mesh-wide policy (<see cref="MeshWideMtls"/>) already makes it STRICT; the namespace policy pins it, because a
/// namespace policy overrides the mesh-wide one: loosening istio-system's policy later (say, to PERMISSIVE while
/// migrating a legacy workload) must not silently open team namespaces.
/// </para>
/// <para>
/// The guide's second rule ("anything from knative-serving", for requests the activator proxies) is not in this
/// namespace-wide policy: the activator forwards for any caller in the cluster (knative-extensions/net-istio#554), so that rule would
/// let every pod reach every model of the namespace through the activator. It is granted per model, only to models
/// with the activator on the request path (<see cref="ModelCallers"/>). The guide's third rule (knative-serving to
/// the probe and metrics paths) stays namespace-wide; it is what keeps Knative's probes working.
/// </para>
/// </summary>
internal static class TeamIsolation
{
    public const string InjectionLabel = "istio-injection";
    public const string PeerAuthenticationName = "default";
    public const string AuthorizationPolicyName = "namespace-isolation";

    /// <summary>Paths Knative's system pods call on every revision (the KServe service mesh guide's third rule).</summary>
    public static readonly IReadOnlyList<string> KnativeSystemPaths = ["/metrics", "/healthz", "/ready", "/wait-for-drain"];

    public static IEnumerable<KubernetesObject> For(TeamConfig team)
    {
        var owner = KubernetesObject.TeamOwner(team.Team);
        yield return new KubernetesObject(Namespace(team), ApplyMode.Create, owner);
        yield return new KubernetesObject(PeerAuthentication(team.Namespace), ApplyMode.Create, owner);
        if (team.Authorization)
        {
            yield return new KubernetesObject(AuthorizationPolicy(team), ApplyMode.Create, owner);
        }
    }

    private static JsonObject Namespace(TeamConfig team) =>
        Manifest.New(ApiVersions.Core, "Namespace", team.Namespace, null, [Manifest.Pair(InjectionLabel, "enabled")]);

    internal static JsonObject PeerAuthentication(string ns) =>
        Manifest.New(ApiVersions.IstioSecurity, "PeerAuthentication", PeerAuthenticationName, ns)
            .With("spec", new JsonObject { ["mtls"] = new JsonObject { ["mode"] = "STRICT" } });

    private static JsonObject AuthorizationPolicy(TeamConfig team)
    {
        // Rule 1: callers in the team's namespace, widened only by the team's allowedNamespaces.
        var callers = new[] { team.Namespace }.Concat(team.AllowedNamespaces).Distinct(StringComparer.Ordinal);
        var sameNamespace = new JsonObject
        {
            ["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings(callers) } }),
        };

        // Rule 3: Knative's system pods may probe and scrape.
        var knativeProbes = new JsonObject
        {
            ["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings([SystemNamespaces.KnativeServing]) } }),
            ["to"] = Manifest.Array(new JsonObject { ["operation"] = new JsonObject { ["paths"] = Manifest.Strings(KnativeSystemPaths) } }),
        };

        return Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", AuthorizationPolicyName, team.Namespace)
            .With("spec", new JsonObject
            {
                ["action"] = "ALLOW",
                ["rules"] = Manifest.Array(sameNamespace, knativeProbes),
            });
    }
}
