using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:cluster</c>.</summary>
public sealed record ClusterConfig
{
    /// <summary><c>gke</c> creates a private GKE cluster; <c>existing</c> targets any cluster through a kubeconfig secret.</summary>
    public ClusterProvider Provider { get; init; } = StackFileContract.Cluster.Provider.Default;
    public required string Name { get; init; }
    public ReleaseChannel ReleaseChannel { get; init; } = StackFileContract.Cluster.ReleaseChannel.Default;
    public ControlPlaneEndpoint Endpoint { get; init; } = StackFileContract.Cluster.Endpoint.Default;
    public IReadOnlyList<AuthorizedNetwork> MasterAuthorizedNetworks { get; init; } = [];
    public IReadOnlyList<NodePoolConfig> NodePools { get; init; } = [];
    public bool DeletionProtection { get; init; } = StackFileContract.Cluster.DeletionProtection.Default;
    /// <summary>Network tag on every node; firewall rules target it.</summary>
    public required string NodeTag { get; init; }
    /// <summary>For <c>provider: existing</c>: the kubeconfig, always a Pulumi secret.</summary>
    public SecretRef? Kubeconfig { get; init; }
}

public enum ClusterProvider { Gke, Existing }

public enum ReleaseChannel { Rapid, Regular, Stable }

public enum ControlPlaneEndpoint
{
    /// <summary>DNS-based endpoint with IAM: reachable by <c>pulumi up</c> from outside the VPC with no public IP.</summary>
    Dns,
    /// <summary>Private IP endpoint only (needs a runner inside the VPC); authorized networks apply.</summary>
    Private,
    /// <summary>Public IP endpoint restricted by authorized networks. Refused in prod.</summary>
    Public,
}

public sealed record AuthorizedNetwork(string Cidr, string Name);

public sealed record NodePoolConfig
{
    public required string Name { get; init; }
    public string MachineType { get; init; } = StackFileContract.Cluster.MachineType.Default!;
    public int MinNodes { get; init; } = StackFileContract.Cluster.MinNodes.Default;
    public int MaxNodes { get; init; } = StackFileContract.Cluster.MaxNodes.Default;
    public int DiskSizeGb { get; init; } = StackFileContract.Cluster.DiskSizeGb.Default;
    public bool Spot { get; init; } = StackFileContract.Cluster.Spot.Default;
}
