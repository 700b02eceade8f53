using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>Decides the GCP side of Identity-Aware Proxy.</summary>
public static class IapPlanner
{
    public static readonly string StaticIpName = GcpNames.Child(IapSpec.Component, "ip");
    public static readonly string CertificateName = GcpNames.Child(IapSpec.Component, "certificate");

    /// <summary>
    /// The members granted IAP access: <c>iap.accessors</c> plus every team's members (a team's members must pass
    /// IAP to reach its models; mesh authorization then limits them to their team's paths). Distinct, sorted.
    /// </summary>
    public static IReadOnlyList<string> Accessors(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. config.Iap.Accessors
            .Concat(config.Teams.SelectMany(t => t.Members))
            .Select(m => m.Trim())
            .Where(m => m.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Null when IAP is disabled.</summary>
    public static IapSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Iap.Enabled)
        {
            return null;
        }

        var hostname = IapNames.Hostname(config);
        var accessors = Accessors(config);
        var keys = GcpNames.UniqueKeys(accessors);
        var client = config.Iap.OAuthClient;

        return new IapSpec
        {
            Hostname = hostname,
            StaticIp = new GlobalAddressSpec
            {
                LogicalName = StaticIpName,
                Project = config.ProjectId,
                Name = IapNames.StaticIpName(config),
                Description = $"IAP ingress for {hostname}",
                AddressType = "EXTERNAL",
                IpVersion = "IPV4",
                Labels = GcpLabels.For(config),
            },
            Certificate = new ManagedCertificateSpec
            {
                LogicalName = CertificateName,
                Project = config.ProjectId,
                Name = IapNames.CertificateName(config),
                Description = $"Google-managed certificate for {hostname}",
                Type = "MANAGED",
                Domains = [hostname],
            },
            Accessors =
            [
                .. accessors.Select(member => new IapAccessorSpec
                {
                    LogicalName = GcpNames.Child(IapSpec.Component, "accessor", keys[member]),
                    Project = config.ProjectId,
                    Role = IapNames.AccessorRole,
                    Member = member,
                }),
            ],
            OAuthClient = client.IsManaged
                ? new IapOAuthClientSpec { Managed = true }
                : new IapOAuthClientSpec
                {
                    Managed = false,
                    ClientId = client.ClientId,
                    ClientSecret = client.ClientSecret,
                    KubernetesSecretName = IapNames.OAuthClientSecretName,
                },
        };
    }
}
