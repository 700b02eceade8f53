using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Artifact Registry remote repositories for the images the stack pulls inside the perimeter.</summary>
public sealed class ImageSupplyPlanTests
{
    private static PlatformConfig Installing() => TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } };

    [Fact]
    public void One_docker_remote_repository_per_proxied_registry_in_the_stacks_project_and_region()
    {
        var plan = GcpPlanner.Plan(Installing());

        var repositories = plan.OfType(GcpResourceTypes.ArtifactRegistryRepository);
        Assert.Equal(["image-supply-docker-io", "image-supply-quay-io", "image-supply-gcr-io", "image-supply-ghcr-io"], repositories.Select(r => r.Name));
        Assert.Equal(["ss-dev-docker-io", "ss-dev-quay-io", "ss-dev-gcr-io", "ss-dev-ghcr-io"], repositories.Select(r => r.Str("repositoryId")));
        Assert.All(repositories, r =>
        {
            Assert.Equal(("acme-ml-dev", "europe-west4", "DOCKER", "REMOTE_REPOSITORY"), (r.Str("project"), r.Str("location"), r.Str("format"), r.Str("mode")));
            Assert.NotNull(r.Str("description"));
        });
        Assert.Equal("DOCKER_HUB", plan.Single("image-supply-docker-io").Str("remoteRepositoryConfig.dockerRepository.publicRepository"));
        Assert.Null(plan.Single("image-supply-docker-io").At("remoteRepositoryConfig.dockerRepository.customRepository"));
        Assert.Equal("https://quay.io", plan.Single("image-supply-quay-io").Str("remoteRepositoryConfig.dockerRepository.customRepository.uri"));
        Assert.Equal("https://gcr.io", plan.Single("image-supply-gcr-io").Str("remoteRepositoryConfig.dockerRepository.customRepository.uri"));
        Assert.Equal("https://ghcr.io", plan.Single("image-supply-ghcr-io").Str("remoteRepositoryConfig.dockerRepository.customRepository.uri"));
    }

    [Fact]
    public void Only_the_node_service_account_reads_them()
    {
        var plan = GcpPlanner.Plan(Installing());

        var readers = plan.OfType(GcpResourceTypes.ArtifactRegistryRepositoryIamMember);
        Assert.Equal(4, readers.Count);
        Assert.All(readers, reader =>
        {
            Assert.Equal("roles/artifactregistry.reader", reader.Str("role"));
            Assert.Equal("${cluster-node-sa.member}", reader.Str("member"));
            Assert.Equal($"${{{reader.Name[..^"-reader".Length]}.name}}", reader.Str("repository"));
        });
        Assert.DoesNotContain(plan.Resources, r => r.Type == GcpResourceTypes.ArtifactRegistryRepositoryIamMember && r.Str("member") != "${cluster-node-sa.member}");
    }

    [Fact]
    public void The_artifact_registry_vpc_sc_setting_allows_upstreams_while_the_perimeter_restricts_artifact_registry()
    {
        var config = Installing();

        var vpcsc = GcpPlanner.Plan(config).Single("image-supply-vpcsc");
        var unrestricted = config with { Perimeter = config.Perimeter with { RestrictedServices = ["storage.googleapis.com"] } };

        Assert.Equal(GcpResourceTypes.ArtifactRegistryVpcscConfig, vpcsc.Type);
        Assert.Equal(("acme-ml-dev", "europe-west4", "ALLOW"), (vpcsc.Str("project"), vpcsc.Str("location"), vpcsc.Str("vpcscPolicy")));
        Assert.DoesNotContain(GcpPlanner.Plan(unrestricted).Resources, r => r.Type == GcpResourceTypes.ArtifactRegistryVpcscConfig);
        Assert.Contains(GcpPlanner.Plan(unrestricted).Resources, r => r.Type == GcpResourceTypes.ArtifactRegistryRepository);
    }

    [Fact]
    public void No_repositories_without_the_installed_stack_with_nat_or_on_an_existing_cluster()
    {
        var installing = Installing();

        foreach (var config in new[]
        {
            TestConfigs.Dev(),
            installing with { Network = installing.Network with { Egress = EgressMode.Nat } },
            installing with { Cluster = installing.Cluster with { Provider = ClusterProvider.Existing } },
        })
        {
            var resources = GcpPlanner.Plan(config).Resources;
            Assert.NotEmpty(resources);
            Assert.DoesNotContain(resources, r => r.Name.StartsWith("image-supply-", StringComparison.Ordinal));
            Assert.DoesNotContain(resources, r => r.Type is GcpResourceTypes.ArtifactRegistryRepository or GcpResourceTypes.ArtifactRegistryVpcscConfig);
        }
    }

    [Fact]
    public void The_repositories_follow_registry_dns_and_the_readers_follow_the_node_service_account()
    {
        var names = GcpPlanner.Plan(Installing()).Resources.Select(r => r.Name).ToList();

        Assert.True(names.IndexOf("cluster-node-sa") < names.IndexOf("image-supply-docker-io-reader"));
        Assert.True(names.FindLastIndex(n => n.StartsWith("registry-dns-", StringComparison.Ordinal)) < names.IndexOf("image-supply-docker-io"));
        Assert.True(names.IndexOf("image-supply-vpcsc") < names.FindIndex(n => n.StartsWith("perimeter-", StringComparison.Ordinal)));
    }
}
