using SecureServing.Core.Serving;

namespace SecureServing.Cli.Predict;

/// <summary>
/// Resolves where a predict/health call goes: the model's URL from the stack configuration
/// (<see cref="ModelUrls"/>, shared with the Pulumi program's stack outputs), or a <c>--url</c> override. The URL follows what the platform deploys:
/// <list type="bullet">
/// <item>Exposed model (<c>exposeViaIap</c>) with IAP on: the IAP path route
/// <c>https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;:predict</c>; health is
/// <c>GET https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c>, which the route's VirtualService rewrites
/// to <c>/v1/models/&lt;model&gt;</c> (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap; <see cref="Core.Kubernetes.IapPathRoutes"/>).</item>
/// <item>Exposed model with IAP off: the Knative host KServe reports as the InferenceService URL,
/// <c>https://</c> + <c>ingress.domainTemplate</c> (default <c>{{.Name}}-{{.Namespace}}.{{.Domain}}</c>, Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/) with
/// Domain = <c>ingress.hostname</c> and Name = the predictor's Knative Service <c>&lt;model&gt;-predictor</c> (with
/// <c>mesh.disableIstioVirtualHost</c>, the default, KServe makes no top-level host; without it, <c>&lt;model&gt;</c>).</item>
/// <item>Model not exposed: it is cluster-local (no public route at all), so its URL is the cluster-local address
/// <c>http://&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c>, reachable from inside the cluster (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</item>
/// </list>
/// Paths are KServe's v1 protocol: <c>/v1/models/&lt;model&gt;:predict</c> and <c>/v1/models/&lt;model&gt;</c>.
/// </summary>
internal static class EndpointResolver
{
    public static ModelEndpoint Resolve(ModelTarget target, ModelOperation operation, Uri? urlOverride = null)
    {
        if (urlOverride is not null && !IsBaseUrl(urlOverride))
        {
            return new ModelEndpoint(urlOverride, null, RouteKind.Explicit);
        }

        var (route, scheme, host, path) = RouteOf(target, operation);
        if (urlOverride is null)
        {
            return new ModelEndpoint(new Uri($"{scheme}://{host}{path}"), null, route);
        }

        // --url gave only scheme://host[:port] (e.g. a port-forward to a gateway): keep the configured path and send
        // the configured host as Host, which the gateway's routes match on.
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

    private static (RouteKind Route, string Scheme, string Host, string Path) RouteOf(ModelTarget target, ModelOperation operation)
    {
        var (config, team, model) = target;
        ModelAddress address;
        try
        {
            address = ModelUrls.For(config, team, model);
        }
        catch (UnsupportedDomainTemplateException)
        {
            throw new UsageException(
                $"secure-serving:ingress.domainTemplate '{config.Ingress.DomainTemplate}' uses template features other than " +
                "{{.Name}}, {{.Namespace}} and {{.Domain}}, which predict cannot evaluate offline. " +
                "Pass the model's URL with --url (kubectl get inferenceservice -n <namespace> <model> shows it).");
        }

        var route = address.Route switch
        {
            ModelRoute.IapPath => RouteKind.IapPath,
            ModelRoute.PublicHost => RouteKind.PublicHost,
            _ => RouteKind.ClusterLocal,
        };
        return (route, address.Scheme, address.Host, operation == ModelOperation.Predict ? address.PredictPath : address.HealthPath);
    }
}
