using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// cert-manager from its Helm chart (<c>https://charts.jetstack.io</c>), in its own namespace, with its CRDs
/// (<c>crds.enabled</c>). Under restricted egress <c>imageRegistry</c> points every cert-manager image (controller,
/// webhook, cainjector, ACME solver) at the quay.io mirror; the chart joins it with <c>imageNamespace</c> (jetstack).
/// The <c>startupapicheck</c> Job is off: it is a Helm post-install hook that waits for the webhook, and Pulumi already
/// waits for the webhook Deployment to be ready before anything that needs it.
/// </summary>
public static class CertManagerRelease
{
    public const string Name = "cert-manager";
    public const string Repository = "https://charts.jetstack.io";

    public static Release For(PlatformConfig config, ImageMirrors? mirrors)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = new JsonObject { ["crds"] = new JsonObject { ["enabled"] = true } };
        if (mirrors?.MirrorOf("quay.io") is { } registry)
        {
            values["imageRegistry"] = registry;
        }

        values["startupapicheck"] = new JsonObject { ["enabled"] = false };
        return Release.HelmChart(Name, SystemNamespaces.CertManager, "cert-manager", Repository, "v" + config.Versions.CertManager, values, []) with
        {
            CreatesNamespace = true,
        };
    }
}
