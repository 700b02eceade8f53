namespace SecureServing.Core.Access;

/// <summary>What a client proxy sends to a destination: Istio mTLS (with its identity) or not.</summary>
internal enum ClientTlsMode { IstioMutual, Plain }

/// <summary>
/// Client-side TLS (istio.io/latest/docs/ops/configuration/traffic-management/tls-configuration/): a DestinationRule's
/// <c>trafficPolicy.tls.mode</c> for the destination host (looked up in the client's namespace, then the Service's,
/// then the root namespace; the most specific host wins), else auto mTLS: Istio mTLS exactly when the destination pods
/// have a sidecar whose mode is not DISABLE. Pods without a proxy (out-of-mesh callers, Google's load balancer) never
/// send Istio mTLS; their own TLS to an HTTPS listener is assumed to work (they trust its CA). Gateway pods are not
/// sidecars: auto mTLS sends them plaintext.
/// </summary>
internal static class ClientTls
{
    public static (ClientTlsMode? Mode, ObjectRef? By, string Why) Decide(ClusterState state, Workload? client, string destinationHost, Workload destination, int port)
    {
        if (client is not { Proxied: true })
        {
            return (ClientTlsMode.Plain, null, "the caller has no Istio proxy");
        }

        var serviceNamespace = ServiceHosts.Parse(destinationHost, client.Namespace)?.Namespace;
        foreach (var ns in new[] { client.Namespace, serviceNamespace, ClusterState.RootNamespace }.Where(n => n is not null).Distinct(StringComparer.Ordinal))
        {
            var rule = state.OfKind("DestinationRule", "networking.istio.io")
                .Where(d => d.Namespace == ns)
                .Select(d => (Rule: d, Score: HostScore(Json.Str(d.Manifest, "spec", "host") ?? "", d.Namespace!, destinationHost)))
                .Where(d => d.Score >= 0)
                .OrderByDescending(d => d.Score)
                .Select(d => d.Rule)
                .FirstOrDefault();
            if (rule is null)
            {
                continue;
            }

            if (Json.At(rule.Manifest, "spec", "trafficPolicy", "portLevelSettings") is not null || Json.At(rule.Manifest, "spec", "subsets") is not null)
            {
                return (null, rule.Ref, "DestinationRule port-level settings and subsets are not modeled");
            }

            var mode = Json.Str(rule.Manifest, "spec", "trafficPolicy", "tls", "mode");
            switch (mode)
            {
                case "ISTIO_MUTUAL":
                    return (ClientTlsMode.IstioMutual, rule.Ref, "its DestinationRule requires ISTIO_MUTUAL");
                case "DISABLE" or "SIMPLE" or "MUTUAL":
                    return (ClientTlsMode.Plain, rule.Ref, $"its DestinationRule sets tls {mode}");
                case null:
                    break;
                default:
                    return (null, rule.Ref, $"DestinationRule tls mode {mode} is not modeled");
            }

            break;
        }

        var server = destination.HasSidecar ? PeerAuthentications.Mode(state, destination, port).Mode : MtlsMode.Disable;
        return server is MtlsMode.Disable
            ? (ClientTlsMode.Plain, null, "auto mTLS: the destination has no sidecar (or DISABLE), so plaintext")
            : (ClientTlsMode.IstioMutual, null, "auto mTLS: the destination has a sidecar");
    }

    /// <summary>How well a DestinationRule host matches: -1 no match, higher is more specific.</summary>
    private static int HostScore(string pattern, string ruleNamespace, string host)
    {
        if (pattern == "*")
        {
            return 0;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) ? pattern.Length : -1;
        }

        var full = pattern.Contains('.', StringComparison.Ordinal) ? pattern : $"{pattern}.{ruleNamespace}.svc.cluster.local";
        return ServiceHosts.Same(full, host) ? 1000 : -1;
    }
}
