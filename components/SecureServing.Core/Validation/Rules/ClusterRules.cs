using SecureServing.Core.Config;

namespace SecureServing.Core.Validation.Rules;

/// <summary>public-endpoint-in-prod, authorized-networks-ignored, deletion-protection-off-in-prod.</summary>
internal static class ClusterRules
{
    public static void Check(RuleContext ctx)
    {
        var cluster = ctx.Config.Cluster;
        if (cluster.Provider != ClusterProvider.Gke)
        {
            return;
        }

        if (ctx.Config.IsProduction && cluster.Endpoint == ControlPlaneEndpoint.Public)
        {
            ctx.Stack(RuleCatalog.PublicEndpointInProd, $"{RuleContext.Ns}cluster.endpoint", $"`{RuleContext.Ns}cluster.endpoint` is `public` in production stack `{ctx.Config.Stack}`.");
        }

        if (cluster.Endpoint == ControlPlaneEndpoint.Dns && cluster.MasterAuthorizedNetworks.Count > 0)
        {
            ctx.Stack(RuleCatalog.AuthorizedNetworksIgnored, $"{RuleContext.Ns}cluster.masterAuthorizedNetworks",
                $"`{RuleContext.Ns}cluster.masterAuthorizedNetworks` lists {cluster.MasterAuthorizedNetworks.Count} network(s) but `endpoint` is `dns`.");
        }

        if (ctx.Config.IsProduction && !cluster.DeletionProtection)
        {
            ctx.Stack(RuleCatalog.DeletionProtectionOffInProd, $"{RuleContext.Ns}cluster.deletionProtection", $"`{RuleContext.Ns}cluster.deletionProtection` is `false` in production stack `{ctx.Config.Stack}`.");
        }
    }
}
