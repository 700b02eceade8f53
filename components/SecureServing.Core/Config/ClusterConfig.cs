namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:cluster</c>.</summary>
public sealed record ClusterConfig
{
    /// <summary><c>gke</c> creates a private GKE cluster; <c>existing</c> targets any cluster through a kubeconfig secret.</summary>
    public ClusterProvider Provider { get; init; } = ClusterProvider.Gke;
    public required string Name { get; init; }
    public ReleaseChannel ReleaseChannel { get; init; } = ReleaseChannel.Regular;
    public ControlPlaneEndpoint Endpoint { get; init; } = ControlPlaneEndpoint.Dns;
    public IReadOnlyList<AuthorizedNetwork> MasterAuthorizedNetworks { get; init; } = [];
    public IReadOnlyList<NodePoolConfig> NodePools { get; init; } = [];
    public bool DeletionProtection { get; init; } = true;
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
    public string MachineType { get; init; } = "e2-standard-4";
    public int MinNodes { get; init; } = 1;
    public int MaxNodes { get; init; } = 3;
    public int DiskSizeGb { get; init; } = 100;
    public bool Spot { get; init; }
}
