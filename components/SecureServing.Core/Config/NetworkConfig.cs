using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:network</c>.</summary>
public sealed record NetworkConfig
{
    /// <summary>VPC name; defaults to <c>&lt;deploymentName&gt;-vpc</c>.</summary>
    public required string Name { get; init; }
    public required string SubnetCidr { get; init; }
    public required string PodsCidr { get; init; }
    public required string ServicesCidr { get; init; }
    /// <summary>Control-plane range of the private cluster; must be a /28.</summary>
    public required string MasterCidr { get; init; }
    public EgressMode Egress { get; init; } = StackFileContract.Network.Egress.Default;
}

/// <summary><c>secure-serving:network.egress</c>: what the nodes may reach outside the VPC.</summary>
public enum EgressMode
{
    /// <summary>Deny all egress except 443 to the restricted Google APIs VIP, the control plane and health checks.</summary>
    Restricted,
    /// <summary>Cloud Router + Cloud NAT for general internet egress.</summary>
    Nat,
}
