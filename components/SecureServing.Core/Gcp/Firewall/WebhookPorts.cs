using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>One admission webhook the GKE control plane must reach on the nodes.</summary>
/// <param name="Component">What serves it: <c>knative</c>, <c>kserve</c>, <c>istio</c>, <c>cert-manager</c>.</param>
/// <param name="Port">The webhook pod's target port (the API server dials the pod IP on the target port).</param>
/// <param name="Reason">Why it is open, for the rule's description. Version-free, so upgrades leave the rule alone,
/// except for cert-manager, where the configured version is the reason.</param>
public sealed record WebhookPort(string Component, int Port, string Reason);

/// <summary>
/// Decides the control plane -> node webhook ports from what the stack runs (<see cref="PlatformVersions"/>).
/// GKE's own private-cluster rule opens only 443 and 10250 from the control plane; every other webhook target
/// port needs a rule (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap: 8443 for the KFServing webhook, 6443 for cert-manager).
/// </summary>
public static class WebhookPorts
{
    /// <summary>
    /// The first cert-manager release whose webhook listens on 10250 instead of 6443: v0.12.0, from
    /// cert-manager/cert-manager#2278 ("Default webhook port to 10250 for better compatibility with GKE", milestone
    /// v0.12; the chart's <c>webhook.securePort</c> is 10250 from v0.12.0-beta.0 on, v0.11.0's webhook ran
    /// <c>--secure-port=6443</c>). Pre-release suffixes are ignored, as the v0.12.0 betas already use 10250.
    /// 10250 is already open by GKE's own rule, so newer releases need nothing.
    /// </summary>
    public static readonly Version CertManagerWebhookOn10250Since = new(0, 12, 0);

    public const int Knative = 8443;
    public const int Kserve = 9443;
    public const int Istio = 15017;
    public const int CertManagerLegacy = 6443;

    /// <summary>The ports to open, in a fixed order (knative, kserve, istio, cert-manager).</summary>
    /// <exception cref="FormatException">A version is not <c>[v]MAJOR.MINOR[.PATCH][-pre]</c>; validation rejects that first.</exception>
    public static IReadOnlyList<WebhookPort> For(PlatformVersions versions)
    {
        ArgumentNullException.ThrowIfNull(versions);

        var ports = new List<WebhookPort>
        {
            new("knative", Knative, "Knative Serving webhook"),
            new("kserve", Kserve, "KServe webhook"),
            new("istio", Istio, "istiod sidecar injector and validation webhook"),
        };

        var certManager = ParseVersion(versions.CertManager, "secure-serving:versions.certManager");
        if (certManager < CertManagerWebhookOn10250Since)
        {
            ports.Add(new("cert-manager", CertManagerLegacy, $"cert-manager {versions.CertManager} webhook (releases before v0.12.0 listen on 6443)"));
        }

        return ports;
    }

    /// <summary>Parses <c>1.21.1</c>, <c>v0.11.0</c>, <c>1.13.0-beta.0</c> (pre-release and build suffixes ignored).</summary>
    public static bool TryParseVersion(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var core = text.Trim();
        if (core.StartsWith('v') || core.StartsWith('V'))
        {
            core = core[1..];
        }

        var cut = core.IndexOfAny(['-', '+']);
        if (cut >= 0)
        {
            core = core[..cut];
        }

        if (!Version.TryParse(core, out var parsed) || parsed.Revision >= 0)
        {
            return false;
        }

        version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0));
        return true;
    }

    private static Version ParseVersion(string text, string key) =>
        TryParseVersion(text, out var version)
            ? version
            : throw new FormatException($"{key}: '{text}' is not a version like 1.21.1");
}
