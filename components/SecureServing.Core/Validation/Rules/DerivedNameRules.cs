namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// derived-name-invalid, derived-name-collision: every name the platform derives from the config is checked against
/// the target API's rules and for uniqueness, before anything is rendered, at the config key that caused it.
/// </summary>
internal static class DerivedNameRules
{
    public static void Check(RuleContext ctx)
    {
        var c = ctx.Config;
        var ns = RuleContext.Ns;
        KubernetesName(ctx, $"{ns}ingress.tlsSecret", c.Ingress.TlsSecret, "Secret");
        KubernetesName(ctx, $"{ns}ingress.clusterIssuer", c.Ingress.ClusterIssuer, "ClusterIssuer");
        if (c.Mesh.LocalGateway is { } lg)
        {
            KubernetesName(ctx, $"{ns}mesh.localGateway.tlsSecret", lg.TlsSecret, "Secret");
        }
    }

    /// <summary>A config value used as a Kubernetes object name as it is.</summary>
    private static void KubernetesName(RuleContext ctx, string path, string name, string kind)
    {
        if (name.Length > 0 && !NameRules.IsDns1123Subdomain(name))
        {
            ctx.Stack(RuleCatalog.DerivedNameInvalid, path,
                $"`{path}` is `{name}`, which names a Kubernetes {kind}; {kind} names are DNS-1123 subdomains: at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit.",
                $"Use a name such as `{Suggest(name)}`.");
        }
    }

    private static string Suggest(string name)
    {
        var kebab = Gcp.GcpNames.Kebab(name);
        return kebab.Length > 0 ? kebab : "ingress-tls";
    }
}
