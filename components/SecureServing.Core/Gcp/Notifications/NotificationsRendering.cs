using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="NotificationsSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class NotificationsRendering
{
    public static IEnumerable<RenderedResource> Render(this NotificationsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var t = spec.Topic;
        yield return new PropertyBag()
            .Add("project", t.Project)
            .Add("name", t.Name)
            .Add("messageStoragePolicy", new PropertyBag().Add("allowedPersistenceRegions", t.PersistenceRegions))
            .Add("kmsKeyName", t.KmsKey?.Rendered)
            .Add("labels", t.Labels)
            .Resource(GcpResourceTypes.PubSubTopic, t.LogicalName);
    }
}
