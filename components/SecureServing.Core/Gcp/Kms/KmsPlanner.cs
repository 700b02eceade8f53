using System.Globalization;
using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// <c>RandomId</c> (4 bytes); key ring <c>&lt;deploymentName&gt;-keys-&lt;hex&gt;</c> in the stack's region; keys
/// <c>gke-secrets</c>, <c>gke-boot-disks</c>, <c>team-buckets</c>, <c>cluster-notifications</c> and <c>image-cache</c>
/// (<c>ENCRYPT_DECRYPT</c>, rotated every <c>kms.rotationDays</c>, default 90); on each
/// <c>roles/cloudkms.cryptoKeyEncrypterDecrypter</c> for the service agent that uses it
/// (<c>service-NUMBER@container-engine-robot.iam.gserviceaccount.com</c>, and likewise <c>compute-system</c>,
/// <c>gs-project-accounts</c>, <c>gcp-sa-pubsub</c> and <c>gcp-sa-artifactregistry</c>); a <c>ServiceIdentity</c> for
/// the Pub/Sub and Artifact Registry agents
/// </summary>
/// <remarks>
/// Application-layer encryption of Kubernetes Secrets, and CMEK on every boot disk, model bucket, notification and
/// cached image, with keys the stack rotates and you can revoke; hardened organizations refuse those resources without
/// CMEK (<c>gcp.restrictNonCmekServices</c>). A grant waits for its agent to exist (the Cloud Storage agent is looked
/// up, which creates it), and what a key protects waits for its grant. Key rings can never be deleted, hence the
/// suffix: a recreated dev stack gets a new ring. Only keys set to <c>create</c> whose resource the stack creates; an
/// existing key (<c>kms.buckets: projects/.../cryptoKeys/K</c>) is used as named, and granting its use is yours.
/// </remarks>
public static class KmsPlanner
{
    public const string EncrypterDecrypter = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    public const int KeyRingSuffixBytes = 4;

    public static readonly string SuffixName = GcpNames.Child(KmsSpec.Component, "key-ring-suffix");
    public static readonly string KeyRingName = GcpNames.Child(KmsSpec.Component, "key-ring");

    /// <summary>
    /// A purpose the stack may create a key for: its key name, the service agent that uses the key and how that agent
    /// comes to exist, the choice in the config, and whether the stack creates what the key protects.
    /// </summary>
    private sealed record Purpose(
        string Child, string KeyName, string AgentChild, Func<PlatformConfig, string> Agent, AgentActivation Activation, string? AgentService,
        Func<PlatformConfig, KmsKeyChoice> Choice, Func<PlatformConfig, bool> Protects);

    /// <summary>Application-layer secrets encryption: the GKE service agent encrypts etcd's data keys.</summary>
    private static readonly Purpose Secrets = new("secrets", "gke-secrets", "gke-agent", GkeServiceAgent, AgentActivation.WithApi, null,
        c => c.Cluster.SecretsEncryption, CreatesCluster);

    /// <summary>CMEK boot disks: the Compute Engine service agent creates the nodes' disks.</summary>
    private static readonly Purpose BootDisks = new("boot-disks", "gke-boot-disks", "compute-agent", ComputeServiceAgent, AgentActivation.WithApi, null,
        c => c.Cluster.BootDiskEncryption, CreatesCluster);

    /// <summary>The team buckets' default key: the Cloud Storage service agent encrypts the objects.</summary>
    private static readonly Purpose Buckets = new("buckets", "team-buckets", "storage-agent", StorageServiceAgent, AgentActivation.StorageLookup, null,
        c => c.Kms.Buckets, c => c.Teams.Count > 0);

    /// <summary>The notifications topic's key: the Pub/Sub service agent encrypts the messages.</summary>
    private static readonly Purpose Notifications = new("notifications", "cluster-notifications", "pubsub-agent", PubSubServiceAgent, AgentActivation.ServiceIdentity, GcpApis.PubSub,
        c => c.Kms.Notifications, NotificationsPlanner.Creates);

    /// <summary>The image-cache repositories' key: the Artifact Registry service agent encrypts the cached layers.</summary>
    private static readonly Purpose Images = new("images", "image-cache", "artifactregistry-agent", ArtifactRegistryServiceAgent, AgentActivation.ServiceIdentity, GcpApis.ArtifactRegistry,
        c => c.Kms.Images, ServingStack.ImageMirrors.Needed);

    private static readonly Purpose[] Purposes = [Secrets, BootDisks, Buckets, Notifications, Images];

    private static bool CreatesCluster(PlatformConfig config) => config.Cluster.Provider == ClusterProvider.Gke;

    /// <summary>The GKE service agent, <c>service-NUMBER@container-engine-robot.iam.gserviceaccount.com</c>.</summary>
    public static string GkeServiceAgent(PlatformConfig config) =>
        $"service-{config.ProjectNumber}@container-engine-robot.iam.gserviceaccount.com";

    /// <summary>The Compute Engine service agent, <c>service-NUMBER@compute-system.iam.gserviceaccount.com</c>.</summary>
    public static string ComputeServiceAgent(PlatformConfig config) =>
        $"service-{config.ProjectNumber}@compute-system.iam.gserviceaccount.com";

    /// <summary>The Cloud Storage service agent, <c>service-NUMBER@gs-project-accounts.iam.gserviceaccount.com</c>.</summary>
    public static string StorageServiceAgent(PlatformConfig config) =>
        $"service-{config.ProjectNumber}@gs-project-accounts.iam.gserviceaccount.com";

    /// <summary>The Pub/Sub service agent, <c>service-NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com</c>.</summary>
    public static string PubSubServiceAgent(PlatformConfig config) =>
        $"service-{config.ProjectNumber}@gcp-sa-pubsub.iam.gserviceaccount.com";

    /// <summary>The Artifact Registry service agent, <c>service-NUMBER@gcp-sa-artifactregistry.iam.gserviceaccount.com</c>.</summary>
    public static string ArtifactRegistryServiceAgent(PlatformConfig config) =>
        $"service-{config.ProjectNumber}@gcp-sa-artifactregistry.iam.gserviceaccount.com";

    /// <summary>The key of Kubernetes Secrets in etcd; null for <c>secretsEncryption: none</c> or no GKE cluster.</summary>
    public static KmsKeyRef? SecretsKey(PlatformConfig config) => KeyFor(config, Secrets);

    /// <summary>The key of node boot disks; null for <c>bootDiskEncryption: none</c> or no GKE cluster.</summary>
    public static KmsKeyRef? BootDiskKey(PlatformConfig config) => KeyFor(config, BootDisks);

    /// <summary>The team buckets' default key; null for <c>kms.buckets: none</c>.</summary>
    public static KmsKeyRef? BucketKey(PlatformConfig config) => KeyFor(config, Buckets);

    /// <summary>The notifications topic's key; null for <c>kms.notifications: none</c> or no topic.</summary>
    public static KmsKeyRef? NotificationsKey(PlatformConfig config) => KeyFor(config, Notifications);

    /// <summary>The image-cache repositories' key; null for <c>kms.images: none</c> or no remote repositories.</summary>
    public static KmsKeyRef? ImagesKey(PlatformConfig config) => KeyFor(config, Images);

    /// <summary>Null when nothing is created: no purpose set to <c>create</c> whose resource the stack creates.</summary>
    public static KmsSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var created = Created(config).ToList();
        if (created.Count == 0)
        {
            return null;
        }

        var labels = GcpLabels.For(config);
        var rotation = (config.Kms.RotationDays * 86400L).ToString(CultureInfo.InvariantCulture) + "s";
        var keys = created.Select(p => new CryptoKeySpec
        {
            LogicalName = KeyLogicalName(p),
            Name = p.KeyName,
            KeyRing = ResourceRef.Id(KeyRingName),
            Purpose = "ENCRYPT_DECRYPT",
            RotationPeriod = rotation,
            Labels = labels,
        }).ToList();
        var grants = created.Select(p => new CryptoKeyGrantSpec
        {
            LogicalName = GrantLogicalName(p),
            CryptoKey = ResourceRef.Id(KeyLogicalName(p)),
            Role = EncrypterDecrypter,
            Member = "serviceAccount:" + p.Agent(config),
            WaitsForServiceIdentity = p.Activation == AgentActivation.ServiceIdentity ? IdentityLogicalName(p) : null,
            StorageAgentLookupProject = p.Activation == AgentActivation.StorageLookup ? config.ProjectId : null,
        }).ToList();
        var identities = created.Where(p => p.Activation == AgentActivation.ServiceIdentity).Select(p => new ServiceIdentitySpec
        {
            LogicalName = IdentityLogicalName(p),
            Project = config.ProjectId,
            Service = p.AgentService!,
        }).ToList();

        return new KmsSpec
        {
            KeyRingSuffix = new RandomIdSpec { LogicalName = SuffixName, ByteLength = KeyRingSuffixBytes },
            KeyRing = new KeyRingSpec
            {
                LogicalName = KeyRingName,
                Project = config.ProjectId,
                Location = config.Region,
                // Key ring names are at most 63 characters; the suffix adds a hyphen and its hex digits.
                NamePrefix = GcpNames.Bounded(GcpNames.Kebab($"{config.DeploymentName}-keys"), 63 - 1 - (KeyRingSuffixBytes * 2)),
                NameSuffix = new ResourceRef(SuffixName, ResourceRef.Outputs.Hex),
            },
            Keys = keys,
            Grants = grants,
            ServiceIdentities = identities,
            Protect = config.IsProduction,
        };
    }

    /// <summary>Whether the stack creates any key (and so the key ring and the KMS API): <see cref="Plan"/> is not null.</summary>
    public static bool Creates(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Created(config).Any();
    }

    private static IEnumerable<Purpose> Created(PlatformConfig config) =>
        Purposes.Where(p => p.Protects(config) && p.Choice(config).Mode == KmsKeyMode.Create);

    private static KmsKeyRef? KeyFor(PlatformConfig config, Purpose purpose)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!purpose.Protects(config))
        {
            return null;
        }

        var choice = purpose.Choice(config);
        return choice.Mode switch
        {
            KmsKeyMode.Create => KmsKeyRef.ForCreated(new ResourceRef(GrantLogicalName(purpose), ResourceRef.Outputs.CryptoKeyId)),
            KmsKeyMode.Existing => KmsKeyRef.ForExisting(choice.ExistingKey ?? throw new InvalidOperationException($"kms: the {purpose.Child} key is set to an existing key without a name.")),
            _ => null,
        };
    }

    private static string KeyLogicalName(Purpose p) => GcpNames.Child(KmsSpec.Component, p.Child, "key");

    private static string GrantLogicalName(Purpose p) => GcpNames.Child(KmsSpec.Component, p.Child, p.AgentChild);

    private static string IdentityLogicalName(Purpose p) => GcpNames.Child(KmsSpec.Component, p.AgentChild);
}
