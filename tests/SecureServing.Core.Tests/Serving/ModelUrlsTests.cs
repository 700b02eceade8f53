using SecureServing.Core.Config;
using SecureServing.Core.Serving;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Serving;

/// <summary>Model URLs shared by predict/health and the Pulumi program's <c>modelUrls</c> output.</summary>
public sealed class ModelUrlsTests
{
    [Fact]
    public void An_exposed_model_behind_iap_is_reached_on_the_iap_path_route()
    {
        var config = TestConfigs.Dev() with { Teams = [TestConfigs.Team(models: TestConfigs.Model("iris", iap: true))] };
        var team = config.Teams[0];

        var address = ModelUrls.For(config, team, team.Models[0]);

        Assert.Equal(ModelRoute.IapPath, address.Route);
        Assert.Equal(new Uri($"https://{config.Iap.Hostname ?? config.Ingress.Hostname}/kfserving/fraud-models/iris:predict"), address.PredictUrl);
        Assert.Equal(new Uri($"https://{config.Iap.Hostname ?? config.Ingress.Hostname}/kfserving/fraud-models/iris"), address.HealthUrl);
    }

    [Theory]
    [InlineData(true, "iris-predictor")]
    [InlineData(false, "iris")]
    public void Without_iap_an_exposed_model_is_served_on_its_knative_host(bool disableIstioVirtualHost, string service)
    {
        var dev = TestConfigs.Dev();
        var config = dev with
        {
            Iap = dev.Iap with { Enabled = false },
            Mesh = dev.Mesh with { DisableIstioVirtualHost = disableIstioVirtualHost },
            Ingress = dev.Ingress with { Hostname = "models.example.org", DomainTemplate = "{{.Name}}-{{.Namespace}}.{{.Domain}}" },
            Teams = [TestConfigs.Team(models: TestConfigs.Model("iris", iap: true))],
        };

        var address = ModelUrls.For(config, config.Teams[0], config.Teams[0].Models[0]);

        Assert.Equal(ModelRoute.PublicHost, address.Route);
        Assert.Equal(new Uri($"https://{service}-fraud-models.models.example.org/v1/models/iris:predict"), address.PredictUrl);
    }

    [Fact]
    public void A_model_that_is_not_exposed_has_only_its_cluster_local_address()
    {
        var config = TestConfigs.Dev() with { Teams = [TestConfigs.Team(models: TestConfigs.Model("iris", iap: false))] };

        var address = ModelUrls.For(config, config.Teams[0], config.Teams[0].Models[0]);

        Assert.Equal(ModelRoute.ClusterLocal, address.Route);
        Assert.Equal(new Uri("http://iris-predictor.fraud-models.svc.cluster.local/v1/models/iris:predict"), address.PredictUrl);
    }

    [Fact]
    public void A_domain_template_that_cannot_be_evaluated_offline_is_refused_and_left_out_of_the_url_list()
    {
        var dev = TestConfigs.Dev();
        var config = dev with
        {
            Iap = dev.Iap with { Enabled = false },
            Ingress = dev.Ingress with { DomainTemplate = "{{.Name}}.{{index .Annotations \"team\"}}.{{.Domain}}" },
            Teams = [TestConfigs.Team(models: [TestConfigs.Model("iris", iap: true), TestConfigs.Model("local", iap: false)])],
        };

        var error = Assert.Throws<UnsupportedDomainTemplateException>(() => ModelUrls.For(config, config.Teams[0], config.Teams[0].Models[0]));
        Assert.Contains("secure-serving:ingress.domainTemplate", error.Message, StringComparison.Ordinal);

        var urls = ModelUrls.PredictUrls(config, out var unresolved);
        Assert.Equal(["fraud/iris"], unresolved);
        Assert.Equal(["fraud/local"], urls.Keys);
    }
}
