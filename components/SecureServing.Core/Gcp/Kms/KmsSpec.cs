namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>kms</c>: the Cloud KMS key ring the stack creates (with a random suffix: key rings can never be
/// deleted, so a recreated stack needs a new name), one key per purpose (Kubernetes Secrets in etcd, node boot disks)
/// with automatic rotation, and the service agent that uses each key granted
/// <c>roles/cloudkms.cryptoKeyEncrypterDecrypter</c> on it. Only for <c>provider: gke</c> and only for purposes
/// set to <c>create</c>; existing keys are used as named and get no grant from the stack.
/// </summary>
public sealed record KmsSpec
{
    public const string Component = "kms";

    public required RandomIdSpec KeyRingSuffix { get; init; }
    public required KeyRingSpec KeyRing { get; init; }
    public required IReadOnlyList<CryptoKeySpec> Keys { get; init; }
    public required IReadOnlyList<CryptoKeyGrantSpec> Grants { get; init; }
    /// <summary>Pulumi <c>protect</c> for the key ring and keys (true in production).</summary>
    public required bool Protect { get; init; }
}

/// <summary><c>gcp:kms/keyRing:KeyRing</c>.</summary>
public sealed record KeyRingSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The stack's region: GKE and Compute Engine use only keys in the cluster's location.</summary>
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
    /// <summary><c>ENCRYPT_DECRYPT</c>: symmetric envelope encryption, what GKE and Compute Engine use.</summary>
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
}

/// <summary>
/// The key a setting uses: an existing key by name, or the <c>cryptoKeyId</c> output of the grant on a key the stack
/// creates (so whatever uses it is created only once its service agent may use the key). Exactly one is set.
/// </summary>
public sealed record KmsKeyRef(string? Existing, ResourceRef? Created)
{
    /// <summary>The key name, or its <c>${…}</c> placeholder.</summary>
    public string Rendered => Existing ?? Created!.Rendered;
}
