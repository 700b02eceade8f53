using SecureServing.Cli.Predict;
using SecureServing.Core.Config;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>Which URL a model gets from the stack configuration, and what <c>--url</c> changes.</summary>
public sealed class EndpointResolverTests
{
    private static ModelEndpoint Resolve(PlatformConfig config, string model, ModelOperation operation = ModelOperation.Predict, string? url = null) =>
        EndpointResolver.Resolve(ModelTarget.Find(config, "fraud", model), operation, url is null ? null : EndpointResolver.ParseOverride(url));

    [Fact]
    public void Exposed_model_with_iap_uses_the_iap_path_route()
    {
        var endpoint = Resolve(TestStack.Dev(), "sklearn-iris");

        Assert.Equal("https://models.dev.example.com/kfserving/fraud-models/sklearn-iris:predict", endpoint.Url.ToString());
        Assert.Equal(RouteKind.IapPath, endpoint.Route);
        Assert.Null(endpoint.HostHeader);
    }

    [Fact]
    public void Health_on_the_iap_route_is_the_bare_model_path_that_the_route_rewrites_to_v1_models()
    {
        Assert.Equal("https://models.dev.example.com/kfserving/fraud-models/sklearn-iris", Resolve(TestStack.Dev(), "sklearn-iris", ModelOperation.Health).Url.ToString());
    }

    [Fact]
    public void Iap_route_uses_the_iap_hostname_when_it_differs_from_the_ingress_hostname()
    {
        var config = TestStack.Dev() with { Iap = TestStack.Dev().Iap with { Hostname = "iap.example.com" } };

        Assert.Equal("iap.example.com", Resolve(config, "sklearn-iris").Url.Host);
    }

    [Fact]
    public void Model_that_is_not_exposed_uses_its_cluster_local_predictor_address()
    {
        var endpoint = Resolve(TestStack.Dev(), "xgb-fraud-score");

        Assert.Equal("http://xgb-fraud-score-predictor.fraud-models.svc.cluster.local/v1/models/xgb-fraud-score:predict", endpoint.Url.ToString());
        Assert.Equal(RouteKind.ClusterLocal, endpoint.Route);
    }

    [Fact]
    public void Exposed_model_without_iap_uses_the_knative_host_of_its_predictor_from_the_domain_template()
    {
        var predict = Resolve(TestStack.WithoutIap(), "sklearn-iris");
        var health = Resolve(TestStack.WithoutIap(), "sklearn-iris", ModelOperation.Health);

        Assert.Equal("https://sklearn-iris-predictor-fraud-models.models.dev.example.com/v1/models/sklearn-iris:predict", predict.Url.ToString());
        Assert.Equal("https://sklearn-iris-predictor-fraud-models.models.dev.example.com/v1/models/sklearn-iris", health.Url.ToString());
        Assert.Equal(RouteKind.PublicHost, predict.Route);
    }

    [Fact]
    public void With_kserve_top_level_virtual_host_on_the_host_is_the_inference_service_name()
    {
        var config = TestStack.WithoutIap() with { Mesh = TestStack.Dev().Mesh with { DisableIstioVirtualHost = false } };

        Assert.Equal("sklearn-iris-fraud-models.models.dev.example.com", Resolve(config, "sklearn-iris").Url.Host);
    }

    [Theory]
    [InlineData("{{.Name}}.{{.Namespace}}.{{.Domain}}", "sklearn-iris-predictor.fraud-models.models.dev.example.com")]
    [InlineData("{{ .Name }}-{{ .Namespace }}.{{ .Domain }}", "sklearn-iris-predictor-fraud-models.models.dev.example.com")]
    [InlineData("{{.Namespace}}--{{.Name}}.{{.Domain}}", "fraud-models--sklearn-iris-predictor.models.dev.example.com")]
    public void Domain_template_fields_are_filled_in(string template, string host)
    {
        var config = TestStack.WithoutIap() with { Ingress = TestStack.Dev().Ingress with { DomainTemplate = template } };

        Assert.Equal(host, Resolve(config, "sklearn-iris").Url.Host);
    }

    [Fact]
    public void Domain_template_with_features_that_cannot_be_evaluated_offline_is_refused()
    {
        var config = TestStack.WithoutIap() with
        {
            Ingress = TestStack.Dev().Ingress with { DomainTemplate = "{{.Name}}.{{index .Annotations \"sub\"}}.{{.Domain}}" },
        };

        var error = Assert.Throws<UsageException>(() => Resolve(config, "sklearn-iris"));
        Assert.Contains("--url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_url_replaces_scheme_and_authority_and_keeps_path_and_host()
    {
        var endpoint = Resolve(TestStack.Dev(), "sklearn-iris", url: "http://127.0.0.1:8080");

        Assert.Equal("http://127.0.0.1:8080/kfserving/fraud-models/sklearn-iris:predict", endpoint.Url.ToString());
        Assert.Equal("models.dev.example.com", endpoint.HostHeader);
        Assert.Equal(RouteKind.IapPath, endpoint.Route);
    }

    [Fact]
    public void Url_with_a_path_is_used_as_given()
    {
        var endpoint = Resolve(TestStack.Dev(), "sklearn-iris", url: "https://other.example.com/custom/path:predict?x=1");

        Assert.Equal("https://other.example.com/custom/path:predict?x=1", endpoint.Url.ToString());
        Assert.Null(endpoint.HostHeader);
        Assert.Equal(RouteKind.Explicit, endpoint.Route);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("/v1/models/x:predict")]
    [InlineData("https://user:pass@example.com/")]
    public void Url_that_is_not_an_absolute_http_url_without_credentials_is_refused(string url)
    {
        Assert.Throws<UsageException>(() => EndpointResolver.ParseOverride(url));
    }

    [Fact]
    public void Team_is_found_by_namespace()
    {
        Assert.Equal("fraud", ModelTarget.Find(TestStack.Dev(), "fraud-models", "sklearn-iris").Team.Team);
    }
}
