using Pulumi;
using Pulumi.Gcp.ServiceAccount;
using Pulumi.Gcp.Storage;
using Pulumi.Gcp.Storage.Inputs;
using Pulumi.Random;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:TeamIdentity</c>, one per team: the team's GSA, the Workload Identity binding for its KSA,
/// the RandomId-suffixed model bucket and read access to it for the GSA (<see cref="TeamIdentitySpec"/>).
/// </summary>
public sealed class TeamIdentityComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:TeamIdentity";

    /// <param name="workloadIdentityPool">
    /// What creates the project's Workload Identity pool (the GKE cluster); only the Workload Identity binding waits
    /// for it, since <c>PROJECT.svc.id.goog</c> members exist only once a cluster enables the pool. Empty when the
    /// stack does not create the cluster.
    /// </param>
    public TeamIdentityComponent(
        string name,
        TeamIdentitySpec spec,
        GcpOutputs outputs,
        IEnumerable<Resource>? workloadIdentityPool = null,
        ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var sa = spec.ServiceAccount;
        ServiceAccount = new Account(ChildOptions.Prefixed(name, sa.LogicalName), ServiceAccountArgs.From(sa), child);
        outputs.Add(sa.LogicalName, ServiceAccount,
            (ResourceRef.Outputs.Name, ServiceAccount.Name),
            (ResourceRef.Outputs.Email, ServiceAccount.Email),
            (ResourceRef.Outputs.Member, ServiceAccount.Member));

        var wi = spec.WorkloadIdentityUser;
        WorkloadIdentityUser = new IAMMember(ChildOptions.Prefixed(name, wi.LogicalName), new IAMMemberArgs
        {
            ServiceAccountId = outputs.Resolve(wi.ServiceAccountId),
            Role = wi.Role,
            Member = wi.Member,
        }, ChildOptions.For(this, options, dependsOn: workloadIdentityPool));
        outputs.Add(wi.LogicalName, WorkloadIdentityUser);

        BucketSuffix = RandomSuffix.Create(name, spec.BucketSuffix, outputs, child);

        var b = spec.Bucket;
        Bucket = new Bucket(ChildOptions.Prefixed(name, b.LogicalName), new BucketArgs
        {
            Project = b.Project,
            Name = outputs.Interpolate(b.RenderedName),
            Location = b.Location,
            UniformBucketLevelAccess = b.UniformBucketLevelAccess,
            PublicAccessPrevention = b.PublicAccessPrevention,
            Versioning = new BucketVersioningArgs { Enabled = b.Versioning },
            ForceDestroy = b.ForceDestroy,
            Encryption = b.KmsKey is { } key ? new BucketEncryptionArgs { DefaultKmsKeyName = outputs.Interpolate(key.Rendered) } : null!,
            Labels = InputValues.MapOrUnset(b.Labels),
        }, child);
        outputs.Add(b.LogicalName, Bucket, (ResourceRef.Outputs.Name, Bucket.Name));

        var viewer = spec.BucketViewer;
        BucketViewer = new BucketIAMMember(ChildOptions.Prefixed(name, viewer.LogicalName), new BucketIAMMemberArgs
        {
            Bucket = outputs.Resolve(viewer.Bucket),
            Role = viewer.Role,
            Member = outputs.Resolve(viewer.Member),
        }, child);
        outputs.Add(viewer.LogicalName, BucketViewer);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["serviceAccountEmail"] = ServiceAccount.Email,
            ["bucket"] = Bucket.Name,
        });
    }

    public Account ServiceAccount { get; }
    public IAMMember WorkloadIdentityUser { get; }
    public RandomId BucketSuffix { get; }
    public Bucket Bucket { get; }
    public BucketIAMMember BucketViewer { get; }
}
