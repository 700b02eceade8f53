namespace SecureServing.Cli.Predict;

/// <summary>Explanations of calls that got no HTTP answer: DNS, refused or failed connections, TLS, timeouts.</summary>
internal static class NetworkFailureHints
{
    public static IReadOnlyList<string> Explain(CallContext context, NetworkFailure failure)
    {
        var url = context.Endpoint.Url;
        var config = context.Target.Config;
        var model = context.Target.Model.Name;
        return failure.Kind switch
        {
            NetworkFailureKind.Timeout =>
            [
                $"No response from {context.Endpoint} within {context.Timeout.TotalSeconds:0.##} s (--timeout).",
                "A predictor scaling up or loading a large model can take minutes on its first call: retry with a longer --timeout, " +
                $"and check readiness with `kubectl -n {context.Namespace} get inferenceservice {model}`.",
            ],
            NetworkFailureKind.ConnectionRefused =>
            [
                $"Connection refused by {url.Authority}: nothing listens there.",
                context.Endpoint.HostHeader is not null || context.Endpoint.Route == RouteKind.Explicit
                    ? "If --url points at a `kubectl port-forward`, check that it is still running and uses this port."
                    : "The ingress load balancer may not be provisioned yet, or DNS points at an old address.",
            ],
            NetworkFailureKind.NameResolution =>
            [
                $"Cannot resolve {url.Host}: {failure.Detail}.",
                context.Endpoint.Route switch
                {
                    RouteKind.IapPath =>
                        $"{url.Host} is the IAP hostname (secure-serving:iap.hostname in {context.StackFile}): give it a DNS record for the IAP load balancer's address.",
                    RouteKind.PublicHost =>
                        $"Knative hosts need a wildcard DNS record *.{config.Ingress.Hostname} for the ingress gateway's address " +
                        $"(secure-serving:ingress.hostname in {context.StackFile}).",
                    RouteKind.ClusterLocal =>
                        $"'{model}' is cluster-local (`exposeViaIap: false` in {context.TeamFile}): it has no public route, and {url.Host} " +
                        $"resolves only inside the cluster. Run predict from a pod in an allowed namespace, or expose the model with `exposeViaIap: true`.",
                    _ => "Check the host in --url.",
                },
            ],
            NetworkFailureKind.Tls =>
            [
                $"TLS handshake with {context.RoutedHost} failed: {failure.Detail}",
                url.Scheme == Uri.UriSchemeHttps && (context.Endpoint.HostHeader is not null || context.Endpoint.Route == RouteKind.Explicit)
                    ? "If --url points at a plain-HTTP port (e.g. a port-forward to port 80), use http://."
                    : $"The certificate for {context.RoutedHost} may still be being issued, or may not cover this host: Knative hosts need " +
                      $"*.{config.Ingress.Hostname} on the ingress certificate (secure-serving:ingress.tls, secret istio-system/{config.Ingress.TlsSecret}).",
            ],
            NetworkFailureKind.Protocol =>
            [
                $"{url.Authority} did not answer with valid HTTP: {failure.Detail}",
                "An https:// URL to a plain-HTTP port, or the reverse, fails like this.",
            ],
            _ =>
            [
                $"Could not connect to {url.Authority}: {failure.Detail}",
            ],
        };
    }
}
