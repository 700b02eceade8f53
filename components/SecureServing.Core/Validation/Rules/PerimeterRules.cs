using SecureServing.Core.Config;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Validation.Rules;

/// <summary>bucket-outside-perimeter, image-mirror-without-access-level, registry-dns-missing-domain, perimeter-not-enforced.</summary>
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

        if (perimeter.ImageMirrorIdentity.Length > 0 && !perimeter.AccessLevels.Any(l => l.Members.Contains(perimeter.ImageMirrorIdentity)))
        {
            var enforced = perimeter.Mode == PerimeterMode.Enforced;
            ctx.Stack(RuleCatalog.ImageMirrorWithoutAccessLevel, $"{ns}perimeter.accessLevels",
                $"No access level in `{ns}perimeter.accessLevels` has `{perimeter.ImageMirrorIdentity}` (`perimeter.imageMirrorIdentity`) as a member"
                + (enforced ? "." : "; the perimeter is in dry-run, so this is logged, not blocked, until you enforce it."),
                $"Add `{perimeter.ImageMirrorIdentity}` to an access level's `members`.",
                enforced ? Severity.Error : Severity.Warning);
        }

        if (ctx.Config.IsProduction && perimeter.Mode == PerimeterMode.DryRun)
        {
            ctx.Stack(RuleCatalog.PerimeterNotEnforced, $"{ns}perimeter.mode", $"`{ns}perimeter.mode` is `dryRun` in production stack `{ctx.Config.Stack}`.");
        }

        if (perimeter.RestrictedServices.Any(RegistryServices.Contains))
        {
            foreach (var domain in new[] { "gcr.io", "pkg.dev" })
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
}
