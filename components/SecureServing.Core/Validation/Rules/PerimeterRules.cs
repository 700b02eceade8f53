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

    public const string ArtifactRegistry = "artifactregistry.googleapis.com";

    private static readonly string[] RegistryServices = [Storage, "containerregistry.googleapis.com", ArtifactRegistry];

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

        var mirror = perimeter.ImageMirrorIdentity;
        if (mirror.Length > 0
            && !perimeter.AccessLevels.Any(l => l.Members.Contains(mirror))
            && !perimeter.IngressPolicies.Any(p => AdmitsMirroring(p, mirror, ctx.Config.ProjectNumber)))
        {
            var enforced = perimeter.Mode == PerimeterMode.Enforced;
            ctx.Stack(RuleCatalog.ImageMirrorWithoutAccessLevel, $"{ns}perimeter.accessLevels",
                $"No access level in `{ns}perimeter.accessLevels` has `{mirror}` (`perimeter.imageMirrorIdentity`) as a member, and no ingress policy lets it call `{ArtifactRegistry}` on `projects/{ctx.Config.ProjectNumber}`"
                + (enforced ? "." : "; the perimeter is in dry-run, so this is logged, not blocked, until you enforce it."),
                $"Add `{mirror}` to an access level's `members`, or to the `from.identities` of an ingress policy whose `to` has `service: {ArtifactRegistry}` (or `*`) and `resources` `*` or `projects/{ctx.Config.ProjectNumber}`.",
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
                    $"`{from}.identityType` is `{StackFileContract.PerimeterPolicies.IdentityType.SpellingOf(type)}` and `{ctx.StackItem(sources, anySource)}` is `*`: every such account may come in from anywhere.");
                continue;
            }

            if (prod && ingress[i].IdentityType is { } kind)
            {
                ctx.Stack(RuleCatalog.IngressFromAnyIdentity, $"{from}.identityType", $"`{from}.identityType` is `{StackFileContract.PerimeterPolicies.IdentityType.SpellingOf(kind)}` in production stack `{ctx.Config.Stack}`.");
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

    /// <summary>
    /// True when the ingress policy lets <paramref name="identity"/> push mirrored images: it names the identity (or an
    /// identity type that covers it), calls Artifact Registry (or every service), and reaches the stack's project.
    /// </summary>
    internal static bool AdmitsMirroring(IngressPolicyConfig policy, string identity, string projectNumber)
    {
        var who = policy.IdentityType switch
        {
            PerimeterIdentityType.AnyIdentity => true,
            PerimeterIdentityType.AnyServiceAccount => identity.StartsWith("serviceAccount:", StringComparison.Ordinal),
            PerimeterIdentityType.AnyUserAccount => identity.StartsWith("user:", StringComparison.Ordinal),
            null => policy.Identities.Contains(identity),
            _ => false,
        };
        return who
            && policy.Operations.Any(o => o.Service is ArtifactRegistry or ApiOperationConfig.AllServices)
            && policy.Resources.Any(r => r == "*" || r == $"projects/{projectNumber}");
    }
}
