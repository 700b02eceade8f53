using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>One host istiod must reach to fetch JWT signing keys, with the port and why.</summary>
/// <param name="Host">Lower-case host name of the JWKS URI (no scheme, port or path).</param>
/// <param name="Port">The URI's TCP port (443 unless the URI names one).</param>
/// <param name="Reason">Config key that needs it, for descriptions.</param>
/// <param name="ViaPrivateGoogleAccess">True when the host is a Google front end that Private Google Access reaches
/// from nodes without external IPs (www.gstatic.com); false means nodes need Cloud NAT to reach it.</param>
public sealed record JwksDestination(string Host, int Port, string Reason, bool ViaPrivateGoogleAccess);

/// <summary>
/// Decides which JWKS hosts outside the cluster the mesh must reach under <c>network.egress: restricted</c>.
/// The VPC firewall then denies all egress except 443 to the restricted VIP (199.36.153.4/30), which does not serve
/// <c>www.gstatic.com</c> nor any non-Google host, so istiod could not fetch the keys and every request carrying an
/// IAP or Dex JWT would be rejected. Needed when:
/// <list type="bullet">
/// <item><c>iap.enabled</c> and <c>iap.verifyJwtInMesh</c>: the IAP keys at
/// <c>https://www.gstatic.com/iap/verify/public_key-jwk</c> (<see cref="Kubernetes.IapInMesh.JwksUri"/>).</item>
/// <item><c>mesh.dex.jwksUri</c> on an external host: not <c>*.svc</c>, <c>*.svc.cluster.local</c> or a single-label
/// (in-cluster short) name. A JWKS URI whose host is an IP literal cannot be an FQDN rule and is not listed.</item>
/// </list>
/// Empty for <c>egress: nat</c> (egress is open) and for <c>provider: existing</c> (the stack manages no firewall).
/// </summary>
public static class JwksEgress
{
    private static readonly string[] InClusterSuffixes = [".svc", ".svc.cluster.local"];

    /// <summary>Deterministic: sorted by host, then port; one entry per (host, port).</summary>
    public static IReadOnlyList<JwksDestination> For(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Provider != ClusterProvider.Gke || config.Network.Egress != EgressMode.Restricted)
        {
            return [];
        }

        var destinations = new List<JwksDestination>();
        if (config.Iap.Enabled && config.Iap.VerifyJwtInMesh &&
            TryHost(Kubernetes.IapInMesh.JwksUri, out var iapHost, out var iapPort))
        {
            destinations.Add(new JwksDestination(iapHost, iapPort, "iap.verifyJwtInMesh", ViaPrivateGoogleAccess: true));
        }

        if (config.Mesh.Dex is { } dex && TryHost(dex.JwksUri, out var dexHost, out var dexPort) && !IsInCluster(dexHost))
        {
            destinations.Add(new JwksDestination(dexHost, dexPort, "mesh.dex.jwksUri", ViaPrivateGoogleAccess: false));
        }

        return
        [
            .. destinations
                .GroupBy(d => (d.Host, d.Port))
                .Select(g => g.First() with
                {
                    Reason = string.Join(", ", g.Select(d => d.Reason).Distinct(StringComparer.Ordinal)),
                    ViaPrivateGoogleAccess = g.All(d => d.ViaPrivateGoogleAccess),
                })
                .OrderBy(d => d.Host, StringComparer.Ordinal)
                .ThenBy(d => d.Port),
        ];
    }

    /// <summary>True when some JWKS host is reachable only through the internet, i.e. nodes need Cloud NAT.</summary>
    public static bool NeedsInternetPath(PlatformConfig config) => For(config).Any(d => !d.ViaPrivateGoogleAccess);

    /// <summary>Cluster-internal names istiod resolves through kube-dns: <c>*.svc</c>, <c>*.svc.cluster.local</c>, short names.</summary>
    public static bool IsInCluster(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.').ToLowerInvariant();
        return !name.Contains('.', StringComparison.Ordinal) ||
            InClusterSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The DNS host and port of an absolute https/http URI; false for relative URIs and IP literals.</summary>
    private static bool TryHost(string uriText, out string host, out int port)
    {
        host = "";
        port = 0;
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        port = uri.Port;
        return host.Length > 0 && port > 0;
    }
}
