namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:kms</c>: the key ring and keys the stack creates (for <c>create</c> choices).</summary>
public sealed record KmsConfig
{
    /// <summary>Automatic rotation of every created key, in days (1-3650).</summary>
    public int RotationDays { get; init; } = Contract.StackFileContract.Kms.RotationDays.Default;

    /// <summary><c>kms.buckets</c>: the team buckets' default key.</summary>
    public KmsKeyChoice Buckets { get; init; } = Contract.StackFileContract.ClusterHardening.DefaultKeyChoice;

    /// <summary><c>kms.notifications</c>: the cluster-notifications topic's key.</summary>
    public KmsKeyChoice Notifications { get; init; } = Contract.StackFileContract.ClusterHardening.DefaultKeyChoice;

    /// <summary><c>kms.images</c>: the image-cache remote repositories' key.</summary>
    public KmsKeyChoice Images { get; init; } = Contract.StackFileContract.ClusterHardening.DefaultKeyChoice;
}

/// <summary>
/// Which Cloud KMS key protects something: a key the stack creates in its own key ring (<c>create</c>), an existing
/// key by full name (<c>projects/P/locations/L/keyRings/R/cryptoKeys/K</c>), or none (Google-managed encryption only).
/// </summary>
public sealed record KmsKeyChoice(KmsKeyMode Mode, string? ExistingKey = null)
{
    public static readonly KmsKeyChoice Create = new(KmsKeyMode.Create);
    public static readonly KmsKeyChoice None = new(KmsKeyMode.None);

    public static KmsKeyChoice Existing(string name) => new(KmsKeyMode.Existing, name);
}

/// <summary>Which key a <see cref="KmsKeyChoice"/> names: one the stack creates, an existing one, or none (Google-managed encryption only).</summary>
public enum KmsKeyMode { Create, Existing, None }
