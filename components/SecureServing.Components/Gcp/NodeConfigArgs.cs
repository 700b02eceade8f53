using Pulumi.Gcp.Container.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <see cref="NodeConfigSpec"/> as the SDK's node-config args, field for field as <c>ClusterRendering</c> writes
/// <c>nodeConfig</c>, described once for both places GKE takes one: the cluster's transient default pool
/// (<see cref="ClusterNodeConfigArgs"/>) and every node pool (<see cref="NodePoolNodeConfigArgs"/>). The SDK generates
/// the two, and each nested block, as unrelated types with the same fields, so each field is one line of
/// <see cref="Description"/> with a setter per type (<see cref="TwinArgs{TSource, TFirst, TSecond}"/>).
/// </summary>
internal static class NodeConfigArgs
{
    /// <summary>The default pool's <c>nodeConfig</c>.</summary>
    public static ClusterNodeConfigArgs ForCluster(NodeConfigSpec spec, GcpOutputs outputs) => Description.First(new(spec, outputs));

    /// <summary>A node pool's <c>nodeConfig</c>.</summary>
    public static NodePoolNodeConfigArgs ForNodePool(NodeConfigSpec spec, GcpOutputs outputs) => Description.Second(new(spec, outputs));

    private sealed record Source(NodeConfigSpec Spec, GcpOutputs Outputs);

    private static readonly TwinArgs<Source, ClusterNodeConfigShieldedInstanceConfigArgs, NodePoolNodeConfigShieldedInstanceConfigArgs> ShieldedInstance = new TwinArgs<Source, ClusterNodeConfigShieldedInstanceConfigArgs, NodePoolNodeConfigShieldedInstanceConfigArgs>()
        .Field(s => s.Spec.EnableSecureBoot, (a, v) => a.EnableSecureBoot = v, (a, v) => a.EnableSecureBoot = v)
        .Field(s => s.Spec.EnableIntegrityMonitoring, (a, v) => a.EnableIntegrityMonitoring = v, (a, v) => a.EnableIntegrityMonitoring = v);

    private static readonly TwinArgs<Source, ClusterNodeConfigWorkloadMetadataConfigArgs, NodePoolNodeConfigWorkloadMetadataConfigArgs> WorkloadMetadata = new TwinArgs<Source, ClusterNodeConfigWorkloadMetadataConfigArgs, NodePoolNodeConfigWorkloadMetadataConfigArgs>()
        .Field(s => s.Spec.WorkloadMetadataMode, (a, v) => a.Mode = v, (a, v) => a.Mode = v);

    private static readonly TwinArgs<Source, ClusterNodeConfigKubeletConfigArgs, NodePoolNodeConfigKubeletConfigArgs> Kubelet = new TwinArgs<Source, ClusterNodeConfigKubeletConfigArgs, NodePoolNodeConfigKubeletConfigArgs>()
        .Field(s => s.Spec.KubeletReadonlyPort, (a, v) => a.InsecureKubeletReadonlyPortEnabled = v, (a, v) => a.InsecureKubeletReadonlyPortEnabled = v);

    private static readonly TwinArgs<Source, ClusterNodeConfigConfidentialNodesArgs, NodePoolNodeConfigConfidentialNodesArgs> ConfidentialNodes = new TwinArgs<Source, ClusterNodeConfigConfidentialNodesArgs, NodePoolNodeConfigConfidentialNodesArgs>()
        .Field(s => s.Spec.ConfidentialNodes!.Value, (a, v) => a.Enabled = v, (a, v) => a.Enabled = v);

    private static readonly TwinArgs<GuestAcceleratorSpec, ClusterNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs, NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs> GpuDriver = new TwinArgs<GuestAcceleratorSpec, ClusterNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs, NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs>()
        .Field(g => g.GpuDriverVersion, (a, v) => a.GpuDriverVersion = v, (a, v) => a.GpuDriverVersion = v);

    private static readonly TwinArgs<GuestAcceleratorSpec, ClusterNodeConfigGuestAcceleratorArgs, NodePoolNodeConfigGuestAcceleratorArgs> GuestAccelerator = new TwinArgs<GuestAcceleratorSpec, ClusterNodeConfigGuestAcceleratorArgs, NodePoolNodeConfigGuestAcceleratorArgs>()
        .Field(g => g.Type, (a, v) => a.Type = v, (a, v) => a.Type = v)
        .Field(g => g.Count, (a, v) => a.Count = v, (a, v) => a.Count = v)
        .Block(GpuDriver, (a, v) => a.GpuDriverInstallationConfig = v, (a, v) => a.GpuDriverInstallationConfig = v);

    private static readonly TwinArgs<NodeTaintSpec, ClusterNodeConfigTaintArgs, NodePoolNodeConfigTaintArgs> Taint = new TwinArgs<NodeTaintSpec, ClusterNodeConfigTaintArgs, NodePoolNodeConfigTaintArgs>()
        .Field(t => t.Key, (a, v) => a.Key = v, (a, v) => a.Key = v)
        .Field(t => t.Value, (a, v) => a.Value = v, (a, v) => a.Value = v)
        .Field(t => t.Effect, (a, v) => a.Effect = v, (a, v) => a.Effect = v);

    private static readonly TwinArgs<Source, ClusterNodeConfigSandboxConfigArgs, NodePoolNodeConfigSandboxConfigArgs> Sandbox = new TwinArgs<Source, ClusterNodeConfigSandboxConfigArgs, NodePoolNodeConfigSandboxConfigArgs>()
        .Field(s => s.Spec.SandboxType!, (a, v) => a.Type = v, (a, v) => a.Type = v);

    /// <summary>Every field of <c>nodeConfig</c>, in <c>ClusterRendering</c>'s order.</summary>
    private static readonly TwinArgs<Source, ClusterNodeConfigArgs, NodePoolNodeConfigArgs> Description = new TwinArgs<Source, ClusterNodeConfigArgs, NodePoolNodeConfigArgs>()
        .Field(s => InputValues.Optional(s.Spec.MachineType), (a, v) => a.MachineType = v, (a, v) => a.MachineType = v)
        .Field(s => InputValues.Optional(s.Spec.DiskSizeGb), (a, v) => a.DiskSizeGb = v, (a, v) => a.DiskSizeGb = v)
        .Field(s => InputValues.Optional(s.Spec.DiskType), (a, v) => a.DiskType = v, (a, v) => a.DiskType = v)
        .Field(s => InputValues.Optional(s.Spec.ImageType), (a, v) => a.ImageType = v, (a, v) => a.ImageType = v)
        .Field(s => InputValues.Optional(s.Spec.Spot), (a, v) => a.Spot = v, (a, v) => a.Spot = v)
        .Field(s => s.Outputs.Resolve(s.Spec.ServiceAccount), (a, v) => a.ServiceAccount = v, (a, v) => a.ServiceAccount = v)
        .Field(s => InputValues.ListOrUnset(s.Spec.OauthScopes), (a, v) => a.OauthScopes = v, (a, v) => a.OauthScopes = v)
        .Field(s => InputValues.ListOrUnset(s.Spec.Tags), (a, v) => a.Tags = v, (a, v) => a.Tags = v)
        .Field(s => InputValues.MapOrUnset(s.Spec.Metadata), (a, v) => a.Metadata = v, (a, v) => a.Metadata = v)
        .Block(ShieldedInstance, (a, v) => a.ShieldedInstanceConfig = v, (a, v) => a.ShieldedInstanceConfig = v)
        .Block(WorkloadMetadata, (a, v) => a.WorkloadMetadataConfig = v, (a, v) => a.WorkloadMetadataConfig = v)
        .Field(s => s.Spec.BootDiskKmsKey is { } key ? s.Outputs.Interpolate(key.Rendered) : null, (a, v) => a.BootDiskKmsKey = v, (a, v) => a.BootDiskKmsKey = v)
        .Block(Kubelet, (a, v) => a.KubeletConfig = v, (a, v) => a.KubeletConfig = v)
        .Block(ConfidentialNodes, (a, v) => a.ConfidentialNodes = v, (a, v) => a.ConfidentialNodes = v, present: s => s.Spec.ConfidentialNodes is not null)
        .Blocks(s => s.Spec.GuestAccelerators, GuestAccelerator, (a, v) => a.GuestAccelerators = v, (a, v) => a.GuestAccelerators = v)
        .Blocks(s => s.Spec.Taints, Taint, (a, v) => a.Taints = v, (a, v) => a.Taints = v)
        .Block(Sandbox, (a, v) => a.SandboxConfig = v, (a, v) => a.SandboxConfig = v, present: s => s.Spec.SandboxType is not null);
}
