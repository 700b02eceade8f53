using SecureServing.Core.Config;

namespace SecureServing.Core.Validation.Rules;

/// <summary>image-registry-unreachable: only Google registries are reachable without NAT (through the restricted VIP).</summary>
internal static class RegistryRules
{
    /// <summary>The registry host of an image reference; Docker Hub when the first segment is not a host.</summary>
    public static string RegistryOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "docker.io";
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first.ToLowerInvariant() : "docker.io";
    }

    /// <summary>gcr.io, *.gcr.io, *-docker.pkg.dev, pkg.dev (host without port).</summary>
    public static bool IsGoogleRegistry(string host) =>
        host is "gcr.io" or "pkg.dev"
        || host.EndsWith(".gcr.io", StringComparison.Ordinal)
        || host.EndsWith("-docker.pkg.dev", StringComparison.Ordinal);

    public static void Check(RuleContext ctx)
    {
        if (ctx.Config.Network.Egress != EgressMode.Restricted)
        {
            return;
        }

        foreach (var (team, model, path) in ctx.Models())
        {
            if (model.Image is { } image && RegistryOf(image) is var host && !IsGoogleRegistry(host))
            {
                ctx.Team(team, RuleCatalog.ImageRegistryUnreachable, $"{path}.image",
                    $"`{path}.image` `{image}` comes from `{host}`, which the private cluster cannot reach with `network.egress: restricted`.",
                    $"Mirror the image into Artifact Registry (`{ctx.Config.Region}-docker.pkg.dev/{ctx.Config.ProjectId}/...`) and reference it there.");
            }
        }
    }
}
