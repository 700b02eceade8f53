namespace SecureServing.Core.Gcp;

/// <summary>
/// The Google Cloud APIs the stack enables, restricts or names, by service name (the one spelling of each
/// <c>*.googleapis.com</c> string for the services table, the perimeter and the KMS service agents).
/// </summary>
public static class GcpApis
{
    public const string AccessContextManager = "accesscontextmanager.googleapis.com";
    public const string ArtifactRegistry = "artifactregistry.googleapis.com";
    public const string BinaryAuthorization = "binaryauthorization.googleapis.com";
    public const string CloudKms = "cloudkms.googleapis.com";
    public const string CloudResourceManager = "cloudresourcemanager.googleapis.com";
    public const string Compute = "compute.googleapis.com";
    public const string Container = "container.googleapis.com";
    public const string ContainerRegistry = "containerregistry.googleapis.com";
    public const string Dns = "dns.googleapis.com";
    public const string Iam = "iam.googleapis.com";
    public const string IamCredentials = "iamcredentials.googleapis.com";
    public const string Iap = "iap.googleapis.com";
    public const string Logging = "logging.googleapis.com";
    public const string Monitoring = "monitoring.googleapis.com";
    public const string PubSub = "pubsub.googleapis.com";
    public const string Storage = "storage.googleapis.com";
    public const string Sts = "sts.googleapis.com";
}
