namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>kms</c>: the Cloud KMS key ring the stack creates (with a random suffix: key rings can never be
/// deleted, so a recreated stack needs a new name), one key per purpose (Kubernetes Secrets in etcd, node boot disks,
/// the team buckets, the notifications topic, the image-cache repositories) with automatic rotation, and the service
/// agent that uses each key granted <c>roles/cloudkms.cryptoKeyEncrypterDecrypter</c> on it. Service agents that
/// exist only once asked for are made to exist first: Pub/Sub's and Artifact Registry's by a
/// <c>ServiceIdentity</c> ("Service agents", https://cloud.google.com/iam/docs/service-agents), Cloud Storage's by
/// looking it up ("Cloud Storage service agent", https://cloud.google.com/storage/docs/projects), or
/// the grant would name an account that does not exist yet. Only for purposes set to <c>create</c> whose resource the
/// stack creates; existing keys are used as named and get no grant from the stack.
/// </summary>
public sealed record KmsSpec
{
    public const string Component = "kms";

    public required RandomIdSpec KeyRingSuffix { get; init; }
    public required KeyRingSpec KeyRing { get; init; }
    public required IReadOnlyList<CryptoKeySpec> Keys { get; init; }
    public required IReadOnlyList<CryptoKeyGrantSpec> Grants { get; init; }
    /// <summary>The service agents created before their grants (<see cref="AgentActivation.ServiceIdentity"/>).</summary>
    public required IReadOnlyList<ServiceIdentitySpec> ServiceIdentities { get; init; }
    /// <summary>Pulumi <c>protect</c> for the key ring and keys (true in production).</summary>
    public required bool Protect { get; init; }
}

/// <summary><c>gcp:kms/keyRing:KeyRing</c>.</summary>
public sealed record KeyRingSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The stack's region: a customer-managed key protects only resources in its own location.</summary>
    public required string Location { get; init; }
    /// <summary>The key ring <c>name</c> is <c>NamePrefix + "-" + NameSuffix</c>.</summary>
    public required string NamePrefix { get; init; }
    public required ResourceRef NameSuffix { get; init; }

    public string RenderedName => $"{NamePrefix}-{NameSuffix.Rendered}";
}

/// <summary><c>gcp:kms/cryptoKey:CryptoKey</c>.</summary>
public sealed record CryptoKeySpec
{
    public required string LogicalName { get; init; }
    public required string Name { get; init; }
    /// <summary>The key ring's <c>id</c>.</summary>
    public required ResourceRef KeyRing { get; init; }
    /// <summary><c>ENCRYPT_DECRYPT</c>: symmetric envelope encryption, what every CMEK integration uses.</summary>
    public required string Purpose { get; init; }
    /// <summary>Seconds with an <c>s</c> suffix, e.g. <c>7776000s</c> for 90 days.</summary>
    public required string RotationPeriod { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}

/// <summary><c>gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember</c>.</summary>
public sealed record CryptoKeyGrantSpec
{
    public required string LogicalName { get; init; }
    /// <summary>The key's <c>id</c>.</summary>
    public required ResourceRef CryptoKey { get; init; }
    public required string Role { get; init; }
    /// <summary>The service agent, <c>serviceAccount:service-NUMBER@….iam.gserviceaccount.com</c>.</summary>
    public required string Member { get; init; }
    /// <summary>
    /// The logical name of the <see cref="ServiceIdentitySpec"/> the grant waits for (<see cref="AgentActivation.ServiceIdentity"/>:
    /// Pub/Sub's, Artifact Registry's agent); null otherwise.
    /// </summary>
    public string? WaitsForServiceIdentity { get; init; }
    /// <summary>
    /// The project whose Cloud Storage agent is looked up (<c>gcp.storage.getProjectServiceAccount</c>, which creates
    /// it) before the grant names it (<see cref="AgentActivation.StorageLookup"/>); null otherwise.
    /// </summary>
    public string? StorageAgentLookupProject { get; init; }
}

/// <summary>How a service agent comes to exist before a grant names it (the planner turns it into <see cref="CryptoKeyGrantSpec"/>'s fields).</summary>
public enum AgentActivation
{
    /// <summary>The agent exists once its API is enabled (GKE's, Compute Engine's).</summary>
    WithApi,
    /// <summary>A <c>gcp:projects/serviceIdentity:ServiceIdentity</c> creates it (Pub/Sub's, Artifact Registry's).</summary>
    ServiceIdentity,
    /// <summary>Looking it up creates it: <c>gcp.storage.getProjectServiceAccount</c> (Cloud Storage's).</summary>
    StorageLookup,
}

/// <summary><c>gcp:projects/serviceIdentity:ServiceIdentity</c>: makes a service's agent exist (a no-op when it does).</summary>
public sealed record ServiceIdentitySpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The API whose agent it is, e.g. <c>pubsub.googleapis.com</c>.</summary>
    public required string Service { get; init; }
}

/// <summary>
/// The key a setting uses: an existing key by name, or the <c>cryptoKeyId</c> output of the grant on a key the stack
/// creates (so whatever uses it is created only once its service agent may use the key). Exactly one is set: the
/// factories are the only way to build one.
/// </summary>
public sealed record KmsKeyRef
{
    private KmsKeyRef(string? existing, ResourceRef? created)
    {
        Existing = existing;
        Created = created;
    }

    /// <summary>The existing key's full name; null for a key the stack creates.</summary>
    public string? Existing { get; }

    /// <summary>The grant's <c>cryptoKeyId</c> output of a key the stack creates; null for an existing key.</summary>
    public ResourceRef? Created { get; }

    /// <summary>The key name, or its <c>${…}</c> placeholder.</summary>
    public string Rendered => Existing ?? Created!.Rendered;

    public static KmsKeyRef ForExisting(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(name, null);
    }

    public static KmsKeyRef ForCreated(ResourceRef grantKeyId)
    {
        ArgumentNullException.ThrowIfNull(grantKeyId);
        return new(null, grantKeyId);
    }
}
