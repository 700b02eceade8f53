using Pulumi;
using Pulumi.Gcp.PubSub;
using Pulumi.Gcp.PubSub.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary><c>secure-serving:gcp:Notifications</c>: the Pub/Sub topic of GKE cluster notifications (<see cref="NotificationsSpec"/>).</summary>
public sealed class NotificationsComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Notifications";

    public NotificationsComponent(string name, NotificationsSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);

        var t = spec.Topic;
        Topic = new Topic(ChildOptions.Prefixed(name, t.LogicalName), new TopicArgs
        {
            Project = t.Project,
            Name = t.Name,
            MessageStoragePolicy = new TopicMessageStoragePolicyArgs { AllowedPersistenceRegions = InputValues.ListOrUnset(t.PersistenceRegions) },
            KmsKeyName = t.KmsKey is { } key ? outputs.Interpolate(key.Rendered) : null,
            Labels = InputValues.MapOrUnset(t.Labels),
        }, ChildOptions.For(this, options));
        outputs.Add(t.LogicalName, Topic, (ResourceRef.Outputs.Name, Topic.Name));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["topic"] = Topic.Id,
        });
    }

    public Topic Topic { get; }
}
