namespace SecureServing.Core.Validation.Rules;

/// <summary>namespace-claimed-twice, system-namespace.</summary>
internal static class NamespaceRules
{
    /// <summary>Namespaces the platform, Kubernetes or GKE own.</summary>
    public static readonly IReadOnlyList<string> SystemNamespaces =
        ["default", "kube-system", "kube-public", "kube-node-lease", "istio-system", "istio-ingress", "knative-serving", "knative-eventing", "kserve", "cert-manager", "gmp-system", "gmp-public", "config-management-system"];

    private static readonly string[] SystemPrefixes = ["kube-", "gke-", "istio-", "knative-", "kserve-"];

    public static bool IsSystem(string ns) =>
        SystemNamespaces.Contains(ns) || SystemPrefixes.Any(p => ns.StartsWith(p, StringComparison.Ordinal));

    public static void Check(RuleContext ctx)
    {
        var owner = new Dictionary<string, Config.TeamConfig>(StringComparer.Ordinal);
        foreach (var team in ctx.Config.Teams)
        {
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
