namespace SecureServing.Core.Gcp;

/// <summary>
/// Pulumi type tokens of every resource the GCP plan creates, exactly as the typed SDK classes register them
/// (the <c>base("…")</c> call of each resource's constructor in Pulumi.Gcp 9.35.0 / Pulumi.Random 4.21.1).
/// There is deliberately no IAP brand or IAP OAuth client here: that API was shut down on 2026-03-19.
/// </summary>
public static class GcpResourceTypes
{
    public const string ProjectService = "gcp:projects/service:Service";
    public const string ProjectIamMember = "gcp:projects/iAMMember:IAMMember";

    public const string Network = "gcp:compute/network:Network";
    public const string Subnetwork = "gcp:compute/subnetwork:Subnetwork";
    public const string Route = "gcp:compute/route:Route";
    public const string Router = "gcp:compute/router:Router";
    public const string RouterNat = "gcp:compute/routerNat:RouterNat";
    public const string Firewall = "gcp:compute/firewall:Firewall";
    public const string NetworkFirewallPolicy = "gcp:compute/networkFirewallPolicy:NetworkFirewallPolicy";
    public const string NetworkFirewallPolicyRule = "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule";
    public const string NetworkFirewallPolicyAssociation = "gcp:compute/networkFirewallPolicyAssociation:NetworkFirewallPolicyAssociation";
    public const string GlobalAddress = "gcp:compute/globalAddress:GlobalAddress";
    public const string ManagedSslCertificate = "gcp:compute/managedSslCertificate:ManagedSslCertificate";

    public const string Cluster = "gcp:container/cluster:Cluster";
    public const string NodePool = "gcp:container/nodePool:NodePool";

    public const string ServiceAccount = "gcp:serviceaccount/account:Account";
    public const string ServiceAccountIamMember = "gcp:serviceaccount/iAMMember:IAMMember";

    public const string ManagedZone = "gcp:dns/managedZone:ManagedZone";
    public const string RecordSet = "gcp:dns/recordSet:RecordSet";

    public const string AccessPolicy = "gcp:accesscontextmanager/accessPolicy:AccessPolicy";
    public const string AccessLevel = "gcp:accesscontextmanager/accessLevel:AccessLevel";
    public const string ServicePerimeter = "gcp:accesscontextmanager/servicePerimeter:ServicePerimeter";

    public const string IapWebIamMember = "gcp:iap/webIamMember:WebIamMember";

    public const string ArtifactRegistryRepository = "gcp:artifactregistry/repository:Repository";
    public const string ArtifactRegistryRepositoryIamMember = "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember";
    public const string ArtifactRegistryVpcscConfig = "gcp:artifactregistry/vpcscConfig:VpcscConfig";

    public const string Bucket = "gcp:storage/bucket:Bucket";
    public const string BucketIamMember = "gcp:storage/bucketIAMMember:BucketIAMMember";

    public const string KeyRing = "gcp:kms/keyRing:KeyRing";
    public const string CryptoKey = "gcp:kms/cryptoKey:CryptoKey";
    public const string CryptoKeyIamMember = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    public const string ServiceIdentity = "gcp:projects/serviceIdentity:ServiceIdentity";

    public const string BinaryAuthorizationPolicy = "gcp:binaryauthorization/policy:Policy";

    public const string PubSubTopic = "gcp:pubsub/topic:Topic";

    public const string RandomId = "random:index/randomId:RandomId";
}
