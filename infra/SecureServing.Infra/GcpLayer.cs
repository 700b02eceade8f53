using Pulumi;
using SecureServing.Components.Gcp;
using SecureServing.Core.Gcp;

namespace SecureServing.Infra;

/// <summary>
/// Every GCP component of a stack, created from its <see cref="GcpPlan"/> in plan order (so each reference resolves
/// to an earlier resource's output). The components run in parallel: besides the data edges their inputs carry
/// (the subnet uses the VPC's id, the perimeter its levels' names, …), each waits only for the project APIs it calls
/// (<see cref="ProjectServicesPlanner.ApisCalledBy"/>), and a team's Workload Identity binding waits for the cluster that creates the
/// identity pool.
/// </summary>
public sealed class GcpLayer
{
    private readonly Dictionary<string, IReadOnlyList<Resource>> _dependencies = new(StringComparer.Ordinal);

    public GcpLayer(GcpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Outputs = new GcpOutputs();
        Services = new ServicesComponent(ProjectServicesSpec.Component, plan.Services);

        Network = plan.Network is { } network
            ? new NetworkComponent(NetworkSpec.Component, network, Outputs, After(NetworkSpec.Component))
            : null;
        Kms = plan.Kms is { } kms
            ? new KmsComponent(KmsSpec.Component, kms, Outputs, After(KmsSpec.Component))
            : null;
        Notifications = plan.Notifications is { } notifications
            ? new NotificationsComponent(NotificationsSpec.Component, notifications, Outputs, After(NotificationsSpec.Component))
            : null;
        BinaryAuthorization = plan.BinaryAuthorization is { } binaryAuthorization
            ? new BinaryAuthorizationComponent(BinaryAuthorizationSpec.Component, binaryAuthorization, Outputs, After(BinaryAuthorizationSpec.Component))
            : null;
        Cluster = plan.Cluster is { } cluster
            ? new ClusterComponent(ClusterSpec.Component, cluster, Outputs, After(ClusterSpec.Component))
            : null;
        Firewall = plan.Firewall is { } firewall
            ? new FirewallComponent(FirewallSpec.Component, firewall, Outputs, After(FirewallSpec.Component))
            : null;
        RegistryDns = plan.RegistryDns is { } dns
            ? new RegistryDnsComponent(RegistryDnsSpec.Component, dns, Outputs, After(RegistryDnsSpec.Component))
            : null;
        ImageSupply = plan.ImageSupply is { } images
            ? new ImageSupplyComponent(ImageSupplySpec.Component, images, Outputs, After(ImageSupplySpec.Component))
            : null;
        Perimeter = new PerimeterComponent(PerimeterSpec.Component, plan.Perimeter, Outputs, After(PerimeterSpec.Component));
        Iap = plan.Iap is { } iap
            ? new IapComponent(IapSpec.Component, iap, Outputs, After(IapSpec.Component))
            : null;

        WorkloadIdentityPool = Cluster is null ? [] : [Cluster.Cluster];
        Teams = [.. plan.Teams.Select(team =>
            new TeamIdentityComponent(team.Component, team, Outputs, WorkloadIdentityPool, After(team.Component, TeamIdentitySpec.ComponentPrefix)))];
    }

    public GcpPlan Plan { get; }
    /// <summary>Every registered output, for the Kubernetes layer's references (e.g. team bucket names).</summary>
    public GcpOutputs Outputs { get; }
    public ServicesComponent Services { get; }
    /// <summary>Null for <c>cluster.provider: existing</c>.</summary>
    public NetworkComponent? Network { get; }
    /// <summary>Null when the stack creates no KMS key.</summary>
    public KmsComponent? Kms { get; }
    /// <summary>Null for <c>cluster.provider: existing</c> or with notifications off.</summary>
    public NotificationsComponent? Notifications { get; }
    /// <summary>Null for <c>binaryAuthorization.mode: disabled</c>.</summary>
    public BinaryAuthorizationComponent? BinaryAuthorization { get; }
    /// <summary>Null for <c>cluster.provider: existing</c>.</summary>
    public ClusterComponent? Cluster { get; }
    /// <summary>Null for <c>cluster.provider: existing</c>.</summary>
    public FirewallComponent? Firewall { get; }
    /// <summary>Null for <c>cluster.provider: existing</c>.</summary>
    public RegistryDnsComponent? RegistryDns { get; }
    /// <summary>Null unless the stack installs the serving stack on GKE under <c>egress: restricted</c>.</summary>
    public ImageSupplyComponent? ImageSupply { get; }
    public PerimeterComponent Perimeter { get; }
    /// <summary>Null when IAP is disabled.</summary>
    public IapComponent? Iap { get; }
    public IReadOnlyList<TeamIdentityComponent> Teams { get; }
    /// <summary>What each team's Workload Identity binding waits for: the cluster (empty when the stack has none).</summary>
    public IReadOnlyList<Resource> WorkloadIdentityPool { get; }

    /// <summary>The explicit dependencies (project services) each component was given, by component name (read by the Pulumi tests).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Resource>> ComponentDependencies => _dependencies;

    /// <summary>The resources <see cref="GcpPlan.KubernetesPrerequisites"/> names, in its order.</summary>
    public IReadOnlyList<Resource> KubernetesPrerequisites() => [.. Plan.KubernetesPrerequisites.Select(Outputs.Resource)];

    private ComponentResourceOptions After(string component, string? apisOf = null)
    {
        var services = Services.Enabling([.. ProjectServicesPlanner.ApisCalledBy(apisOf ?? component)]);
        _dependencies[component] = services;
        return new ComponentResourceOptions { DependsOn = services.ToArray() };
    }
}
