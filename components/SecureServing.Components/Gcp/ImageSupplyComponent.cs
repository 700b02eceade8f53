using Pulumi;
using Pulumi.Gcp.ArtifactRegistry;
using Pulumi.Gcp.ArtifactRegistry.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:ImageSupply</c>: the Artifact Registry remote repositories the nodes pull every image of the
/// serving stack through (<c>ArtifactRegistry.Repository</c> with <c>remoteRepositoryConfig</c>), read access for the
/// node service account (<c>ArtifactRegistry.RepositoryIamMember</c>) and the project's VPC-SC setting that lets them
/// fetch from their upstreams (<c>ArtifactRegistry.VpcscConfig</c>), 1:1 from <see cref="ImageSupplySpec"/>.
/// </summary>
public sealed class ImageSupplyComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:ImageSupply";

    public ImageSupplyComponent(string name, ImageSupplySpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var repositoryOptions = ChildOptions.For(this, options, deleteBeforeReplace: spec.DeleteBeforeReplace);

        Repositories = [.. spec.Repositories.Select(r =>
        {
            var repository = new Repository(ChildOptions.Prefixed(name, r.LogicalName), new RepositoryArgs
            {
                Project = r.Project,
                Location = r.Location,
                RepositoryId = r.RepositoryId,
                Description = r.Description,
                Format = r.Format,
                Mode = r.Mode,
                RemoteRepositoryConfig = new RepositoryRemoteRepositoryConfigArgs
                {
                    Description = r.UpstreamDescription,
                    DockerRepository = new RepositoryRemoteRepositoryConfigDockerRepositoryArgs
                    {
                        PublicRepository = InputValues.Optional(r.PublicRepository),
                        CustomRepository = r.CustomUri is { } uri
                            ? new RepositoryRemoteRepositoryConfigDockerRepositoryCustomRepositoryArgs { Uri = uri }
                            : null!,
                    },
                },
                KmsKeyName = r.KmsKey is { } key ? outputs.Interpolate(key.Rendered) : null,
                Labels = InputValues.MapOrUnset(r.Labels),
            }, repositoryOptions);
            outputs.Add(r.LogicalName, repository, (ResourceRef.Outputs.Name, repository.Name));
            return repository;
        })];

        Readers = [.. spec.Readers.Select(reader =>
        {
            var member = new RepositoryIamMember(ChildOptions.Prefixed(name, reader.LogicalName), new RepositoryIamMemberArgs
            {
                Project = reader.Project,
                Location = reader.Location,
                Repository = outputs.Resolve(reader.Repository),
                Role = reader.Role,
                Member = outputs.Resolve(reader.Member),
            }, child);
            outputs.Add(reader.LogicalName, member);
            return member;
        })];

        if (spec.VpcscConfig is { } vpcsc)
        {
            VpcscConfig = new VpcscConfig(ChildOptions.Prefixed(name, vpcsc.LogicalName), new VpcscConfigArgs
            {
                Project = vpcsc.Project,
                Location = vpcsc.Location,
                VpcscPolicy = vpcsc.VpcscPolicy,
            }, child);
            outputs.Add(vpcsc.LogicalName, VpcscConfig);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["repositories"] = Output.All(Repositories.Select(r => r.Name)),
        });
    }

    public IReadOnlyList<Repository> Repositories { get; }
    public IReadOnlyList<RepositoryIamMember> Readers { get; }
    /// <summary>Null when the perimeter does not restrict Artifact Registry.</summary>
    public VpcscConfig? VpcscConfig { get; }
}
