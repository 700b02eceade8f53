using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>Names the Kubernetes layer needs to wire the IAP Ingress to the GCP resources. One place for both layers.</summary>
public static class IapNames
{
    /// <summary>Ingress annotation naming the global static IP.</summary>
    public const string StaticIpAnnotation = "kubernetes.io/ingress.global-static-ip-name";

    /// <summary>Ingress annotation naming the Google-managed (compute) SSL certificate.</summary>
    public const string PreSharedCertificateAnnotation = "ingress.gcp.kubernetes.io/pre-shared-cert";

    /// <summary>Kubernetes secret (keys <c>client_id</c>, <c>client_secret</c>) for a bring-your-own OAuth client.</summary>
    public const string OAuthClientSecretName = "iap-oauth-client";

    public const string AccessorRole = "roles/iap.httpsResourceAccessor";

    public static string StaticIpName(PlatformConfig config) => GcpNames.Prefixed(config, "iap-ip");

    public static string CertificateName(PlatformConfig config) => GcpNames.Prefixed(config, "iap-cert");

    /// <summary><c>iap.hostname</c>, else <c>ingress.hostname</c>.</summary>
    public static string Hostname(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return string.IsNullOrWhiteSpace(config.Iap.Hostname) ? config.Ingress.Hostname : config.Iap.Hostname;
    }
}
