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
    public void Existing_clusters_enable_neither_gke_nor_dns_nor_notifications_and_kms_only_for_the_bucket_key()
    {
        var config = TestConfigs.Dev() with { Cluster = TestConfigs.Dev().Cluster with { Provider = ClusterProvider.Existing } };
        var services = ProjectServicesPlanner.Plan(config).Services.Select(s => s.Service).ToList();

        Assert.Equal(
            [
                "accesscontextmanager.googleapis.com", "artifactregistry.googleapis.com", "binaryauthorization.googleapis.com", "cloudkms.googleapis.com",
                "cloudresourcemanager.googleapis.com", "compute.googleapis.com", "iam.googleapis.com", "iamcredentials.googleapis.com", "iap.googleapis.com", "logging.googleapis.com",
                "monitoring.googleapis.com", "storage.googleapis.com", "sts.googleapis.com",
            ],
            services);
    }

    /// <summary>A GCP concern added without its APIs fails here, and so does an API left disabled while a planned
    /// component calls it (the exceptions: a cluster under <c>binaryAuthorization.mode: disabled</c> does not call
    /// Binary Authorization, and kms calls GKE and Pub/Sub only for the keys of a cluster and a topic the stack creates).</summary>
    [Fact]
    public void Every_planned_component_declares_the_apis_it_calls_and_the_plan_enables_them()
    {
        var dev = TestConfigs.Dev();
        var configs = new[]
        {
            dev,
            TestConfigs.Prod(),
            dev with { Cluster = dev.Cluster with { Provider = ClusterProvider.Existing } },
            dev with { Iap = dev.Iap with { Enabled = false } },
            dev with { Serving = new ServingConfig { Install = true }, Network = dev.Network with { Egress = EgressMode.Restricted } },
            dev with
            {
                BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.Disabled },
                Cluster = dev.Cluster with { SecretsEncryption = KmsKeyChoice.None, BootDiskEncryption = KmsKeyChoice.None, Notifications = new ClusterNotificationsConfig { Enabled = false } },
            },
        };

        Assert.Equal(
            [NetworkSpec.Component, KmsSpec.Component, NotificationsSpec.Component, BinaryAuthorizationSpec.Component, ClusterSpec.Component, FirewallSpec.Component,
             RegistryDnsSpec.Component, PerimeterSpec.Component, IapSpec.Component, TeamIdentitySpec.ComponentPrefix],
            PlannedComponents(GcpPlanner.Plan(TestConfigs.Prod())));
        foreach (var config in configs)
        {
            var plan = GcpPlanner.Plan(config);
            var enabled = plan.Services.Services.Select(s => s.Service).ToHashSet(StringComparer.Ordinal);
            foreach (var component in PlannedComponents(plan))
            {
                var apis = ProjectServicesPlanner.ApisCalledBy(component);
                // Calls that only some of a component's resources make, and only when the plan has them: the cluster's
                // evaluation of Binary Authorization; the grants of the cluster keys (GKE agent) and of the topic key
                // (Pub/Sub agent) in kms.
                string[] exempt = component switch
                {
                    ClusterSpec.Component when config.BinaryAuthorization.Mode == BinaryAuthorizationMode.Disabled => ["binaryauthorization.googleapis.com"],
                    KmsSpec.Component =>
                    [
                        .. config.Cluster.Provider == ClusterProvider.Gke ? Array.Empty<string>() : ["container.googleapis.com"],
                        .. NotificationsPlanner.Creates(config) ? Array.Empty<string>() : ["pubsub.googleapis.com"],
                    ],
                    _ => [],
                };
                Assert.All(apis.Where(api => !exempt.Contains(api)), api => Assert.True(enabled.Contains(api), $"{component} calls {api}, which the plan does not enable"));
            }
        }
    }

    [Fact]
    public void A_cluster_without_binary_authorization_neither_enables_nor_waits_for_it_and_an_unknown_component_has_no_apis()
    {
        var config = TestConfigs.Dev() with { BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.Disabled } };

        Assert.DoesNotContain("binaryauthorization.googleapis.com", GcpPlanner.Plan(config).Services.Services.Select(s => s.Service));
        Assert.Contains("binaryauthorization.googleapis.com", ProjectServicesPlanner.ApisCalledBy(ClusterSpec.Component));
        Assert.Throws<ArgumentException>(() => ProjectServicesPlanner.ApisCalledBy("no-such-component"));
    }

    /// <summary>The components of the plan besides <c>services</c>: each planned spec of <see cref="GcpPlan"/> with a
    /// <c>Component</c> constant, and the team prefix when there are teams (read by reflection, so a new concern is covered).</summary>
    private static IEnumerable<string> PlannedComponents(GcpPlan plan)
    {
        foreach (var property in typeof(GcpPlan).GetProperties())
        {
            var value = property.GetValue(plan);
            if (property.PropertyType.GetField("Component")?.GetRawConstantValue() is string component && value is not null && component != ProjectServicesSpec.Component)
            {
                yield return component;
            }
        }

        if (plan.Teams.Count > 0)
        {
            yield return TeamIdentitySpec.ComponentPrefix;
        }
    }
}
