namespace SecureServing.Core.Validation.Rules;

/// <summary>namespace-claimed-twice, system-namespace (a team's namespace and each of its <c>allowedNamespaces</c>).</summary>
internal static class NamespaceRules
{
    /// <summary>
    /// Namespaces the platform, Kubernetes or GKE own: the one list both a team's <c>namespace</c> and its
    /// <c>allowedNamespaces</c> are checked against (with <see cref="SystemPrefixes"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> SystemNamespaces =
        ["default", "kube-system", "kube-public", "kube-node-lease", "istio-system", "istio-ingress", "knative-serving", "knative-eventing", "kserve", "cert-manager", "gmp-system", "gmp-public", "config-management-system"];

    public static readonly IReadOnlyList<string> SystemPrefixes = ["kube-", "gke-", "istio-", "knative-", "kserve-"];

    public static bool IsSystem(string ns) =>
        SystemNamespaces.Contains(ns) || SystemPrefixes.Any(p => ns.StartsWith(p, StringComparison.Ordinal));

    public static void Check(RuleContext ctx)
    {
        var owner = new Dictionary<string, Config.TeamConfig>(StringComparer.Ordinal);
        foreach (var team in ctx.Config.Teams)
        {
            for (var i = 0; i < team.AllowedNamespaces.Count; i++)
            {
                var allowed = team.AllowedNamespaces[i];
                if (IsSystem(allowed))
                {
                    var path = ctx.TeamItem(team, "allowedNamespaces", i);
                    ctx.Team(team, RuleCatalog.SystemNamespace, path,
                        $"`{path}` is `{allowed}`, a system namespace: every workload there (gateways, the Knative activator, controllers) would be admitted to every model of team `{team.Team}`.",
                        $"Remove `{allowed}` from `allowedNamespaces`; list the namespace of the workload that calls the models instead (for the activator, use `activator: \"on\"` on the model, which needs an acknowledgement).");
                }
            }

            if (team.Namespace.Length == 0)
            {
                continue;
            }

            if (IsSystem(team.Namespace))
            {
                ctx.Team(team, RuleCatalog.SystemNamespace, "namespace", $"`namespace` is `{team.Namespace}`, a system namespace.", $"Use a namespace of its own, e.g. `{team.Team}-models`.");
            }
            else if (!owner.TryAdd(team.Namespace, team))
            {
                var first = owner[team.Namespace];
                ctx.Team(team, RuleCatalog.NamespaceClaimedTwice, "namespace",
                    $"`namespace` `{team.Namespace}` is already claimed by team `{first.Team}` in `{first.SourceFile}`.", $"Give team `{team.Team}` its own namespace, e.g. `{team.Team}-models`.");
            }
        }
    }
}
