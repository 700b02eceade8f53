namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>notifications</c>: the Pub/Sub topic GKE publishes cluster notifications to (security bulletins by
/// default), its messages kept in the stack's region. Only for <c>provider: gke</c> with notifications enabled.
/// </summary>
public sealed record NotificationsSpec
{
    public const string Component = "notifications";

    public required PubSubTopicSpec Topic { get; init; }
}

/// <summary><c>gcp:pubsub/topic:Topic</c>.</summary>
public sealed record PubSubTopicSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    /// <summary><c>messageStoragePolicy.allowedPersistenceRegions</c>: the stack's region only.</summary>
    public required IReadOnlyList<string> PersistenceRegions { get; init; }
    /// <summary><c>kmsKeyName</c> (<c>kms.notifications</c>): the key in the same region; null for Google-managed encryption.</summary>
    public KmsKeyRef? KmsKey { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}
