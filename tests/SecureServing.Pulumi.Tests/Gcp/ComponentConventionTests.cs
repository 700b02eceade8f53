using Pulumi;
using SecureServing.Components.Gcp;
using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>
/// One component per concern, children parented to their component and named with its prefix,
/// outputs registered, <c>protect</c> exactly on the critical resources of prod.
/// </summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class ComponentConventionTests(ShippedRuns runs)
{
    private static readonly string[] ComponentTypes =
    [
        ServicesComponent.TypeToken, NetworkComponent.TypeToken, KmsComponent.TypeToken, NotificationsComponent.TypeToken,
        BinaryAuthorizationComponent.TypeToken, ClusterComponent.TypeToken, FirewallComponent.TypeToken,
        RegistryDnsComponent.TypeToken, ImageSupplyComponent.TypeToken, PerimeterComponent.TypeToken, IapComponent.TypeToken, TeamIdentityComponent.TypeToken,
    ];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_gcp_resource_is_a_name_prefixed_child_of_its_concerns_component(string stack)
    {
        var run = runs[stack];
        Assert.NotEmpty(run.GcpRegistrations);
        foreach (var registration in run.GcpRegistrations)
        {
            var parent = run.OptionsOf(registration.Name!).Parent;
            Assert.NotNull(parent);
            Assert.Contains(parent.GetResourceType(), ComponentTypes);
            Assert.StartsWith(parent.GetResourceName() + "-", registration.Name, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_concern_is_one_component_named_as_the_plan_says_and_registers_its_outputs(string stack)
    {
        var run = runs[stack];
        var components = run.Mocks.Registered.Where(r => r.Type!.StartsWith("secure-serving:gcp:", StringComparison.Ordinal))
            .Select(r => (r.Type!, r.Name!)).Order().ToList();
        Assert.Equal(
            new[]
            {
                (ClusterComponent.TypeToken, ClusterSpec.Component), (FirewallComponent.TypeToken, FirewallSpec.Component),
                (IapComponent.TypeToken, IapSpec.Component), (ImageSupplyComponent.TypeToken, ImageSupplySpec.Component),
                (NetworkComponent.TypeToken, NetworkSpec.Component),
                (PerimeterComponent.TypeToken, PerimeterSpec.Component), (RegistryDnsComponent.TypeToken, RegistryDnsSpec.Component),
                (ServicesComponent.TypeToken, ProjectServicesSpec.Component),
                (KmsComponent.TypeToken, KmsSpec.Component), (NotificationsComponent.TypeToken, NotificationsSpec.Component),
                (BinaryAuthorizationComponent.TypeToken, BinaryAuthorizationSpec.Component),
                (TeamIdentityComponent.TypeToken, "team-fraud"), (TeamIdentityComponent.TypeToken, "team-recsys"),
            }.Order(),
            components);

        var urns = run.Mocks.OutputRegistrations.Select(o => o.Urn).ToList();
        foreach (var (type, name) in components)
        {
            Assert.Contains(urns, urn => urn.EndsWith($"{type}::{name}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Prod_protects_exactly_the_cluster_its_node_pools_keys_admission_policy_perimeter_and_dns_zones()
    {
        var run = runs["prod"];
        var protectedNames = run.GcpRegistrations.Where(r => run.OptionsOf(r.Name!).Protect == true).Select(r => r.Name!).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "binary-authorization-policy", "cluster-gke", "cluster-pool-serving", "cluster-pool-system-default-pool", "kms-boot-disks-key", "kms-buckets-key", "kms-images-key", "kms-key-ring", "kms-notifications-key", "kms-secrets-key",
                "perimeter-level-ss-prod-builders", "perimeter-service-perimeter",
                "registry-dns-gcr-io-zone", "registry-dns-googleapis-com-zone", "registry-dns-pkg-dev-zone",
            ],
            protectedNames);
    }

    [Fact]
    public void Dev_protects_nothing()
    {
        var run = runs["dev"];
        Assert.DoesNotContain(run.Options.Values, o => o.Protect == true);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Component_options_pass_through_to_every_child(string stack)
    {
        var run = runs[stack];
        // The composition gives the firewall component a dependency on the compute API; each rule inherits it.
        Assert.Equal(["services-compute"], await run.DependsOnOf(FirewallSpec.Component));
        foreach (var rule in run.OfType(GcpResourceTypes.Firewall))
        {
            Assert.Equal(["services-compute"], await run.DependsOnOf(rule.Name!));
        }
    }
}
