using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="TeamIdentitySpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class TeamIdentityRendering
{
    public static IEnumerable<RenderedResource> Render(this TeamIdentitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        yield return spec.ServiceAccount.Render();

        yield return new PropertyBag()
            .Add("serviceAccountId", spec.WorkloadIdentityUser.ServiceAccountId)
            .Add("role", spec.WorkloadIdentityUser.Role)
            .Add("member", spec.WorkloadIdentityUser.Member)
            .Resource(GcpResourceTypes.ServiceAccountIamMember, spec.WorkloadIdentityUser.LogicalName);

        yield return spec.BucketSuffix.Render();

        var b = spec.Bucket;
        yield return new PropertyBag()
            .Add("project", b.Project)
            .Add("name", b.RenderedName)
            .Add("location", b.Location)
            .Add("uniformBucketLevelAccess", b.UniformBucketLevelAccess)
            .Add("publicAccessPrevention", b.PublicAccessPrevention)
            .Add("versioning", new PropertyBag().Add("enabled", b.Versioning))
            .Add("forceDestroy", b.ForceDestroy)
            .Add("encryption", b.KmsKey is { } key ? new PropertyBag().Add("defaultKmsKeyName", key.Rendered) : null)
            .Add("labels", b.Labels)
            .Resource(GcpResourceTypes.Bucket, b.LogicalName);

        yield return new PropertyBag()
            .Add("bucket", spec.BucketViewer.Bucket)
            .Add("role", spec.BucketViewer.Role)
            .Add("member", spec.BucketViewer.Member)
            .Resource(GcpResourceTypes.BucketIamMember, spec.BucketViewer.LogicalName);
    }
}
