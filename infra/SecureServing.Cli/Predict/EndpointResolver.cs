using SecureServing.Core.Config;

namespace SecureServing.Cli.Predict;

/// <summary>
/// Derives a model's URL from the stack configuration.
/// <list type="bullet">
/// <item>IAP-exposed model (<c>exposeViaIap</c> and <c>iap.enabled</c>): <c>https://&lt;iap.hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;:predict</c>;
/// health is <c>GET https://&lt;iap.hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c>, which the path VirtualService
/// rewrites to <c>/v1/models/&lt;model&gt;</c> (seed 000).</item>
/// <item>Otherwise the Knative host that KServe reports as the InferenceService URL: with
/// <c>mesh.disableIstioVirtualHost</c> (the default, seed 003) KServe creates no top-level virtual host and the URL
/// is the predictor's Knative Service <c>&lt;model&gt;-predictor</c>; without it, the top-level host <c>&lt;model&gt;</c>.
/// The host is <c>ingress.domainTemplate</c> (default <c>{{.Name}}-{{.Namespace}}.{{.Domain}}</c>, seed 004) with
/// Domain = <c>ingress.hostname</c>; the path is the KServe v1 protocol <c>/v1/models/&lt;model&gt;[:predict]</c>.</item>
/// </list>
/// </summary>
internal static class EndpointResolver
{
    public static ModelEndpoint Resolve(ModelTarget target, ModelOperation operation, Uri? urlOverride = null)
    {
        if (urlOverride is not null && !IsBaseUrl(urlOverride))
        {
            return new ModelEndpoint(urlOverride, null, RouteKind.Explicit);
        }

        var (route, host, path) = RouteOf(target, operation);
        if (urlOverride is null)
        {
            return new ModelEndpoint(new Uri($"https://{host}{path}"), null, route);
        }

        // --url gave only scheme://host[:port] (e.g. a port-forward to the ingress gateway): keep the configured
        // path and send the configured host as Host, which the gateway's routes match on.
        var builder = new UriBuilder(urlOverride) { Path = path };
        return new ModelEndpoint(builder.Uri, host, route);
    }

    /// <summary>True when <paramref name="url"/> has no path, query or fragment: only scheme and authority.</summary>
    public static bool IsBaseUrl(Uri url) =>
        url.AbsolutePath is "/" or "" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment);

    /// <summary>Parses <c>--url</c>: an absolute http or https URL.</summary>
    public static Uri ParseOverride(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"--url '{value}' is not an absolute http:// or https:// URL.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new UsageException("--url must not contain user:password@; credentials go through --auth.");
        }

        return url;
    }

    private static (RouteKind Route, string Host, string Path) RouteOf(ModelTarget target, ModelOperation operation)
    {
        var (config, team, model) = target;
        var ns = team.Namespace;
        if (config.Iap.Enabled && model.ExposeViaIap)
        {
            if (string.IsNullOrWhiteSpace(config.Iap.Hostname))
            {
                throw new UsageException(
                    $"Model '{model.Name}' is exposed via IAP but secure-serving:iap.hostname is not set in Pulumi.{config.Stack}.yaml; " +
                    "set it, or pass the URL with --url.");
            }

            var iapPath = $"/kfserving/{ns}/{model.Name}";
            return (RouteKind.IapPath, config.Iap.Hostname, operation == ModelOperation.Predict ? iapPath + ":predict" : iapPath);
        }

        var serviceName = config.Mesh.DisableIstioVirtualHost ? $"{model.Name}-predictor" : model.Name;
        var host = KnativeDomainTemplate.Render(config.Ingress.DomainTemplate, serviceName, ns, config.Ingress.Hostname);
        var path = $"/v1/models/{model.Name}";
        return (RouteKind.KnativeHost, host, operation == ModelOperation.Predict ? path + ":predict" : path);
    }
}
