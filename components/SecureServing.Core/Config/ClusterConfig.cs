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
    /// <summary>
    /// Google Groups for RBAC (<c>gke-security-groups@DOMAIN</c>): GKE then puts a caller's Google Groups in its
    /// Kubernetes groups, so team members listed as <c>group:</c> are bound by group. Null: not configured.
    /// </summary>
    public string? SecurityGroup { get; init; }
    /// <summary>Application-layer encryption of Kubernetes Secrets in etcd (<c>databaseEncryption</c>).</summary>
    public KmsKeyChoice SecretsEncryption { get; init; } = StackFileContract.ClusterHardening.DefaultKeyChoice;
    /// <summary>CMEK on every node boot disk (<c>nodeConfig.bootDiskKmsKey</c>).</summary>
    public KmsKeyChoice BootDiskEncryption { get; init; } = StackFileContract.ClusterHardening.DefaultKeyChoice;
    public ClusterNotificationsConfig Notifications { get; init; } = new();
    /// <summary>Intranode visibility: pod-to-pod traffic on one node goes through the VPC (flow logs, firewall).</summary>
    public bool IntranodeVisibility { get; init; } = StackFileContract.ClusterHardening.IntranodeVisibility.Default;
    public SecurityPostureConfig SecurityPosture { get; init; } = new();
    public MaintenanceConfig Maintenance { get; init; } = new();
    /// <summary>Default: <see cref="ClusterTelemetryDefaults.ProdLogging"/> in production, <see cref="ClusterTelemetryDefaults.DevLogging"/> otherwise (set by the loader).</summary>
    public IReadOnlyList<LoggingComponent> Logging { get; init; } = ClusterTelemetryDefaults.ProdLogging;
    /// <summary>Default: <see cref="ClusterTelemetryDefaults.ProdMonitoring"/> in production, <see cref="ClusterTelemetryDefaults.DevMonitoring"/> otherwise (set by the loader).</summary>
    public IReadOnlyList<MonitoringComponent> Monitoring { get; init; } = ClusterTelemetryDefaults.ProdMonitoring;
}

/// <summary><c>secure-serving:cluster.provider</c>: a private GKE cluster the stack creates, or an existing cluster reached through <c>kubeconfig</c>.</summary>
public enum ClusterProvider { Gke, Existing }

/// <summary><c>secure-serving:cluster.releaseChannel</c>: the GKE release channel the cluster follows.</summary>
public enum ReleaseChannel { Rapid, Regular, Stable }

/// <summary><c>secure-serving:cluster.endpoint</c>: how <c>pulumi up</c> and <c>kubectl</c> reach the control plane.</summary>
public enum ControlPlaneEndpoint
{
    /// <summary>DNS-based endpoint with IAM: reachable by <c>pulumi up</c> from outside the VPC with no public IP.</summary>
    Dns,
    /// <summary>Private IP endpoint only (needs a runner inside the VPC); authorized networks apply.</summary>
    Private,
    /// <summary>Public IP endpoint restricted by authorized networks. Refused in prod.</summary>
    Public,
}

/// <summary>A range allowed to reach the control plane's IP endpoint (<c>cluster.masterAuthorizedNetworks</c>), with its display name.</summary>
public sealed record AuthorizedNetwork(string Cidr, string Name);

/// <summary>One entry of <c>secure-serving:cluster.nodePools</c>: a node pool the stack creates.</summary>
public sealed record NodePoolConfig
{
    public required string Name { get; init; }
    public string MachineType { get; init; } = StackFileContract.Cluster.MachineType.Default!;
    public int MinNodes { get; init; } = StackFileContract.Cluster.MinNodes.Default;
    public int MaxNodes { get; init; } = StackFileContract.Cluster.MaxNodes.Default;
    public int DiskSizeGb { get; init; } = StackFileContract.Cluster.DiskSizeGb.Default;
    public bool Spot { get; init; } = StackFileContract.Cluster.Spot.Default;
    /// <summary>GPUs on every node of the pool; null for a CPU pool.</summary>
    public AcceleratorConfig? Accelerator { get; init; }
    /// <summary>
    /// The pool's node taints as deployed: the written <c>taints</c>, or for an accelerator pool without them
    /// <see cref="NodeTaint.Gpu"/>. Models placed on the pool (<c>nodePool</c>) tolerate exactly these.
    /// </summary>
    public IReadOnlyList<NodeTaint> Taints { get; init; } = [];
    /// <summary>GKE Sandbox (gVisor) nodes: only pods with runtime class <c>gvisor</c> run there.</summary>
    public bool Sandbox { get; init; } = StackFileContract.Cluster.Sandbox.Default;
    /// <summary>Confidential GKE Nodes (AMD SEV memory encryption); needs an N2D, C2D or C3D machine type.</summary>
    public bool ConfidentialNodes { get; init; } = StackFileContract.ClusterHardening.ConfidentialNodes.Default;
}

/// <summary><c>accelerator</c> of a node pool: GPUs attached to every node, drivers installed by GKE.</summary>
public sealed record AcceleratorConfig
{
    /// <summary>Compute Engine accelerator type, e.g. <c>nvidia-l4</c>.</summary>
    public required string Type { get; init; }
    /// <summary>GPUs per node.</summary>
    public int Count { get; init; } = StackFileContract.Cluster.AcceleratorCount.Default;
    public GpuDriver Driver { get; init; } = StackFileContract.Cluster.AcceleratorDriver.Default;
}

/// <summary>The NVIDIA driver GKE installs on GPU nodes (<c>gpuDriverInstallationConfig.gpuDriverVersion</c>).</summary>
public enum GpuDriver
{
    /// <summary>The default driver version of the node's GKE version.</summary>
    Default,
    /// <summary>The latest driver version available for the node's GKE version.</summary>
    Latest,
}

/// <summary>A Kubernetes node taint: pods that do not tolerate it are kept off the pool.</summary>
public sealed record NodeTaint(string Key, string Value, TaintEffect Effect)
{
    /// <summary>The taint an accelerator pool gets by default, as GKE applies it to GPU nodes: <c>nvidia.com/gpu=present:NoSchedule</c>.</summary>
    public static NodeTaint Gpu { get; } = new("nvidia.com/gpu", "present", TaintEffect.NoSchedule);
}

/// <summary>Kubernetes taint effects (the spelling team files and tolerations use).</summary>
public enum TaintEffect { NoSchedule, PreferNoSchedule, NoExecute }
