using Pulumi;
using Pulumi.Gcp.Container;
using Pulumi.Gcp.Container.Inputs;
using Pulumi.Gcp.Projects;
using Account = Pulumi.Gcp.ServiceAccount.Account;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Cluster</c>: the dedicated node service account and its least-privilege roles, the private
/// GKE cluster and its node pools, exactly as <see cref="ClusterSpec"/> says. The cluster and node pools are
/// <c>protect</c>ed when <see cref="ClusterSpec.Protect"/>; the cluster ignores the changes the spec lists.
/// </summary>
public sealed class ClusterComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Cluster";

    public ClusterComponent(string name, ClusterSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var sa = spec.NodeServiceAccount;
        NodeServiceAccount = new Account(ChildOptions.Prefixed(name, sa.LogicalName), ServiceAccountArgs.From(sa), child);
        outputs.Add(sa.LogicalName, NodeServiceAccount,
            (ResourceRef.Outputs.Name, NodeServiceAccount.Name),
            (ResourceRef.Outputs.Email, NodeServiceAccount.Email),
            (ResourceRef.Outputs.Member, NodeServiceAccount.Member));

        NodeServiceAccountRoles = [.. spec.NodeServiceAccountRoles.Select(role =>
        {
            var member = new IAMMember(ChildOptions.Prefixed(name, role.LogicalName), new IAMMemberArgs
            {
                Project = role.Project,
                Role = role.Role,
                Member = outputs.Resolve(role.Member),
            }, child);
            outputs.Add(role.LogicalName, member);
            return member;
        })];

        var c = spec.Cluster;
        Cluster = new Cluster(ChildOptions.Prefixed(name, c.LogicalName), ClusterArgsOf(c, outputs),
            ChildOptions.For(this, options, protect: spec.Protect, ignoreChanges: c.IgnoreChanges));
        outputs.Add(c.LogicalName, Cluster, (ResourceRef.Outputs.Name, Cluster.Name));

        NodePools = [.. spec.NodePools.Select(pool =>
        {
            var nodePool = new NodePool(ChildOptions.Prefixed(name, pool.LogicalName), NodePoolArgsOf(pool, outputs),
                ChildOptions.For(this, options, protect: spec.Protect));
            outputs.Add(pool.LogicalName, nodePool, (ResourceRef.Outputs.Name, nodePool.Name));
            return nodePool;
        })];

        ClusterName = Cluster.Name;
        DnsEndpoint = Cluster.ControlPlaneEndpointsConfig.Apply(c => c?.DnsEndpointConfig?.Endpoint ?? "");
        // The endpoint `pulumi up` reaches: the DNS endpoint when it accepts external traffic (no public IP needed),
        // else the IP endpoint (private or public, per the spec) with the cluster CA.
        Kubeconfig = c.ControlPlaneEndpoints.DnsAllowExternalTraffic
            ? Output.Tuple(Cluster.Name, DnsEndpoint).Apply(t => GkeKubeconfig.Render(t.Item1, t.Item2, null))
            : Output.Tuple(Cluster.Name, Cluster.Endpoint, Cluster.MasterAuth)
                .Apply(t => GkeKubeconfig.Render(t.Item1, t.Item2, t.Item3?.ClusterCaCertificate));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["dnsEndpoint"] = DnsEndpoint,
        });
    }

    public Account NodeServiceAccount { get; }
    public IReadOnlyList<IAMMember> NodeServiceAccountRoles { get; }
    public Cluster Cluster { get; }
    public IReadOnlyList<NodePool> NodePools { get; }
    public Output<string> ClusterName { get; }
    /// <summary>The control plane's DNS-based endpoint (<c>gke-….goog</c>), known after deploy.</summary>
    public Output<string> DnsEndpoint { get; }
    /// <summary>Credential-free kubeconfig for the Kubernetes provider (<see cref="GkeKubeconfig"/>).</summary>
    public Output<string> Kubeconfig { get; }

    private static ClusterArgs ClusterArgsOf(GkeClusterSpec c, GcpOutputs outputs) => new ClusterArgs
    {
        Project = c.Project,
        Name = c.Name,
        Location = c.Location,
        Network = outputs.Resolve(c.Network),
        Subnetwork = outputs.Resolve(c.Subnetwork),
        NetworkingMode = c.NetworkingMode,
        IpAllocationPolicy = new ClusterIpAllocationPolicyArgs
        {
            ClusterSecondaryRangeName = c.PodsRangeName,
            ServicesSecondaryRangeName = c.ServicesRangeName,
        },
        RemoveDefaultNodePool = c.RemoveDefaultNodePool,
        InitialNodeCount = c.InitialNodeCount,
        DeletionProtection = c.DeletionProtection,
        ReleaseChannel = new ClusterReleaseChannelArgs { Channel = c.ReleaseChannel },
        DatapathProvider = c.DatapathProvider,
        EnableShieldedNodes = c.EnableShieldedNodes,
        WorkloadIdentityConfig = new ClusterWorkloadIdentityConfigArgs { WorkloadPool = c.WorkloadPool },
        AddonsConfig = new ClusterAddonsConfigArgs
        {
            HttpLoadBalancing = new ClusterAddonsConfigHttpLoadBalancingArgs { Disabled = !c.HttpLoadBalancing },
        },
        PrivateClusterConfig = new ClusterPrivateClusterConfigArgs
        {
            EnablePrivateNodes = c.PrivateCluster.EnablePrivateNodes,
            EnablePrivateEndpoint = c.PrivateCluster.EnablePrivateEndpoint,
            MasterIpv4CidrBlock = c.PrivateCluster.MasterIpv4CidrBlock,
        },
        ControlPlaneEndpointsConfig = new ClusterControlPlaneEndpointsConfigArgs
        {
            DnsEndpointConfig = new ClusterControlPlaneEndpointsConfigDnsEndpointConfigArgs
            {
                AllowExternalTraffic = c.ControlPlaneEndpoints.DnsAllowExternalTraffic,
            },
        },
        MasterAuthorizedNetworksConfig = new ClusterMasterAuthorizedNetworksConfigArgs
        {
            CidrBlocks = InputValues.ListOrUnset(c.MasterAuthorizedNetworks.CidrBlocks.Select(b =>
                new ClusterMasterAuthorizedNetworksConfigCidrBlockArgs { CidrBlock = b.CidrBlock, DisplayName = b.DisplayName })),
            GcpPublicCidrsAccessEnabled = c.MasterAuthorizedNetworks.GcpPublicCidrsAccessEnabled,
            PrivateEndpointEnforcementEnabled = c.MasterAuthorizedNetworks.PrivateEndpointEnforcementEnabled,
        },
        NodeConfig = NodeConfigArgs.ForCluster(c.DefaultNodeConfig, outputs),
        AuthenticatorGroupsConfig = c.SecurityGroup is { } group
            ? new ClusterAuthenticatorGroupsConfigArgs { SecurityGroup = group }
            : (Input<ClusterAuthenticatorGroupsConfigArgs>?)null,
    }.WithHardening(c.Hardening, outputs);

    private static NodePoolArgs NodePoolArgsOf(NodePoolSpec pool, GcpOutputs outputs) => new()
    {
        Project = pool.Project,
        Name = pool.Name,
        Location = pool.Location,
        Cluster = outputs.Resolve(pool.Cluster),
        InitialNodeCount = pool.InitialNodeCount,
        Autoscaling = new NodePoolAutoscalingArgs
        {
            TotalMinNodeCount = pool.TotalMinNodeCount,
            TotalMaxNodeCount = pool.TotalMaxNodeCount,
            LocationPolicy = pool.LocationPolicy,
        },
        Management = new NodePoolManagementArgs { AutoRepair = pool.AutoRepair, AutoUpgrade = pool.AutoUpgrade },
        NodeConfig = NodeConfigArgs.ForNodePool(pool.NodeConfig, outputs),
    };
}
