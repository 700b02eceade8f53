using SecureServing.Core.Config;

namespace SecureServing.Core.Validation.Rules;

/// <summary>load-balancer-bypasses-iap (ingress-tls-secret-missing runs while loading).</summary>
internal static class IngressRules
{
    public static void Check(RuleContext ctx)
    {
        var ingress = ctx.Config.Ingress;
        var ns = RuleContext.Ns;
        if (ctx.Config.Iap.Enabled && ingress.LoadBalancerService)
        {
            ctx.Stack(RuleCatalog.LoadBalancerBypassesIap, $"{ns}ingress.loadBalancerService",
                $"`{ns}ingress.loadBalancerService` is `true` while `{ns}iap.enabled` is `true`: istio-ingressgateway would get a public IP of its own, outside IAP.");
        }
    }
}
