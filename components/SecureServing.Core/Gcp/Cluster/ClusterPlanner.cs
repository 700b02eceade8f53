using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Dedicated node service account with <c>logging.logWriter</c>, <c>monitoring.metricWriter</c>,
/// <c>monitoring.viewer</c>, <c>stackdriver.resourceMetadata.writer</c>, <c>artifactregistry.reader</c> and nothing
/// else; the GKE cluster; node pools from config
/// </summary>
/// <remarks>
/// <para>Decides the private GKE cluster (safer-cluster-like settings callers cannot weaken). The reason for each
/// setting it fixes is on the spec property it sets (<see cref="GkeClusterSpec"/>, <see cref="NodePoolSpec"/>, <see
/// cref="NodeConfigSpec"/>), and for the hardened-organization settings on <see cref="ClusterHardening"/>.</para>
/// <para>Private nodes, Workload Identity (<c>PROJECT.svc.id.goog</c>, <c>GKE_METADATA</c> on every pool), shielded
/// nodes with secure boot and integrity monitoring, release channel from config, Dataplane V2
/// (<c>ADVANCED_DATAPATH</c>), default pool removed (and, while it briefly exists, running as the dedicated account,
/// not the default Compute Engine account), the configured node tag on every node, deletion protection always on in
/// production; and the hardened-organization settings (Binary Authorization, secrets encryption, CMEK boot disks,
/// Google Groups for RBAC, notifications, intranode visibility, security posture, maintenance window, logging and
/// monitoring components, no legacy ABAC, alpha features, client certificates, insecure RBAC bindings or kubelet
/// read-only port, COS on every pool, labels). Accelerator pools get <c>guestAccelerators</c> with the GPU driver
/// installed by GKE and the <c>nvidia.com/gpu</c> taint (unless <c>taints</c> is written), sandbox pools
/// <c>sandboxConfig.type: GVISOR</c>. A pool with <c>minNodes: 0</c> starts empty (<c>initialNodeCount: 0</c>), so an
/// accelerator pool bills no GPU until a model needs one.</para>
/// </remarks>
public static class ClusterPlanner
{
    public static readonly string NodeServiceAccountName = GcpNames.Child(ClusterSpec.Component, "node-sa");
    public static readonly string ClusterName = GcpNames.Child(ClusterSpec.Component, "gke");

    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>The ID of the nodes' service account, <c>&lt;deploymentName&gt;-nodes</c> (a team's GSA must not take it).</summary>
    public static string NodeServiceAccountId(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return GcpNames.ServiceAccountId($"{config.DeploymentName}-nodes");
    }

    /// <summary>Null for <c>provider: existing</c>: nothing is created for a cluster the stack does not own.</summary>
    public static ClusterSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Provider != ClusterProvider.Gke)
        {
            return null;
        }

        var accountId = NodeServiceAccountId(config);
        var nodeServiceAccount = new ServiceAccountSpec
        {
            LogicalName = NodeServiceAccountName,
            Project = config.ProjectId,
            AccountId = accountId,
            DisplayName = $"{config.Cluster.Name} nodes",
            Description = "Dedicated least-privilege identity of the GKE nodes (SecureServing)",
            Email = GcpNames.ServiceAccountEmail(accountId, config.ProjectId),
        };

        var member = new ResourceRef(NodeServiceAccountName, ResourceRef.Outputs.Member);
        var roles = NodeServiceAccountRoles.Roles.Select(role => new ProjectIamMemberSpec
        {
            LogicalName = GcpNames.Child(ClusterSpec.Component, "node-sa", role.Replace("roles/", "", StringComparison.Ordinal)),
            Project = config.ProjectId,
            Role = role,
            Member = member,
        }).ToList();

        var (privateCluster, endpoints, authorized) = ControlPlaneAccess.Decide(config);
        var cluster = new GkeClusterSpec
        {
            LogicalName = ClusterName,
            Project = config.ProjectId,
            Name = config.Cluster.Name,
            Location = config.Region,
            Network = NetworkPlanner.VpcId,
            Subnetwork = ResourceRef.Id(NetworkPlanner.SubnetName),
            NetworkingMode = "VPC_NATIVE",
            PodsRangeName = NetworkPlanner.PodsRangeName,
            ServicesRangeName = NetworkPlanner.ServicesRangeName,
            RemoveDefaultNodePool = true,
            InitialNodeCount = 1,
            // Production clusters are always deletion-protected, whatever the config says.
            DeletionProtection = config.Cluster.DeletionProtection || config.IsProduction,
            ReleaseChannel = config.Cluster.ReleaseChannel switch
            {
                ReleaseChannel.Rapid => "RAPID",
                ReleaseChannel.Regular => "REGULAR",
                ReleaseChannel.Stable => "STABLE",
                var other => throw new ArgumentOutOfRangeException(nameof(config), other, "No GKE release channel for this value."),
            },
            DatapathProvider = "ADVANCED_DATAPATH",
            EnableShieldedNodes = true,
            WorkloadPool = GcpNames.WorkloadPool(config),
            HttpLoadBalancing = true,
            PrivateCluster = privateCluster,
            ControlPlaneEndpoints = endpoints,
            MasterAuthorizedNetworks = authorized,
            DefaultNodeConfig = NodeConfig(config, pool: null),
            IgnoreChanges = ["nodeConfig"],
            SecurityGroup = config.Cluster.SecurityGroup,
            Hardening = ClusterHardening.Decide(config),
        };

        var pools = config.Cluster.NodePools.Select(pool => new NodePoolSpec
        {
            LogicalName = GcpNames.Child(ClusterSpec.Component, "pool", pool.Name),
            Project = config.ProjectId,
            Name = pool.Name,
            Location = config.Region,
            Cluster = ResourceRef.Id(ClusterName),
            // A pool that may scale to zero starts empty (an accelerator pool would otherwise bill a GPU node per zone).
            InitialNodeCount = pool.MinNodes == 0 ? 0 : 1,
            TotalMinNodeCount = pool.MinNodes,
            TotalMaxNodeCount = pool.MaxNodes,
            LocationPolicy = "BALANCED",
            AutoRepair = true,
            AutoUpgrade = true,
            NodeConfig = NodeConfig(config, pool),
        }).ToList();

        return new ClusterSpec
        {
            NodeServiceAccount = nodeServiceAccount,
            NodeServiceAccountRoles = roles,
            Cluster = cluster,
            NodePools = pools,
            Protect = config.IsProduction,
        };
    }

    /// <summary>Shielded, Workload-Identity-only node settings shared by every pool.</summary>
    private static NodeConfigSpec NodeConfig(PlatformConfig config, NodePoolConfig? pool) => new()
    {
        MachineType = pool?.MachineType,
        DiskSizeGb = pool?.DiskSizeGb,
        DiskType = pool is null ? null : "pd-balanced",
        // Container-Optimized OS on every pool, the transient default pool included (hardened organizations refuse others).
        ImageType = "COS_CONTAINERD",
        Spot = pool?.Spot,
        ServiceAccount = new ResourceRef(NodeServiceAccountName, ResourceRef.Outputs.Email),
        OauthScopes = [CloudPlatformScope],
        Tags = [config.Cluster.NodeTag],
        Metadata = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["disable-legacy-endpoints"] = "true" },
        EnableSecureBoot = true,
        EnableIntegrityMonitoring = true,
        WorkloadMetadataMode = "GKE_METADATA",
        BootDiskKmsKey = KmsPlanner.BootDiskKey(config),
        KubeletReadonlyPort = ClusterHardening.KubeletReadonlyPortDisabled,
        ConfidentialNodes = pool is { ConfidentialNodes: true } ? true : null,
        GuestAccelerators = pool?.Accelerator is { } a ? [new GuestAcceleratorSpec(a.Type, a.Count, a.Driver == GpuDriver.Latest ? "LATEST" : "DEFAULT")] : [],
        Taints = [.. (pool?.Taints ?? []).Select(t => new NodeTaintSpec(t.Key, t.Value, GkeTaintEffect(t.Effect)))],
        SandboxType = pool is { Sandbox: true } ? "GVISOR" : null,
    };

    /// <summary>GKE's spelling of a Kubernetes taint effect.</summary>
    public static string GkeTaintEffect(TaintEffect effect) => effect switch
    {
        TaintEffect.PreferNoSchedule => "PREFER_NO_SCHEDULE",
        TaintEffect.NoSchedule => "NO_SCHEDULE",
        TaintEffect.NoExecute => "NO_EXECUTE",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, "No GKE taint effect for this value."),
    };
}
