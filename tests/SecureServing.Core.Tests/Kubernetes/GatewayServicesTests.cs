using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>Neither gateway keeps the public IP Istio's charts give their Services by default.</summary>
public class GatewayServicesTests
{
    [Fact]
    public void With_iap_the_public_gateway_service_is_cluster_ip_behind_the_load_balancer()
    {
        var service = PlanOf(TestConfigs.Dev()).Single("Service", "istio-system", "istio-public-gateway");

        Assert.Equal(ApplyMode.Patch, service.Mode);
        Assert.Equal("ClusterIP", service.Str("spec.type"));
        Assert.Equal("{\"ingress\":true}", service.Annotation("cloud.google.com/neg"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_cluster_local_gateway_service_is_always_cluster_ip(bool iap)
    {
        var config = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = iap } };

        var service = PlanOf(config).Single("Service", "istio-system", "istio-ingressgateway");

        Assert.Equal(ApplyMode.Patch, service.Mode);
        Assert.Equal("ClusterIP", service.Str("spec.type"));
        Assert.Null(service.Manifest["metadata"]!["annotations"]);
    }

    [Fact]
    public void Load_balancer_only_when_asked_and_only_for_the_public_gateway()
    {
        var noIap = TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } };
        var asked = noIap with { Ingress = noIap.Ingress with { LoadBalancerService = true } };

        Assert.Equal("LoadBalancer", PlanOf(asked).Single("Service", "istio-system", "istio-public-gateway").Str("spec.type"));
        Assert.Equal("ClusterIP", PlanOf(asked).Single("Service", "istio-system", "istio-ingressgateway").Str("spec.type"));
        Assert.Equal("ClusterIP", PlanOf(noIap).Single("Service", "istio-system", "istio-public-gateway").Str("spec.type"));
        Assert.Null(PlanOf(noIap).Single("Service", "istio-system", "istio-public-gateway").Manifest["metadata"]!["annotations"]);
    }
}
