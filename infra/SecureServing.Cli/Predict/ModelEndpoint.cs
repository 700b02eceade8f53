namespace SecureServing.Cli.Predict;

/// <summary>Which route a URL goes through; decides the default auth mode and the failure hints.</summary>
internal enum RouteKind
{
    /// <summary>The IAP path route <c>https://&lt;iap.hostname&gt;/kfserving/&lt;ns&gt;/&lt;model&gt;</c> (seed 000).</summary>
    IapPath,

    /// <summary>The Knative host of the predictor, from <c>ingress.domainTemplate</c> (seed 004).</summary>
    KnativeHost,

    /// <summary>A full URL given with <c>--url</c>; used exactly as given.</summary>
    Explicit,
}

/// <summary>
/// Where a call goes. <paramref name="HostHeader"/> is set when <c>--url</c> replaced only the scheme and authority
/// (a port-forward to the ingress gateway): the gateway still routes on the configured host.
/// </summary>
internal sealed record ModelEndpoint(Uri Url, string? HostHeader, RouteKind Route)
{
    public override string ToString() => HostHeader is null ? Url.ToString() : $"{Url} (Host: {HostHeader})";
}
