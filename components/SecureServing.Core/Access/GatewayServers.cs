using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>One server of an Istio Gateway, as the gateway pods listen for it.</summary>
/// <param name="Gateway">The Gateway object.</param>
/// <param name="Server">The server entry of its <c>spec.servers</c>, as rendered.</param>
/// <param name="Number">The server's port number (the Service port of the gateway pods).</param>
/// <param name="ContainerPort">The pod port it listens on; null when Service port translation is ambiguous.</param>
/// <param name="Protocol">The server's port protocol (<c>HTTP</c>, <c>HTTPS</c>, ...).</param>
/// <param name="TlsMode">The server's <c>tls.mode</c>; null without TLS.</param>
/// <param name="HttpsRedirect">Whether plain HTTP is answered with a redirect to HTTPS only.</param>
/// <param name="Hosts">The server's hosts (<c>namespace/host</c> as written).</param>
internal sealed record GatewayServer(ClusterObject Gateway, JsonNode Server, int Number, int? ContainerPort, string Protocol, string? TlsMode, bool HttpsRedirect, IReadOnlyList<string> Hosts)
{
    public string GatewayRef => $"{Gateway.Namespace}/{Gateway.Name}";

    public bool Serves(string host) => Hosts.Any(h =>
    {
        var pattern = h.Contains('/', StringComparison.Ordinal) ? h[(h.IndexOf('/', StringComparison.Ordinal) + 1)..] : h;
        return pattern == "*" || (pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase));
    });
}

/// <summary>
/// The Gateway servers that gateway pods listen for: Gateways whose <c>selector</c> selects the pods. A server's port
/// is translated to the <c>targetPort</c> of a Service in front of the pods that has that port, unless the Service is
/// labelled <c>experimental.istio.io/disable-gateway-port-translation: "true"</c>; with no such Service the pods listen
/// on the server's port itself.
/// </summary>
internal static class GatewayServers
{
    public const string DisableTranslationLabel = "experimental.istio.io/disable-gateway-port-translation";

    public static IReadOnlyList<GatewayServer> For(ClusterState state, Workload pods) =>
        state.Memo($"servers:{pods.Namespace}/{pods.Name}", () => Compute(state, pods));

    private static IReadOnlyList<GatewayServer> Compute(ClusterState state, Workload pods)
    {
        var services = state.OfKind("Service", "")
            .Where(s => s.Namespace == pods.Namespace && s.Labels.GetValueOrDefault(DisableTranslationLabel) != "true")
            .Where(s => Json.Map(s.Manifest, "spec", "selector") is { Count: > 0 } sel && Json.Selects(sel, pods.Labels))
            .ToList();
        var result = new List<GatewayServer>();
        foreach (var gateway in state.OfKind("Gateway", "networking.istio.io"))
        {
            var selector = Json.Map(gateway.Manifest, "spec", "selector");
            if (!Json.Selects(selector, pods.Labels))
            {
                continue;
            }

            foreach (var server in Json.Arr(gateway.Manifest, "spec", "servers"))
            {
                var number = Json.Int(server, "port", "number") ?? 0;
                var targets = services
                    .SelectMany(s => Json.Arr(s.Manifest, "spec", "ports").Where(p => Json.Int(p, "port") == number).Select(p => Json.Int(p, "targetPort") ?? number))
                    .Distinct()
                    .ToList();
                int? container = targets.Count switch { 0 => number, 1 => targets[0], _ => null };
                result.Add(new GatewayServer(gateway, server, number, container, (Json.Str(server, "port", "protocol") ?? "HTTP").ToUpperInvariant(),
                    Json.Str(server, "tls", "mode"), Json.Bool(server, "tls", "httpsRedirect") == true, Json.Strings(server, "hosts")));
            }
        }

        return result;
    }
}
