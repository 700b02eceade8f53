using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Per proxied registry an Artifact Registry Docker remote repository <c>&lt;deploymentName&gt;-&lt;registry&gt;</c> in
/// the stack's region (Docker Hub preset, or a custom upstream <c>https://quay.io</c>, <c>https://gcr.io</c>,
/// <c>https://ghcr.io</c>), encrypted with <c>kms.images</c>; <c>roles/artifactregistry.reader</c> on each for the node service account; the Artifact
/// Registry VPC-SC setting of the region set to <c>ALLOW</c> while the perimeter restricts
/// <c>artifactregistry.googleapis.com</c>
/// </summary>
/// <remarks>
/// The serving stack's and the models' images, pulled inside the perimeter with no copy step (docs/serving-stack.md,
/// section "Image supply inside the perimeter"). Only when the stack installs the serving stack on GKE under <c>egress:
/// restricted</c>.
/// </remarks>
public static class ImageSupplyPlanner
{
    public const string ReaderRole = "roles/artifactregistry.reader";

    /// <summary>Null unless the stack pulls through remote repositories (<see cref="ImageMirrors.Needed"/>).</summary>
    public static ImageSupplySpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!ImageMirrors.Needed(config))
        {
            return null;
        }

        var labels = GcpLabels.For(config);
        var key = KmsPlanner.ImagesKey(config);
        var repositories = ImageMirrors.Upstreams.Select(upstream => new RemoteRepositorySpec
        {
            LogicalName = GcpNames.Child(ImageSupplySpec.Component, upstream.Key),
            Project = config.ProjectId,
            Location = config.Region,
            RepositoryId = ImageMirrors.RepositoryId(config, upstream),
            Description = $"Pull-through cache of {upstream.Host} inside the perimeter: {upstream.Why}",
            Format = "DOCKER",
            Mode = "REMOTE_REPOSITORY",
            UpstreamDescription = upstream.Host,
            PublicRepository = upstream.PublicRepository,
            CustomUri = upstream.CustomUri,
            KmsKey = key,
            Labels = labels,
        }).ToList();

        var nodeServiceAccount = new ResourceRef(ClusterPlanner.NodeServiceAccountName, ResourceRef.Outputs.Member);
        return new ImageSupplySpec
        {
            Repositories = repositories,
            Readers =
            [
                .. repositories.Select(r => new RepositoryIamMemberSpec
                {
                    LogicalName = GcpNames.Child(r.LogicalName, "reader"),
                    Project = r.Project,
                    Location = r.Location,
                    Repository = ResourceRef.Name(r.LogicalName),
                    Role = ReaderRole,
                    Member = nodeServiceAccount,
                }),
            ],
            VpcscConfig = config.Perimeter.RestrictedServices.Contains(GcpApis.ArtifactRegistry, StringComparer.Ordinal)
                ? new VpcscConfigSpec
                {
                    LogicalName = GcpNames.Child(ImageSupplySpec.Component, "vpcsc"),
                    Project = config.ProjectId,
                    Location = config.Region,
                    VpcscPolicy = "ALLOW",
                }
                : null,
        };
    }
}
