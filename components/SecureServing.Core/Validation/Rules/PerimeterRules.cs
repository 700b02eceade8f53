using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// bucket-outside-perimeter, image-mirror-without-access-level, registry-dns-missing-domain, perimeter-not-enforced,
/// ingress-from-any-identity, ingress-from-any-source, ingress-open-to-all, egress-to-any-resource.
/// </summary>
internal static class PerimeterRules
{
    public const string Storage = "storage.googleapis.com";

    private static readonly string[] RegistryServices = [Storage, "containerregistry.googleapis.com", "artifactregistry.googleapis.com"];

    public static void Check(RuleContext ctx)
    {
        var perimeter = ctx.Config.Perimeter;
        var ns = RuleContext.Ns;
        if (perimeter.RestrictedServices.Contains(Storage))
        {
            foreach (var (team, model, path) in ctx.Models())
            {
                if (!model.StorageUri.StartsWith("gs://", StringComparison.Ordinal))
                {
                    continue;
                }

                var bucket = model.StorageUri[5..].Split('/')[0];
                if (!perimeter.Buckets.Contains(bucket))
                {
                    ctx.Team(team, RuleCatalog.BucketOutsidePerimeter, $"{path}.storageUri",
                        $"`{path}.storageUri` reads bucket `{bucket}`, which is not in `{ns}perimeter.buckets`, while `{Storage}` is restricted.",
                        $"Copy the model into the team bucket and write `{TeamFileReader.TeamBucketPlaceholder}/{string.Join('/', model.StorageUri[5..].Split('/').Skip(1))}`, or ask the platform team to add `{bucket}` (in a project inside the perimeter) to `{ns}perimeter.buckets`.");
                }
            }
        }

        if (perimeter.ImageMirrorIdentity.Length > 0
            && !perimeter.AccessLevels.Any(l => l.Members.Contains(perimeter.ImageMirrorIdentity))
            && !perimeter.IngressPolicies.Any(p => p.Identities.Contains(perimeter.ImageMirrorIdentity)))
        {
            var enforced = perimeter.Mode == PerimeterMode.Enforced;
            ctx.Stack(RuleCatalog.ImageMirrorWithoutAccessLevel, $"{ns}perimeter.accessLevels",
                $"No access level in `{ns}perimeter.accessLevels` and no ingress policy has `{perimeter.ImageMirrorIdentity}` (`perimeter.imageMirrorIdentity`) as a member"
                + (enforced ? "." : "; the perimeter is in dry-run, so this is logged, not blocked, until you enforce it."),
                $"Add `{perimeter.ImageMirrorIdentity}` to an access level's `members`.",
                enforced ? Severity.Error : Severity.Warning);
        }

        if (ctx.Config.IsProduction && perimeter.Mode == PerimeterMode.DryRun)
        {
            ctx.Stack(RuleCatalog.PerimeterNotEnforced, $"{ns}perimeter.mode", $"`{ns}perimeter.mode` is `dryRun` in production stack `{ctx.Config.Stack}`.");
        }

        CheckPolicies(ctx, $"{ns}perimeter", perimeter.IngressPolicies, perimeter.EgressPolicies);
        if (perimeter.DryRun is { } dryRun)
        {
            CheckPolicies(ctx, $"{ns}perimeter.dryRun", dryRun.IngressPolicies ?? [], dryRun.EgressPolicies ?? []);
        }

        if (perimeter.RestrictedServices.Any(RegistryServices.Contains))
        {
            foreach (var domain in StackFileContract.RegistryDns.Domains.Default!)
            {
                if (!ctx.Config.RegistryDns.Domains.Contains(domain))
                {
                    ctx.Stack(RuleCatalog.RegistryDnsMissingDomain, $"{ns}registryDns.domains",
                        $"`{ns}registryDns.domains` lacks `{domain}` while the perimeter restricts {string.Join(", ", perimeter.RestrictedServices.Where(RegistryServices.Contains))}.",
                        $"Add `{domain}` to `{ns}registryDns.domains`.");
                }
            }
        }
    }

    /// <summary>Ingress from anyone or anywhere, egress to anywhere: open-to-all in every stack, the others in production.</summary>
    private static void CheckPolicies(RuleContext ctx, string path, IReadOnlyList<IngressPolicyConfig> ingress, IReadOnlyList<EgressPolicyConfig> egress)
    {
        var prod = ctx.Config.IsProduction;
        for (var i = 0; i < ingress.Count; i++)
        {
            var from = $"{ctx.StackItem($"{path}.ingressPolicies", i)}.from";
            var anySource = ingress[i].Sources.ToList().FindIndex(s => s.IsAnywhere);
            var sources = $"{from}.sources";
            if (ingress[i].IdentityType is { } type && anySource >= 0)
            {
                ctx.Stack(RuleCatalog.IngressOpenToAll, $"{from}.identityType",
                    $"`{from}.identityType` is `{Spelling(type)}` and `{ctx.StackItem(sources, anySource)}` is `*`: every such account may come in from anywhere.");
                continue;
            }

            if (prod && ingress[i].IdentityType is { } kind)
            {
                ctx.Stack(RuleCatalog.IngressFromAnyIdentity, $"{from}.identityType", $"`{from}.identityType` is `{Spelling(kind)}` in production stack `{ctx.Config.Stack}`.");
            }

            if (prod && anySource >= 0)
            {
                var level = $"{ctx.StackItem(sources, anySource)}.accessLevel";
                ctx.Stack(RuleCatalog.IngressFromAnySource, level,
                    $"`{level}` is `*` (any source) in production stack `{ctx.Config.Stack}`.");
            }
        }

        for (var i = 0; i < egress.Count; i++)
        {
            var any = egress[i].Resources.ToList().IndexOf("*");
            if (prod && any >= 0)
            {
                var key = ctx.StackItem($"{ctx.StackItem($"{path}.egressPolicies", i)}.to.resources", any);
                ctx.Stack(RuleCatalog.EgressToAnyResource, key, $"`{key}` is `*` (any project) in production stack `{ctx.Config.Stack}`.");
            }
        }
    }

    private static string Spelling(PerimeterIdentityType type) =>
        StackFileContract.PerimeterPolicies.IdentityType.Options.First(o => o.Value == type).Spelling;
}
