using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Pub/Sub topic <c>&lt;deploymentName&gt;-gke-notifications</c>, messages kept in the stack's region and encrypted with
/// <c>kms.notifications</c>
/// </summary>
/// <remarks>
/// The cluster publishes the events of <c>cluster.notifications.events</c> (default: security bulletins) there;
/// subscribe your alerting to it.
/// </remarks>
public static class NotificationsPlanner
{
    public static readonly string TopicName = GcpNames.Child(NotificationsSpec.Component, "topic");

    /// <summary>Whether the stack creates the topic: a cluster it creates, with notifications on.</summary>
    public static bool Creates(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Cluster.Provider == ClusterProvider.Gke && config.Cluster.Notifications.Enabled;
    }

    /// <summary>Null when the stack creates no cluster or notifications are off.</summary>
    public static NotificationsSpec? Plan(PlatformConfig config)
    {
        if (!Creates(config))
        {
            return null;
        }

        return new NotificationsSpec
        {
            Topic = new PubSubTopicSpec
            {
                LogicalName = TopicName,
                Project = config.ProjectId,
                Name = GcpNames.Prefixed(config, "gke-notifications"),
                PersistenceRegions = [config.Region],
                KmsKey = KmsPlanner.NotificationsKey(config),
                Labels = GcpLabels.For(config),
            },
        };
    }

    /// <summary><c>notificationConfig.pubsub.filter.eventTypes</c> of the configured events.</summary>
    public static IReadOnlyList<string> EventTypes(ClusterNotificationsConfig notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return [.. notifications.Events.Select(e => e switch
        {
            ClusterEvent.SecurityBulletin => "SECURITY_BULLETIN_EVENT",
            ClusterEvent.UpgradeAvailable => "UPGRADE_AVAILABLE_EVENT",
            ClusterEvent.Upgrade => "UPGRADE_EVENT",
            ClusterEvent.UpgradeInfo => "UPGRADE_INFO_EVENT",
            var other => throw new ArgumentOutOfRangeException(nameof(notifications), other, "No GKE notification event type for this value."),
        })];
    }
}
