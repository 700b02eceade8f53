using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class ServicesPlanTests
{
    [Fact]
    public void The_stack_enables_the_apis_it_uses()
    {
        var services = GcpPlanner.Plan(TestConfigs.Dev()).OfType(GcpResourceTypes.ProjectService).Select(s => s.Str("service")).ToList();

        foreach (var api in new[]
        {
            "container.googleapis.com", "compute.googleapis.com", "dns.googleapis.com", "accesscontextmanager.googleapis.com",
            "iap.googleapis.com", "artifactregistry.googleapis.com", "iamcredentials.googleapis.com", "storage.googleapis.com",
        })
        {
            Assert.Contains(api, services);
        }

        Assert.Equal(services.Count, services.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Destroying_the_stack_never_disables_an_api()
    {
        var services = GcpPlanner.Plan(TestConfigs.Prod()).OfType(GcpResourceTypes.ProjectService);

        Assert.NotEmpty(services);
        Assert.All(services, s =>
        {
            Assert.False(s.Bool("disableOnDestroy"));
            Assert.False(s.Bool("disableDependentServices"));
        });
    }

    [Fact]
    public void Existing_clusters_do_not_enable_gke_or_dns()
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } };
        var services = RequiredServices.Plan(config).Services.Select(s => s.Service).ToList();

        Assert.DoesNotContain("container.googleapis.com", services);
        Assert.DoesNotContain("dns.googleapis.com", services);
        Assert.Contains("accesscontextmanager.googleapis.com", services);
    }
}
