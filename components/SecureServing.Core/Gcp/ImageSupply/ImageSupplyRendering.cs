using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="ImageSupplySpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class ImageSupplyRendering
{
    public static IEnumerable<RenderedResource> Render(this ImageSupplySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var r in spec.Repositories)
        {
            var docker = new PropertyBag().Add("publicRepository", r.PublicRepository);
            if (r.CustomUri is { } uri)
            {
                docker.Add("customRepository", new PropertyBag().Add("uri", uri));
            }

            yield return new PropertyBag()
                .Add("project", r.Project)
                .Add("location", r.Location)
                .Add("repositoryId", r.RepositoryId)
                .Add("description", r.Description)
                .Add("format", r.Format)
                .Add("mode", r.Mode)
                .Add("remoteRepositoryConfig", new PropertyBag()
                    .Add("description", r.UpstreamDescription)
                    .Add("dockerRepository", docker))
                .Add("kmsKeyName", r.KmsKey?.Rendered)
                .Add("labels", r.Labels)
                .Resource(GcpResourceTypes.ArtifactRegistryRepository, r.LogicalName);
        }

        foreach (var reader in spec.Readers)
        {
            yield return new PropertyBag()
                .Add("project", reader.Project)
                .Add("location", reader.Location)
                .Add("repository", reader.Repository)
                .Add("role", reader.Role)
                .Add("member", reader.Member)
                .Resource(GcpResourceTypes.ArtifactRegistryRepositoryIamMember, reader.LogicalName);
        }

        if (spec.VpcscConfig is { } vpcsc)
        {
            yield return new PropertyBag()
                .Add("project", vpcsc.Project)
                .Add("location", vpcsc.Location)
                .Add("vpcscPolicy", vpcsc.VpcscPolicy)
                .Resource(GcpResourceTypes.ArtifactRegistryVpcscConfig, vpcsc.LogicalName);
        }
    }
}
