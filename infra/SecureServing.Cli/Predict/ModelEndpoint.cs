namespace SecureServing.Cli.Predict;

/// <summary>Which route a URL goes through; decides the default auth mode and the failure hints.</summary>
internal enum RouteKind
{
    /// <summary>The IAP path route <c>https://&lt;iap hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c> (KServe sample "KFServing GCP/IAP Example", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap).</summary>
    IapPath,

    /// <summary>The public Knative host of an exposed model when IAP is off, from <c>ingress.domainTemplate</c> (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/).</summary>
    PublicHost,

    /// <summary>The cluster-local address of a model that is not exposed: <c>http://&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c> (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    ClusterLocal,

    /// <summary>A full URL given with <c>--url</c>; used exactly as given.</summary>
    Explicit,
}

/// <summary>
/// Where a call goes. <paramref name="HostHeader"/> is set when <c>--url</c> replaced only the scheme and authority
/// (a port-forward to a gateway): the gateway still routes on the configured host.
/// </summary>
internal sealed record ModelEndpoint(Uri Url, string? HostHeader, RouteKind Route)
{
    public override string ToString() => HostHeader is null ? Url.ToString() : $"{Url} (Host: {HostHeader})";
}
