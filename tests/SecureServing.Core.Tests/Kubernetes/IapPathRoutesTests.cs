using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class IapPathRoutesTests
{
    /// <summary>
    /// What the public gateway does with a request for the IAP hostname, by Istio's rules: every matching route of every
    /// VirtualService bound to the gateway for that host; an exact match rewrites the whole path, a prefix match
    /// replaces the matched prefix. Returns (authority, path, destination) of each matching route.
    /// </summary>
    private static List<(string Authority, string Path, string Destination)> Route(KubernetesPlan plan, string host, string path) =>
    [
        .. plan.OfKind("VirtualService")
            .Where(vs => vs.Strings("spec.gateways").Contains("istio-system/public-gateway") && vs.Strings("spec.hosts").Contains(host))
            .SelectMany(vs => vs.At("spec.http")!.AsArray())
            .Select(route => (Route: route!, Uri: PlanQueries.At(route, "match.0.uri")!))
            .Where(r => r.Uri["exact"] is { } exact ? exact.GetValue<string>() == path : path.StartsWith(r.Uri["prefix"]!.GetValue<string>(), StringComparison.Ordinal))
            .Select(r =>
            {
                var rewrite = PlanQueries.At(r.Route, "rewrite.uri")!.GetValue<string>();
                var newPath = r.Uri["exact"] is not null ? rewrite : rewrite + path[r.Uri["prefix"]!.GetValue<string>().Length..];
                return (PlanQueries.At(r.Route, "rewrite.authority")!.GetValue<string>(), newPath, PlanQueries.At(r.Route, "route.0.destination.host")!.GetValue<string>());
            }),
    ];

    private static PlatformConfig DevWith(params ModelConfig[] models) => TestConfigs.Dev().WithTeams(TestConfigs.Team(models: models));

    [Theory]
    [InlineData("/kfserving/fraud-models/sklearn-iris:predict", "/v1/models/sklearn-iris:predict")]
    [InlineData("/kfserving/fraud-models/sklearn-iris:explain", "/v1/models/sklearn-iris:explain")]
    [InlineData("/kfserving/fraud-models/sklearn-iris", "/v1/models/sklearn-iris")]
    public void Public_path_is_rewritten_to_the_models_v1_path_through_the_local_gateway(string path, string expected)
    {
        var route = Assert.Single(Route(PlanOf(TestConfigs.Dev()), "models.dev.example.com", path));

        Assert.Equal(("sklearn-iris-predictor.fraud-models.svc.cluster.local", expected, "knative-local-gateway.istio-system.svc.cluster.local"), route);
    }

    [Fact]
    public void A_model_whose_name_extends_another_is_never_caught_by_its_route()
    {
        var plan = PlanOf(DevWith(TestConfigs.Model("iris"), TestConfigs.Model("iris-v2")));

        var route = Assert.Single(Route(plan, "models.dev.example.com", "/kfserving/fraud-models/iris-v2:predict"));

        Assert.Equal(("iris-v2-predictor.fraud-models.svc.cluster.local", "/v1/models/iris-v2:predict"), (route.Authority, route.Path));
        Assert.Empty(Route(plan, "models.dev.example.com", "/kfserving/fraud-models/iris-v3:predict"));
    }

    [Fact]
    public void Route_lives_in_the_team_namespace_on_the_public_gateway_in_the_plan()
    {
        var plan = PlanOf(TestConfigs.Dev());

        var vs = plan.Single("VirtualService", "fraud-models", "sklearn-iris-iap");

        Assert.Equal("team:fraud", vs.Owner);
        var gateway = vs.Strings("spec.gateways").Single().Split('/');
        Assert.NotNull(plan.Find("Gateway", gateway[0], gateway[1]));
        Assert.Equal(80, vs.At("spec.http.0.route.0.destination.port.number")!.GetValue<int>());
    }

    [Fact]
    public void Only_exposed_models_get_a_route()
    {
        var plan = PlanOf(DevWith(TestConfigs.Model("public", iap: true), TestConfigs.Model("private", iap: false)));

        Assert.Equal(["public-iap"], plan.OfKind("VirtualService").Select(v => v.Name));
    }
}
