using SecureServing.Core.Config;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Entry point of the GCP layer: validated config in, every GCP decision out.</summary>
public static class GcpPlanner
{
    public static GcpPlan Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        var services = ProjectServicesPlanner.Plan(config);
        var network = NetworkPlanner.Plan(config);
        var kms = KmsPlanner.Plan(config);
        var notifications = NotificationsPlanner.Plan(config);
        var binaryAuthorization = BinaryAuthorizationPlanner.Plan(config);
        var cluster = ClusterPlanner.Plan(config);
        var firewall = FirewallPlanner.Plan(config);
        var registryDns = RegistryDnsPlanner.Plan(config);
        var imageSupply = ImageSupplyPlanner.Plan(config);
        var perimeter = PerimeterPlanner.Plan(config);
        var iap = IapPlanner.Plan(config);
        var teams = TeamIdentityPlanner.Plan(config);

        var resources = new List<RenderedResource>();
        resources.AddRange(services.Render());
        resources.AddRange(network?.Render() ?? []);
        resources.AddRange(kms?.Render() ?? []);
        resources.AddRange(notifications?.Render() ?? []);
        resources.AddRange(binaryAuthorization?.Render() ?? []);
        resources.AddRange(cluster?.Render() ?? []);
        resources.AddRange(firewall?.Render() ?? []);
        resources.AddRange(registryDns?.Render() ?? []);
        resources.AddRange(imageSupply?.Render() ?? []);
        resources.AddRange(perimeter.Render());
        resources.AddRange(iap?.Render() ?? []);
        resources.AddRange(teams.SelectMany(t => t.Render()));

        return new GcpPlan
        {
            Services = services,
            Network = network,
            Kms = kms,
            Notifications = notifications,
            BinaryAuthorization = binaryAuthorization,
            Cluster = cluster,
            Firewall = firewall,
            RegistryDns = registryDns,
            ImageSupply = imageSupply,
            Perimeter = perimeter,
            Iap = iap,
            Teams = teams,
            KubernetesPrerequisites = KubernetesPrerequisites(cluster, firewall, registryDns, imageSupply, iap, binaryAuthorization),
            Resources = resources,
        };
    }

    /// <summary>See <see cref="GcpPlan.KubernetesPrerequisites"/>.</summary>
    private static IReadOnlyList<string> KubernetesPrerequisites(
        ClusterSpec? cluster, FirewallSpec? firewall, RegistryDnsSpec? registryDns, ImageSupplySpec? imageSupply, IapSpec? iap, BinaryAuthorizationSpec? binaryAuthorization) =>
    [
        .. cluster?.NodePools.Select(p => p.LogicalName) ?? [],
        .. firewall?.Rules.Select(r => r.LogicalName) ?? [],
        .. registryDns?.Zones.SelectMany(z => new[] { z.Wildcard.LogicalName, z.Apex.LogicalName }) ?? [],
        .. imageSupply?.Repositories.Select(r => r.LogicalName) ?? [],
        .. imageSupply?.Readers.Select(r => r.LogicalName) ?? [],
        .. imageSupply?.VpcscConfig is { } vpcsc ? [vpcsc.LogicalName] : Array.Empty<string>(),
        .. iap is null ? [] : new[] { iap.StaticIp.LogicalName, iap.Certificate.LogicalName },
        .. binaryAuthorization is null ? [] : new[] { binaryAuthorization.Policy.LogicalName },
    ];
}
