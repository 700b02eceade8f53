namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>cluster</c>: the dedicated node service account and its roles, the private GKE cluster and its
/// node pools. Only for <c>provider: gke</c>.
/// </summary>
public sealed record ClusterSpec
{
    public const string Component = "cluster";

    public required ServiceAccountSpec NodeServiceAccount { get; init; }
    /// <summary>The node service account's least-privilege project roles.</summary>
    public required IReadOnlyList<ProjectIamMemberSpec> NodeServiceAccountRoles { get; init; }
    public required GkeClusterSpec Cluster { get; init; }
    public required IReadOnlyList<NodePoolSpec> NodePools { get; init; }
    /// <summary>Pulumi <c>protect</c> for the cluster and its node pools (true in production).</summary>
    public required bool Protect { get; init; }
}

/// <summary><c>gcp:serviceaccount/account:Account</c>.</summary>
public sealed record ServiceAccountSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string AccountId { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }
    /// <summary>The e-mail GCP will give it (<c>ACCOUNT_ID@PROJECT.iam.gserviceaccount.com</c>); not an input.</summary>
    public required string Email { get; init; }
}

/// <summary><c>gcp:projects/iAMMember:IAMMember</c>.</summary>
public sealed record ProjectIamMemberSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Role { get; init; }
    /// <summary>The service account's <c>member</c> output (<c>serviceAccount:EMAIL</c>).</summary>
    public required ResourceRef Member { get; init; }
}

/// <summary><c>gcp:container/cluster:Cluster</c>.</summary>
public sealed record GkeClusterSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    /// <summary>The region: a regional cluster with a replicated control plane.</summary>
    public required string Location { get; init; }
    /// <summary>The VPC's <c>id</c>.</summary>
    public required ResourceRef Network { get; init; }
    /// <summary>The subnet's <c>id</c>.</summary>
    public required ResourceRef Subnetwork { get; init; }
    /// <summary><c>VPC_NATIVE</c> (alias IPs; required by private clusters).</summary>
    public required string NetworkingMode { get; init; }
    /// <summary><c>ipAllocationPolicy.clusterSecondaryRangeName</c>.</summary>
    public required string PodsRangeName { get; init; }
    /// <summary><c>ipAllocationPolicy.servicesSecondaryRangeName</c>.</summary>
    public required string ServicesRangeName { get; init; }
    /// <summary>Always true: node pools are managed separately; the default pool is deleted right after creation.</summary>
    public required bool RemoveDefaultNodePool { get; init; }
    /// <summary>1: the smallest default pool GKE accepts before it is removed.</summary>
    public required int InitialNodeCount { get; init; }
    /// <summary><c>deletionProtection</c>: from config, and always true in production, so no destroy or replacement deletes the cluster.</summary>
    public required bool DeletionProtection { get; init; }
    /// <summary>
    /// <c>releaseChannel.channel</c>: <c>RAPID</c>, <c>REGULAR</c> (unless the config says otherwise) or <c>STABLE</c>;
    /// GKE upgrades the control plane and the nodes within the channel, so security patches arrive without a deploy.
    /// </summary>
    public required string ReleaseChannel { get; init; }
    /// <summary><c>ADVANCED_DATAPATH</c> (Dataplane V2: eBPF, NetworkPolicy enforced built in).</summary>
    public required string DatapathProvider { get; init; }
    /// <summary>
    /// <c>enableShieldedNodes</c>: always true; a node proves its identity when it joins, so a stolen bootstrap credential
    /// cannot register a node of its own.
    /// </summary>
    public required bool EnableShieldedNodes { get; init; }
    /// <summary>
    /// <c>workloadIdentityConfig.workloadPool</c>: <c>PROJECT.svc.id.goog</c>; pods act as the Google service account
    /// bound to their Kubernetes service account, never as the nodes' account.
    /// </summary>
    public required string WorkloadPool { get; init; }
    /// <summary><c>addonsConfig.httpLoadBalancing.disabled</c> is <c>!HttpLoadBalancing</c>: GKE Ingress fronts IAP.</summary>
    public required bool HttpLoadBalancing { get; init; }
    public required PrivateClusterSpec PrivateCluster { get; init; }
    public required ControlPlaneEndpointsSpec ControlPlaneEndpoints { get; init; }
    public required MasterAuthorizedNetworksSpec MasterAuthorizedNetworks { get; init; }
    /// <summary>
    /// <c>nodeConfig</c> of the transient default pool, so that it never runs with the default Compute Engine
    /// service account (which often holds roles/editor). Ignored after creation: see <see cref="IgnoreChanges"/>.
    /// </summary>
    public required NodeConfigSpec DefaultNodeConfig { get; init; }
    /// <summary>Pulumi <c>ignoreChanges</c>: <c>nodeConfig</c>, which GKE reports from whatever pool comes first.</summary>
    public required IReadOnlyList<string> IgnoreChanges { get; init; }
    /// <summary>
    /// <c>authenticatorGroupsConfig.securityGroup</c> (Google Groups for RBAC, <c>gke-security-groups@DOMAIN</c>), or null:
    /// GKE then adds a caller's Google Groups to its Kubernetes identity, so RoleBindings can name groups.
    /// </summary>
    public string? SecurityGroup { get; init; }
    public required ClusterHardeningSpec Hardening { get; init; }
}

/// <summary>
/// The cluster settings a hardened organization's policies check (Cloud Foundation Fabric's hardened GKE dataset):
/// Binary Authorization, secrets encryption, security bulletins, intranode visibility,
/// security posture, maintenance, logging and monitoring, legacy features off, labels.
/// </summary>
public sealed record ClusterHardeningSpec
{
    /// <summary><c>binaryAuthorization.evaluationMode</c>: <c>PROJECT_SINGLETON_POLICY_ENFORCE</c> (the project policy decides, dry run included) or <c>DISABLED</c>.</summary>
    public required string BinaryAuthorizationEvaluationMode { get; init; }
    /// <summary><c>databaseEncryption.state</c>: <c>ENCRYPTED</c> with <see cref="DatabaseEncryptionKey"/>, else <c>DECRYPTED</c> (Google-managed encryption only).</summary>
    public string DatabaseEncryptionState => DatabaseEncryptionKey is null ? "DECRYPTED" : "ENCRYPTED";
    /// <summary><c>databaseEncryption.keyName</c>; null without an application-layer secrets key.</summary>
    public KmsKeyRef? DatabaseEncryptionKey { get; init; }
    /// <summary><c>notificationConfig.pubsub</c>; null when notifications are off.</summary>
    public ClusterNotificationSpec? Notifications { get; init; }
    public required bool EnableIntranodeVisibility { get; init; }
    /// <summary><c>securityPostureConfig.mode</c>: <c>DISABLED</c>, <c>BASIC</c> or <c>ENTERPRISE</c>.</summary>
    public required string SecurityPostureMode { get; init; }
    /// <summary><c>securityPostureConfig.vulnerabilityMode</c>: <c>VULNERABILITY_DISABLED</c> or <c>VULNERABILITY_ENTERPRISE</c>.</summary>
    public required string VulnerabilityMode { get; init; }
    public required MaintenanceWindowSpec MaintenanceWindow { get; init; }
    public required IReadOnlyList<MaintenanceExclusionSpec> MaintenanceExclusions { get; init; }
    /// <summary><c>loggingService</c>: <c>logging.googleapis.com/kubernetes</c>, or <c>none</c> when no component logs.</summary>
    public string LoggingService => LoggingComponents is null ? "none" : ClusterHardening.LoggingService;
    /// <summary><c>loggingConfig.enableComponents</c>, e.g. <c>SYSTEM_COMPONENTS</c>, <c>WORKLOADS</c>; null (no <c>loggingConfig</c> block) when no component logs, never empty.</summary>
    public IReadOnlyList<string>? LoggingComponents { get; init; }
    /// <summary><c>monitoringService</c>: <c>monitoring.googleapis.com/kubernetes</c>, or <c>none</c> when no component is monitored.</summary>
    public string MonitoringService => MonitoringComponents is null ? "none" : ClusterHardening.MonitoringService;
    /// <summary><c>monitoringConfig.enableComponents</c>; null (no <c>monitoringConfig</c> block) when no component is monitored, never empty.</summary>
    public IReadOnlyList<string>? MonitoringComponents { get; init; }
    /// <summary><c>enableLegacyAbac</c>: always false (RBAC only).</summary>
    public required bool EnableLegacyAbac { get; init; }
    /// <summary><c>enableKubernetesAlpha</c>: always false.</summary>
    public required bool EnableKubernetesAlpha { get; init; }
    /// <summary><c>masterAuth.clientCertificateConfig.issueClientCertificate</c>: always false (no legacy client certificate).</summary>
    public required bool IssueClientCertificate { get; init; }
    /// <summary><c>rbacBindingConfig</c>: no RBAC bindings to <c>system:authenticated</c> / <c>system:unauthenticated</c>.</summary>
    public required bool InsecureBindingSystemAuthenticated { get; init; }
    public required bool InsecureBindingSystemUnauthenticated { get; init; }
    /// <summary><c>nodePoolDefaults.nodeConfigDefaults.insecureKubeletReadonlyPortEnabled</c>: <c>FALSE</c>.</summary>
    public required string KubeletReadonlyPort { get; init; }
    /// <summary><c>resourceLabels</c>: GKE passes them on to the nodes' VMs and disks.</summary>
    public required IReadOnlyDictionary<string, string> ResourceLabels { get; init; }
}

/// <summary><c>notificationConfig.pubsub</c>: <c>enabled</c>, the topic's <c>id</c>, <c>filter.eventTypes</c>.</summary>
public sealed record ClusterNotificationSpec(ResourceRef Topic, IReadOnlyList<string> EventTypes)
{
    /// <summary><c>enabled</c>: always true (the block is present only when notifications are on).</summary>
    public bool Enabled => true;
}

/// <summary><c>maintenancePolicy.recurringWindow</c>.</summary>
public sealed record MaintenanceWindowSpec(string StartTime, string EndTime, string Recurrence);

/// <summary><c>maintenancePolicy.maintenanceExclusions[]</c>; <c>Scope</c> is <c>NO_UPGRADES</c>, <c>NO_MINOR_UPGRADES</c> or <c>NO_MINOR_OR_NODE_UPGRADES</c>.</summary>
public sealed record MaintenanceExclusionSpec(string ExclusionName, string StartTime, string EndTime, string Scope);

/// <summary><c>privateClusterConfig</c>.</summary>
public sealed record PrivateClusterSpec(bool EnablePrivateNodes, bool EnablePrivateEndpoint, string MasterIpv4CidrBlock);

/// <summary><c>controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic</c>.</summary>
/// <param name="DnsAllowExternalTraffic">True only for <c>endpoint: dns</c>: IAM-authorized clients reach the
/// control plane through its DNS name from outside the VPC, with no public IP endpoint.</param>
public sealed record ControlPlaneEndpointsSpec(bool DnsAllowExternalTraffic);

/// <summary><c>masterAuthorizedNetworksConfig</c>.</summary>
public sealed record MasterAuthorizedNetworksSpec
{
    /// <summary>The configured networks for <c>endpoint: private|public</c>; empty for <c>dns</c> (IAM guards it).</summary>
    public required IReadOnlyList<AuthorizedCidrSpec> CidrBlocks { get; init; }
    /// <summary>Always false: Google Cloud's public IPs get no implicit access.</summary>
    public required bool GcpPublicCidrsAccessEnabled { get; init; }
    /// <summary>Always true: the internal IP endpoint also accepts only the listed networks (plus the nodes).</summary>
    public required bool PrivateEndpointEnforcementEnabled { get; init; }
}

/// <summary><c>cidrBlocks[]</c>: <c>{cidrBlock, displayName}</c>.</summary>
public sealed record AuthorizedCidrSpec(string CidrBlock, string DisplayName);

/// <summary><c>nodeConfig</c> of a node pool (and of the cluster's transient default pool).</summary>
public sealed record NodeConfigSpec
{
    /// <summary>Null for the default pool (GKE's default machine type; the pool is deleted at once).</summary>
    public string? MachineType { get; init; }
    public int? DiskSizeGb { get; init; }
    public string? DiskType { get; init; }
    public string? ImageType { get; init; }
    public bool? Spot { get; init; }
    /// <summary>The node service account's <c>email</c>.</summary>
    public required ResourceRef ServiceAccount { get; init; }
    /// <summary><c>cloud-platform</c>: access is governed by the service account's IAM roles, not scopes.</summary>
    public required IReadOnlyList<string> OauthScopes { get; init; }
    /// <summary>The configured node tag; firewall rules target it.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>
    /// <c>disable-legacy-endpoints: "true"</c>: the metadata server's legacy endpoints, which answer without the
    /// <c>Metadata-Flavor</c> header, stay off.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    /// <summary><c>shieldedInstanceConfig.enableSecureBoot</c>: always true; only signed boot components load.</summary>
    public required bool EnableSecureBoot { get; init; }
    /// <summary>
    /// <c>shieldedInstanceConfig.enableIntegrityMonitoring</c>: always true; each boot is compared with a known-good
    /// baseline and a mismatch is reported.
    /// </summary>
    public required bool EnableIntegrityMonitoring { get; init; }
    /// <summary><c>workloadMetadataConfig.mode</c>: <c>GKE_METADATA</c> (GKE metadata server; node credentials hidden from pods).</summary>
    public required string WorkloadMetadataMode { get; init; }
    /// <summary><c>bootDiskKmsKey</c>: CMEK on the boot disk; null for Google-managed encryption.</summary>
    public KmsKeyRef? BootDiskKmsKey { get; init; }
    /// <summary><c>kubeletConfig.insecureKubeletReadonlyPortEnabled</c>: <c>FALSE</c> (no unauthenticated port 10255).</summary>
    public required string KubeletReadonlyPort { get; init; }
    /// <summary><c>confidentialNodes.enabled</c>: set only for pools with <c>confidentialNodes: true</c>.</summary>
    public bool? ConfidentialNodes { get; init; }
    /// <summary><c>guestAccelerators</c>: the GPUs on every node (empty for CPU pools and the default pool).</summary>
    public IReadOnlyList<GuestAcceleratorSpec> GuestAccelerators { get; init; } = [];
    /// <summary><c>taints</c>: the pool's node taints, GKE's spelling of the effect (<c>NO_SCHEDULE</c>, ...).</summary>
    public IReadOnlyList<NodeTaintSpec> Taints { get; init; } = [];
    /// <summary><c>sandboxConfig.type</c>: <c>GVISOR</c> for GKE Sandbox nodes, else null.</summary>
    public string? SandboxType { get; init; }
}

/// <summary><c>guestAccelerators[]</c>: <c>{type, count, gpuDriverInstallationConfig.gpuDriverVersion}</c>.</summary>
/// <param name="GpuDriverVersion"><c>DEFAULT</c> or <c>LATEST</c>: GKE installs the NVIDIA driver (no driver DaemonSet to run).</param>
public sealed record GuestAcceleratorSpec(string Type, int Count, string GpuDriverVersion);

/// <summary><c>taints[]</c>: <c>{key, value, effect}</c>, effect in GKE's spelling.</summary>
public sealed record NodeTaintSpec(string Key, string Value, string Effect);

/// <summary><c>gcp:container/nodePool:NodePool</c>.</summary>
public sealed record NodePoolSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string Location { get; init; }
    /// <summary>The cluster's <c>id</c>.</summary>
    public required ResourceRef Cluster { get; init; }
    /// <summary>Per zone, at creation (0 for a pool with <c>minNodes: 0</c>, else 1); the autoscaler takes over.</summary>
    public required int InitialNodeCount { get; init; }
    /// <summary><c>autoscaling.totalMinNodeCount</c>: the config's <c>minNodes</c> counts nodes across all zones.</summary>
    public required int TotalMinNodeCount { get; init; }
    /// <summary><c>autoscaling.totalMaxNodeCount</c>.</summary>
    public required int TotalMaxNodeCount { get; init; }
    /// <summary><c>autoscaling.locationPolicy</c>: <c>BALANCED</c>; the autoscaler keeps the pool spread across the region's zones.</summary>
    public required string LocationPolicy { get; init; }
    /// <summary><c>management.autoRepair</c>: always true; GKE recreates nodes that fail their health checks.</summary>
    public required bool AutoRepair { get; init; }
    /// <summary><c>management.autoUpgrade</c> (required by release channels).</summary>
    public required bool AutoUpgrade { get; init; }
    public required NodeConfigSpec NodeConfig { get; init; }
}
