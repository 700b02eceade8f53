namespace SecureServing.Core.Validation.Rules;

/// <summary>iap-jwt-not-verified, iap-audience-project, iap-no-accessors, consumer-iap-member (the OAuth-client rules run while loading).</summary>
internal static class IapRules
{
    /// <summary>
    /// Consumer email domains: a <c>domain:</c> member of one of these is every personal account there. The one list
    /// IAP accessors and team members are checked against (case-insensitive).
    /// </summary>
    public static readonly IReadOnlyList<string> ConsumerDomains =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.com",
        "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com",
    ];

    /// <summary>True for <c>domain:&lt;consumer domain&gt;</c> (any case, surrounding space ignored).</summary>
    public static bool IsConsumerDomain(string member)
    {
        const string prefix = "domain:";
        var m = member.Trim();
        return m.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && ConsumerDomains.Contains(m[prefix.Length..].TrimEnd('.').ToLowerInvariant(), StringComparer.Ordinal);
    }

    public static void Check(RuleContext ctx)
    {
        var iap = ctx.Config.Iap;
        for (var i = 0; i < iap.Accessors.Count; i++)
        {
            if (IsConsumerDomain(iap.Accessors[i]))
            {
                var path = ctx.StackItem($"{RuleContext.Ns}iap.accessors", i);
                ctx.Stack(RuleCatalog.ConsumerIapMember, path, $"`{path}` is `{iap.Accessors[i]}`, a consumer email domain.");
            }
        }

        foreach (var team in ctx.Config.Teams)
        {
            for (var i = 0; i < team.Members.Count; i++)
            {
                if (IsConsumerDomain(team.Members[i]))
                {
                    var path = ctx.TeamItem(team, "members", i);
                    ctx.Team(team, RuleCatalog.ConsumerIapMember, path, $"`{path}` is `{team.Members[i]}`, a consumer email domain: every personal account there would reach team `{team.Team}`'s models through IAP.");
                }
            }
        }

        if (!iap.Enabled)
        {
            return;
        }

        if (iap.Audience is { Length: > 0 } audience
            && audience.StartsWith("/projects/", StringComparison.Ordinal)
            && !audience.StartsWith(Kubernetes.IapInMesh.BackendServicesPrefix(ctx.Config.ProjectNumber), StringComparison.Ordinal))
        {
            ctx.Stack(RuleCatalog.IapAudienceProject, $"{RuleContext.Ns}iap.audience",
                $"`{RuleContext.Ns}iap.audience` is `{audience}`, a backend service of another project than `{RuleContext.Ns}projectNumber` (`{ctx.Config.ProjectNumber}`).");
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
