using System.Text.RegularExpressions;

namespace SecureServing.Core.Validation.Rules;

/// <summary>deployment-name, cluster-name, vpc-sc-name, namespace-name, model-name, team-name.</summary>
internal static partial class NameRules
{
    public const int DeploymentNameMax = 25;

    [GeneratedRegex(@"\A[a-z]([a-z0-9-]*[a-z0-9])?\z")]
    private static partial Regex Rfc1035();

    [GeneratedRegex(@"\A[a-z0-9]([a-z0-9-]*[a-z0-9])?\z")]
    private static partial Regex Dns1123Label();

    /// <summary>Kubernetes DNS-1123 subdomain (Secret, ClusterIssuer, ConfigMap names): lowercase labels joined by dots.</summary>
    [GeneratedRegex(@"\A[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_]{0,49}\z")]
    private static partial Regex VpcScName();

    public static bool IsDns1123Label(string s) => s.Length <= 63 && Dns1123Label().IsMatch(s);

    /// <summary>A Kubernetes object name such as a Secret's: at most 253 characters, DNS-1123 labels joined by dots.</summary>
    public static bool IsDns1123Subdomain(string s) => s.Length <= 253 && Dns1123Subdomain().IsMatch(s);

    /// <summary>A name that must start with a letter (RFC 1035 label shape, any length).</summary>
    public static bool IsRfc1035(string s) => Rfc1035().IsMatch(s);

    /// <summary>The name of the node pool GKE creates with a cluster (not <c>StackFileContract.Cluster.DefaultPoolName</c>, the stack's default pool).</summary>
    private const string GkeDefaultPoolName = "default-pool";

    public static void Check(RuleContext ctx)
    {
        var c = ctx.Config;
        var ns = RuleContext.Ns;
        if (c.DeploymentName.Length > 0 && (c.DeploymentName.Length > DeploymentNameMax || !Rfc1035().IsMatch(c.DeploymentName)))
        {
            ctx.Stack(RuleCatalog.DeploymentName, $"{ns}deploymentName",
                $"`{ns}deploymentName` is `{c.DeploymentName}` ({c.DeploymentName.Length} characters); it must be at most {DeploymentNameMax} lowercase letters, digits and hyphens, starting with a letter.");
        }

        Gke(ctx, $"{ns}cluster.name", c.Cluster.Name, 40, "cluster");
        Gke(ctx, $"{ns}network.name", c.Network.Name, 63, "VPC network");
        Gke(ctx, $"{ns}cluster.nodeTag", c.Cluster.NodeTag, 63, "network tag");
        for (var i = 0; i < c.Cluster.NodePools.Count; i++)
        {
            var pool = $"{ctx.StackItem($"{ns}cluster.nodePools", i)}.name";
            Gke(ctx, pool, c.Cluster.NodePools[i].Name, 40, "node pool");
            if (c.Cluster.Provider == Config.ClusterProvider.Gke && c.Cluster.NodePools[i].Name == GkeDefaultPoolName)
            {
                ctx.Stack(RuleCatalog.ReservedPoolName, pool,
                    $"`{pool}` is `{GkeDefaultPoolName}`, the name of the pool GKE creates with the cluster and the stack removes.");
            }
        }

        VpcSc(ctx, $"{ns}perimeter.name", c.Perimeter.Name, "perimeter");
        for (var i = 0; i < c.Perimeter.AccessLevels.Count; i++)
        {
            VpcSc(ctx, $"{ctx.StackItem($"{ns}perimeter.accessLevels", i)}.name", c.Perimeter.AccessLevels[i].Name, "access level");
        }

        foreach (var team in c.Teams)
        {
            if (team.Team.Length > 0 && (team.Team.Length > 20 || !Rfc1035().IsMatch(team.Team)))
            {
                ctx.Team(team, RuleCatalog.TeamName, "team", $"`team` is `{team.Team}`; it must be at most 20 lowercase letters, digits and hyphens, starting with a letter.");
            }

            if (team.Namespace.Length > 0 && !IsDns1123Label(team.Namespace))
            {
                ctx.Team(team, RuleCatalog.NamespaceName, "namespace", $"`namespace` is `{team.Namespace}`, not a DNS-1123 label.");
            }

            for (var i = 0; i < team.AllowedNamespaces.Count; i++)
            {
                if (!IsDns1123Label(team.AllowedNamespaces[i]))
                {
                    var path = ctx.TeamItem(team, "allowedNamespaces", i);
                    ctx.Team(team, RuleCatalog.NamespaceName, path, $"`{path}` is `{team.AllowedNamespaces[i]}`, not a DNS-1123 label.");
                }
            }

            for (var i = 0; i < team.Models.Count; i++)
            {
                ModelName(ctx, team, $"{ctx.TeamItem(team, "models", i)}.name", team.Models[i].Name);
            }
        }
    }

    private static void ModelName(RuleContext ctx, Config.TeamConfig team, string path, string name)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (name.Length > 45 || !Rfc1035().IsMatch(name))
        {
            ctx.Team(team, RuleCatalog.ModelName, path, $"`{path}` is `{name}`; it must be at most 45 lowercase letters, digits and hyphens, starting with a letter.");
            return;
        }

        // Knative names the route <model>-predictor; the domain template puts it and the namespace in one DNS label.
        var label = $"{name}-predictor-{team.Namespace}";
        if (team.Namespace.Length > 0 && label.Length > 63)
        {
            ctx.Team(team, RuleCatalog.ModelName, path,
                $"`{path}` `{name}` with namespace `{team.Namespace}` gives the hostname label `{label}` ({label.Length} characters, at most 63).",
                "Shorten the model name or the namespace.");
        }
    }

    private static void Gke(RuleContext ctx, string path, string name, int max, string what)
    {
        if (name.Length == 0 || !ctx.Written(path))
        {
            return; // defaults derive from deploymentName, which has its own rule
        }

        if (name.Length > max || !Rfc1035().IsMatch(name))
        {
            ctx.Stack(RuleCatalog.ClusterName, path, $"`{path}` is `{name}`; a GKE {what} name must be 1-{max} lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.");
        }
    }

    private static void VpcSc(RuleContext ctx, string path, string name, string what)
    {
        if (name.Length == 0 || (!ctx.Written(path) && !path.Contains("accessLevels", StringComparison.Ordinal)))
        {
            return;
        }

        if (!VpcScName().IsMatch(name))
        {
            var fixedName = Regex.Replace(name.Replace('-', '_'), "[^A-Za-z0-9_]", "_");
            ctx.Stack(RuleCatalog.VpcScName, path, $"`{path}` is `{name}`; a {what} name must be letters, digits and underscores (at most 50, starting with a letter).",
                Rfc1035().IsMatch(name) || VpcScName().IsMatch(fixedName) ? $"Use `{fixedName}`." : null);
        }
    }
}
