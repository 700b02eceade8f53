using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// image-registry-unreachable: under <c>network.egress: restricted</c> the nodes reach only Google registries (through
/// the restricted VIP) and, when the stack installs the serving stack, the registries its remote repositories proxy.
/// </summary>
internal static class RegistryRules
{
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

        var mirrors = ImageMirrors.For(ctx.Config);
        var proxied = string.Join(", ", ImageMirrors.Upstreams.Select(u => u.Host));
        foreach (var (team, model, path) in ctx.Models())
        {
            if (model.Image is { } image && ImageMirrors.Split(image).Host is var host && !IsGoogleRegistry(host) && mirrors?.MirrorOf(host) is null)
            {
                var why = mirrors is null
                    ? "which the private cluster cannot reach with `network.egress: restricted`"
                    : $"which cannot be proxied: the stack's Artifact Registry remote repositories proxy {proxied}{(ImageMirrors.NotProxied.TryGetValue(host, out var reason) ? $", not {host} ({reason})" : "")}";
                ctx.Team(team, RuleCatalog.ImageRegistryUnreachable, $"{path}.image",
                    $"`{path}.image` `{image}` comes from `{host}`, {why}.",
                    mirrors is null
                        ? $"Mirror the image into Artifact Registry (`{ctx.Config.Region}-docker.pkg.dev/{ctx.Config.ProjectId}/...`) and reference it there."
                        : $"Publish the image to {proxied} or to Artifact Registry (`{ctx.Config.Region}-docker.pkg.dev/{ctx.Config.ProjectId}/...`) and reference it there.");
            }

            if (mirrors is not null && KserveReleases.TritonOnlyFormats.Contains(model.Format, StringComparer.Ordinal))
            {
                ctx.Team(team, RuleCatalog.ImageRegistryUnreachable, $"{path}.format",
                    $"`{path}.format` `{model.Format}` is served only by KServe's Triton runtime, whose image is on `nvcr.io`, which cannot be proxied ({ImageMirrors.NotProxied["nvcr.io"]}); the installed stack switches that runtime off under `network.egress: restricted`.",
                    "Serve the model in another format, or use `network.egress: nat`, or run your own Triton runtime with `serving.install: false`.");
            }
        }
    }
}
