using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered remote repositories, their readers and the Artifact Registry VPC-SC setting for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class ImageSupplyComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "acme-ml-dev", "ss-dev")]
    [InlineData("prod", "acme-ml-prod", "ss-prod")]
    public void Each_proxied_registry_is_a_docker_remote_repository_read_only_by_the_node_service_account(string stack, string project, string deployment)
    {
        var run = runs[stack];
        var nodeMember = (string)run.Mocks.States["cluster-node-sa"]["member"];

        foreach (var (key, publicRepository, uri) in new (string, string?, string?)[] { ("docker-io", "DOCKER_HUB", null), ("quay-io", null, "https://quay.io"), ("gcr-io", null, "https://gcr.io"), ("ghcr-io", null, "https://ghcr.io") })
        {
            var repository = run.Inputs(GcpResourceTypes.ArtifactRegistryRepository, $"image-supply-{key}");
            Assert.Equal((project, "europe-west4", $"{deployment}-{key}", "DOCKER", "REMOTE_REPOSITORY"),
                (Values.Text(repository, "project"), Values.Text(repository, "location"), Values.Text(repository, "repositoryId"), Values.Text(repository, "format"), Values.Text(repository, "mode")));
            Assert.Equal(publicRepository is not null, Values.Has(repository, "remoteRepositoryConfig.dockerRepository.publicRepository"));
            Assert.Equal(uri is not null, Values.Has(repository, "remoteRepositoryConfig.dockerRepository.customRepository.uri"));
            if (uri is not null)
            {
                Assert.Equal(uri, Values.Text(repository, "remoteRepositoryConfig.dockerRepository.customRepository.uri"));
            }

            var reader = run.Inputs(GcpResourceTypes.ArtifactRegistryRepositoryIamMember, $"image-supply-{key}-reader");
            Assert.Equal(("roles/artifactregistry.reader", nodeMember), (Values.Text(reader, "role"), Values.Text(reader, "member")));
            Assert.Equal((string)run.Mocks.States[$"image-supply-{key}"]["name"], Values.Text(reader, "repository"));
        }

        Assert.Equal(4, run.OfType(GcpResourceTypes.ArtifactRegistryRepositoryIamMember).Count());
        var vpcsc = run.Inputs(GcpResourceTypes.ArtifactRegistryVpcscConfig, "image-supply-vpcsc");
        Assert.Equal((project, "europe-west4", "ALLOW"), (Values.Text(vpcsc, "project"), Values.Text(vpcsc, "location"), Values.Text(vpcsc, "vpcscPolicy")));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_component_waits_for_the_artifact_registry_api_only(string stack)
    {
        Assert.Equal(["services-artifactregistry"], await runs[stack].DependsOnOf(ImageSupplySpec.Component));
    }
}
