using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Serving;

/// <summary>Which route reaches a model; decides the scheme, host and path.</summary>
public enum ModelRoute
{
    /// <summary>The IAP path route <c>https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c> (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap).</summary>
    IapPath,

    /// <summary>The public Knative host of an exposed model when IAP is off, from <c>ingress.domainTemplate</c> (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/).</summary>
    PublicHost,

    /// <summary>The cluster-local address of a model that is not exposed: <c>http://&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c> (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    ClusterLocal,
}

/// <summary>Where a model is served: scheme and host, and the paths of its predict and health calls.</summary>
public sealed record ModelAddress(ModelRoute Route, string Scheme, string Host, string PredictPath, string HealthPath)
{
    /// <summary><c>POST</c> here to predict.</summary>
    public Uri PredictUrl => new($"{Scheme}://{Host}{PredictPath}");

    /// <summary><c>GET</c> here for the model's readiness.</summary>
    public Uri HealthUrl => new($"{Scheme}://{Host}{HealthPath}");
}

/// <summary>
/// Derives a model's URL from the stack configuration, following what the platform deploys (shared by
/// <c>predict</c>/<c>health</c> and the Pulumi program's stack outputs):
/// <list type="bullet">
/// <item>Exposed model (<c>exposeViaIap</c>) with IAP on: the IAP path route
/// <c>https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;:predict</c>; health is
/// <c>GET https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c>, which the route's VirtualService rewrites
/// to <c>/v1/models/&lt;model&gt;</c> (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap; <see cref="IapPathRoutes"/>).</item>
/// <item>Exposed model with IAP off: the Knative host KServe reports as the InferenceService URL,
/// <c>https://</c> + <c>ingress.domainTemplate</c> (default <c>{{.Name}}-{{.Namespace}}.{{.Domain}}</c>, Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/) with
/// Domain = <c>ingress.hostname</c> and Name = the predictor's Knative Service <c>&lt;model&gt;-predictor</c> (with
/// <c>mesh.disableIstioVirtualHost</c>, the default, KServe makes no top-level host; without it, <c>&lt;model&gt;</c>).</item>
/// <item>Model not exposed: it is cluster-local (no public route at all), so its URL is the cluster-local address
/// <c>http://&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c>, reachable from inside the cluster (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</item>
/// </list>
/// Paths are KServe's v1 protocol: <c>/v1/models/&lt;model&gt;:predict</c> and <c>/v1/models/&lt;model&gt;</c>.
/// </summary>
public static class ModelUrls
{
    /// <summary>
    /// The Knative Service whose route is the model's host: the predictor <c>&lt;model&gt;-predictor</c> with
    /// <c>mesh.disableIstioVirtualHost</c> (no top-level host), else KServe's top-level <c>&lt;model&gt;</c>.
    /// </summary>
    public static string KnativeServiceName(PlatformConfig config, ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        return config.Mesh.DisableIstioVirtualHost ? $"{model.Name}-predictor" : model.Name;
    }

    /// <exception cref="UnsupportedDomainTemplateException">The model is served on a public Knative host and
    /// <c>ingress.domainTemplate</c> uses more than <c>{{.Name}}</c>, <c>{{.Namespace}}</c>, <c>{{.Domain}}</c>.</exception>
    public static ModelAddress For(PlatformConfig config, TeamConfig team, ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(model);

        var modelPath = IapPathRoutes.ModelPath(model.Name);
        var serviceName = KnativeServiceName(config, model);

        if (!model.ExposeViaIap)
        {
            return new ModelAddress(ModelRoute.ClusterLocal, Uri.UriSchemeHttp, $"{serviceName}.{team.Namespace}.svc.cluster.local",
                modelPath + ":predict", modelPath);
        }

        if (config.Iap.Enabled)
        {
            var publicPath = IapPathRoutes.PublicPath(team.Namespace, model.Name);
            return new ModelAddress(ModelRoute.IapPath, Uri.UriSchemeHttps, IapNames.Hostname(config), publicPath + ":predict", publicPath);
        }

        var template = config.Ingress.DomainTemplate;
        if (!KnativeDomainTemplate.TryRender(template, serviceName, team.Namespace, config.Ingress.Hostname, out var host))
        {
            throw new UnsupportedDomainTemplateException(
                $"secure-serving:ingress.domainTemplate '{template}' uses template features other than " +
                "{{.Name}}, {{.Namespace}} and {{.Domain}}, which cannot be evaluated offline. " +
                $"Read the model's URL from the cluster: kubectl get inferenceservice -n {team.Namespace} {model.Name}.");
        }

        return new ModelAddress(ModelRoute.PublicHost, Uri.UriSchemeHttps, host, modelPath + ":predict", modelPath);
    }

    /// <summary>
    /// The predict URL of every model, keyed <c>&lt;team&gt;/&lt;model&gt;</c>, sorted. Models whose URL cannot be
    /// derived offline (see <see cref="For"/>) are left out and named in <paramref name="unresolved"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PredictUrls(PlatformConfig config, out IReadOnlyList<string> unresolved)
    {
        ArgumentNullException.ThrowIfNull(config);
        var urls = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var team in config.Teams)
        {
            foreach (var model in team.Models)
            {
                var key = $"{team.Team}/{model.Name}";
                try
                {
                    urls[key] = For(config, team, model).PredictUrl.ToString();
                }
                catch (UnsupportedDomainTemplateException)
                {
                    missing.Add(key);
                }
            }
        }

        unresolved = missing;
        return urls;
    }
}
