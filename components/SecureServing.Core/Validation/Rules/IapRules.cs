namespace SecureServing.Core.Validation.Rules;

/// <summary>iap-jwt-not-verified, iap-no-accessors (the OAuth-client rules run while loading).</summary>
internal static class IapRules
{
    public static void Check(RuleContext ctx)
    {
        var iap = ctx.Config.Iap;
        if (!iap.Enabled)
        {
            return;
        }

        if (!iap.VerifyJwtInMesh)
        {
            ctx.Stack(RuleCatalog.IapJwtNotVerified, $"{RuleContext.Ns}iap.verifyJwtInMesh", $"`{RuleContext.Ns}iap.verifyJwtInMesh` is `false` while IAP is enabled.");
        }

        if (iap.Accessors.Count == 0)
        {
            ctx.Stack(RuleCatalog.IapNoAccessors, $"{RuleContext.Ns}iap.accessors", $"`{RuleContext.Ns}iap.accessors` is empty while IAP is enabled.");
        }
    }
}
