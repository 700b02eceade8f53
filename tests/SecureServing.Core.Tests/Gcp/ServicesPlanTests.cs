using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class ServicesPlanTests
{
    [Fact]
    public void The_stack_enables_the_apis_it_uses_once_each_in_name_order()
    {
        var services = GcpPlanner.Plan(TestConfigs.Dev()).OfType(GcpResourceTypes.ProjectService).Select(s => (s.Name, s.Str("service")));

        Assert.Equal(
            [
                ("services-accesscontextmanager", "accesscontextmanager.googleapis.com"),
                ("services-artifactregistry", "artifactregistry.googleapis.com"),
                ("services-binaryauthorization", "binaryauthorization.googleapis.com"),
                ("services-cloudkms", "cloudkms.googleapis.com"),
                ("services-cloudresourcemanager", "cloudresourcemanager.googleapis.com"),
                ("services-compute", "compute.googleapis.com"),
                ("services-container", "container.googleapis.com"),
                ("services-dns", "dns.googleapis.com"),
                ("services-iam", "iam.googleapis.com"),
                ("services-iamcredentials", "iamcredentials.googleapis.com"),
                ("services-iap", "iap.googleapis.com"),
                ("services-logging", "logging.googleapis.com"),
                ("services-monitoring", "monitoring.googleapis.com"),
                ("services-pubsub", "pubsub.googleapis.com"),
                ("services-storage", "storage.googleapis.com"),
                ("services-sts", "sts.googleapis.com"),
            ],
            services);
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
    public void Existing_clusters_enable_neither_gke_nor_dns_nor_the_node_keys_and_notifications_apis()
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } };
        var services = RequiredServices.Plan(config).Services.Select(s => s.Service);

        Assert.Equal(
            [
                "accesscontextmanager.googleapis.com", "artifactregistry.googleapis.com", "binaryauthorization.googleapis.com", "cloudresourcemanager.googleapis.com",
                "compute.googleapis.com", "iam.googleapis.com", "iamcredentials.googleapis.com", "iap.googleapis.com", "logging.googleapis.com",
                "monitoring.googleapis.com", "storage.googleapis.com", "sts.googleapis.com",
            ],
            services);
    }
}
