using System.Net.Sockets;
using System.Security.Authentication;
using SecureServing.Cli.Predict;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// Classification of failures that cannot be provoked safely on 127.0.0.1 (a DNS lookup would query a real
/// resolver), from the exceptions SocketsHttpHandler raises, and the hints each route gets.
/// </summary>
public sealed class NetworkFailureTests
{
    private static CallContext Context(string model, string? url = null)
    {
        var target = ModelTarget.Find(TestStack.Dev(), "fraud", model);
        var endpoint = EndpointResolver.Resolve(target, ModelOperation.Predict, url is null ? null : EndpointResolver.ParseOverride(url));
        return new CallContext(target, ModelOperation.Predict, endpoint, RequestCredential.None, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Name_resolution_failure_is_a_dns_failure()
    {
        var ex = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (models.dev.example.com:443)",
            new SocketException((int)SocketError.HostNotFound));

        Assert.Equal(NetworkFailureKind.NameResolution, ModelHttpCall.Classify(ex, TimeSpan.Zero).Kind);
    }

    [Fact]
    public void Host_not_found_socket_error_is_a_dns_failure_even_without_the_error_category()
    {
        var ex = new HttpRequestException("Name or service not known", new SocketException((int)SocketError.HostNotFound));

        Assert.Equal(NetworkFailureKind.NameResolution, ModelHttpCall.Classify(ex, TimeSpan.Zero).Kind);
    }

    [Fact]
    public void Authentication_exception_is_a_tls_failure_with_its_reason()
    {
        var ex = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));

        var failure = ModelHttpCall.Classify(ex, TimeSpan.Zero);

        Assert.Equal(NetworkFailureKind.Tls, failure.Kind);
        Assert.Contains("UntrustedRoot", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_failure_on_the_iap_route_points_at_the_iap_hostname_record()
    {
        var lines = NetworkFailureHints.Explain(Context("sklearn-iris"), new NetworkFailure(NetworkFailureKind.NameResolution, "Name or service not known", TimeSpan.Zero));

        Assert.Contains("Cannot resolve models.dev.example.com", lines[0], StringComparison.Ordinal);
        Assert.Contains("secure-serving:iap.hostname in Pulumi.dev.yaml", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_failure_for_a_cluster_local_model_says_it_only_resolves_inside_the_cluster()
    {
        var lines = NetworkFailureHints.Explain(Context("xgb-fraud-score"), new NetworkFailure(NetworkFailureKind.NameResolution, "Name or service not known", TimeSpan.Zero));

        Assert.Contains("Cannot resolve xgb-fraud-score-predictor.fraud-models.svc.cluster.local", lines[0], StringComparison.Ordinal);
        Assert.Contains("is cluster-local (`exposeViaIap: false` in stacks/dev/fraud.yaml)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_failure_on_a_configured_route_points_at_the_certificate()
    {
        var lines = NetworkFailureHints.Explain(Context("sklearn-iris"), new NetworkFailure(NetworkFailureKind.Tls, "UntrustedRoot", TimeSpan.Zero));

        Assert.Contains("TLS handshake with models.dev.example.com failed: UntrustedRoot", lines[0], StringComparison.Ordinal);
        Assert.Contains("secret istio-system/ingress-tls", lines[1], StringComparison.Ordinal);
    }
}
