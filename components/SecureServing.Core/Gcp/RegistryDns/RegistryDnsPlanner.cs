using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Per domain a private zone bound to the VPC with <c>*.D. CNAME D.</c> and <c>D. A 199.36.153.4 .5 .6 .7</c> (TTL 300)
/// </summary>
/// <remarks>
/// Image pulls and API calls resolve to the restricted VIP, inside VPC Service Controls (Kubeflow private GKE guide).
/// Domains: <c>registryDns.domains</c> (default <c>gcr.io</c>, <c>pkg.dev</c>), plus <c>googleapis.com</c> whenever
/// <c>egress: restricted</c> (with all other egress denied, nodes reach logging, monitoring, token and GKE APIs only
/// through the VIP).
/// </remarks>
public static class RegistryDnsPlanner
{
    public const int Ttl = 300;

    /// <summary>
    /// Added under <c>egress: restricted</c> even when not configured: with all egress denied except 443 to the
    /// restricted VIP, nodes reach logging, monitoring, token and GKE APIs only if <c>*.googleapis.com</c> resolves
    /// to the VIP.
    /// </summary>
    public const string GoogleApis = "googleapis.com";

    /// <summary>The configured domains, plus <see cref="GoogleApis"/> for <c>egress: restricted</c>; normalised, de-duplicated, in config order.</summary>
    public static IReadOnlyList<string> Domains(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var domains = config.RegistryDns.Domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).ToList();
        if (config.Network.Egress == EgressMode.Restricted)
        {
            domains.Add(GoogleApis);
        }

        return [.. domains.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Null for <c>provider: existing</c> (zones bind to the VPC this stack creates).</summary>
    public static RegistryDnsSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Provider != ClusterProvider.Gke)
        {
            return null;
        }

        return new RegistryDnsSpec { Zones = [.. Domains(config).Select(domain => Zone(config, domain))] };
    }

    private static RegistryZoneSpec Zone(PlatformConfig config, string domain)
    {
        var key = GcpNames.Kebab(domain);
        var zoneName = GcpNames.Child(RegistryDnsSpec.Component, key, "zone");
        var fqdn = domain + ".";
        var zoneRef = ResourceRef.Name(zoneName);

        return new RegistryZoneSpec
        {
            Domain = domain,
            Zone = new ManagedZoneSpec
            {
                LogicalName = zoneName,
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, key),
                DnsName = fqdn,
                Description = $"{domain} to the restricted Google APIs VIP for the private cluster (VPC Service Controls)",
                Visibility = "private",
                Networks = [NetworkPlanner.VpcId],
                Protect = config.IsProduction,
                Labels = GcpLabels.For(config),
            },
            Wildcard = new RecordSetSpec
            {
                LogicalName = GcpNames.Child(RegistryDnsSpec.Component, key, "cname"),
                Project = config.ProjectId,
                ManagedZone = zoneRef,
                Name = "*." + fqdn,
                Type = "CNAME",
                Ttl = Ttl,
                Rrdatas = [fqdn],
            },
            Apex = new RecordSetSpec
            {
                LogicalName = GcpNames.Child(RegistryDnsSpec.Component, key, "a"),
                Project = config.ProjectId,
                ManagedZone = zoneRef,
                Name = fqdn,
                Type = "A",
                Ttl = Ttl,
                Rrdatas = GoogleRanges.RestrictedVipAddresses,
            },
        };
    }
}
