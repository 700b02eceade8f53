using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Decides how the control plane is reached (<c>secure-serving:cluster.endpoint</c>). Nodes are private in
/// every mode; GKE always lets the cluster's own nodes reach the internal endpoint.
/// <list type="table">
/// <item><term>dns</term><description>No public IP endpoint. The DNS-based endpoint accepts external traffic, guarded by
/// IAM (and VPC-SC when container.googleapis.com is restricted): <c>pulumi up</c> works from anywhere with the right
/// role and no bastion. Authorized networks are enforced on the internal endpoint with no CIDRs, so nothing but the
/// nodes reaches the IP endpoint; configured networks are not used.</description></item>
/// <item><term>private</term><description>No public IP endpoint, DNS endpoint closed to user traffic; only the configured
/// networks reach the internal endpoint (a runner inside the VPC).</description></item>
/// <item><term>public</term><description>Public IP endpoint limited to the configured networks (refused in prod by
/// <c>check</c>); DNS endpoint closed to user traffic; the internal endpoint enforces the same networks.</description></item>
/// </list>
/// </summary>
public static class ControlPlaneAccess
{
    public static (PrivateClusterSpec Private, ControlPlaneEndpointsSpec Endpoints, MasterAuthorizedNetworksSpec Authorized) Decide(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var endpoint = config.Cluster.Endpoint;

        var privateCluster = new PrivateClusterSpec(
            EnablePrivateNodes: true,
            EnablePrivateEndpoint: endpoint != ControlPlaneEndpoint.Public,
            MasterIpv4CidrBlock: config.Network.MasterCidr);

        var endpoints = new ControlPlaneEndpointsSpec(DnsAllowExternalTraffic: endpoint == ControlPlaneEndpoint.Dns);

        var authorized = new MasterAuthorizedNetworksSpec
        {
            CidrBlocks = endpoint == ControlPlaneEndpoint.Dns
                ? []
                : [.. config.Cluster.MasterAuthorizedNetworks.Select(n => new AuthorizedCidrSpec(n.Cidr, n.Name))],
            GcpPublicCidrsAccessEnabled = false,
            PrivateEndpointEnforcementEnabled = true,
        };

        return (privateCluster, endpoints, authorized);
    }
}
