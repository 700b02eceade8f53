using SecureServing.Core.Config;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// In-memory stack configurations for predict/health tests (a minimal copy of the shapes in
/// SecureServing.Core.Tests' TestConfigs; vary one setting with <c>with</c>).
/// </summary>
internal static class TestStack
{
    public const string ByoClientId = "222222222222-abc123def456.apps.googleusercontent.com";

    /// <summary>
    /// Stack "dev": IAP on models.dev.example.com with the Google-managed client; team "fraud" (namespace
    /// fraud-models, also callable from risk-batch) with sklearn-iris exposed via IAP and xgb-fraud-score cluster-local.
    /// </summary>
    public static PlatformConfig Dev() => new()
    {
        Stack = "dev",
        DeploymentName = "ss-dev",
        ProjectId = "acme-ml-dev",
        Region = "europe-west4",
        OrganizationId = "123456789012",
        ProjectNumber = "111111111111",
        Network = new NetworkConfig
        {
            Name = "ss-dev-vpc",
            SubnetCidr = "10.10.0.0/20",
            PodsCidr = "10.20.0.0/16",
            ServicesCidr = "10.30.0.0/20",
            MasterCidr = "172.16.0.0/28",
        },
        Cluster = new ClusterConfig { Name = "ss-dev-gke", NodeTag = "ss-dev-node" },
        Perimeter = new PerimeterConfig
        {
            AccessPolicy = new AccessPolicyRef { Id = "987654321" },
            Name = "ss_dev_perimeter",
            Title = "SecureServing dev",
            RestrictedServices = ["storage.googleapis.com"],
            ImageMirrorIdentity = "serviceAccount:111111111111@cloudbuild.gserviceaccount.com",
        },
        RegistryDns = new RegistryDnsConfig(),
        Iap = new IapConfig { Enabled = true, Hostname = "models.dev.example.com", Accessors = ["group:ml-platform@example.com"] },
        Mesh = new MeshConfig { DisableIstioVirtualHost = true },
        Ingress = new IngressConfig { Hostname = "models.dev.example.com" },
        Versions = new PlatformVersions(),
        Teams =
        [
            new TeamConfig
            {
                Team = "fraud",
                Namespace = "fraud-models",
                Members = ["group:fraud-ml@example.com"],
                AllowedNamespaces = ["risk-batch"],
                Models =
                [
                    new ModelConfig { Name = "sklearn-iris", Format = "sklearn", StorageUri = "{teamBucket}/sklearn/iris", ExposeViaIap = true },
                    new ModelConfig { Name = "xgb-fraud-score", Format = "xgboost", StorageUri = "{teamBucket}/xgb", ExposeViaIap = false },
                ],
                SourceFile = "stacks/dev/fraud.yaml",
            },
            new TeamConfig
            {
                Team = "recsys",
                Namespace = "recsys-models",
                Models = [new ModelConfig { Name = "two-tower", Format = "tensorflow", StorageUri = "{teamBucket}/tt", ExposeViaIap = true }],
                SourceFile = "stacks/dev/recsys.yaml",
            },
        ],
    };

    /// <summary><see cref="Dev"/> with a bring-your-own IAP OAuth client.</summary>
    public static PlatformConfig WithByoClient() => Dev() with
    {
        Iap = Dev().Iap with
        {
            OAuthClient = new OAuthClientConfig { ClientId = ByoClientId, ClientSecret = new SecretRef("secure-serving:iap", "oauthClient.clientSecret") },
        },
    };

    /// <summary><see cref="Dev"/> with IAP off: exposed models are served on their public Knative hosts.</summary>
    public static PlatformConfig WithoutIap() => Dev() with { Iap = Dev().Iap with { Enabled = false } };

    /// <summary><see cref="Dev"/> with Dex verified in the mesh.</summary>
    public static PlatformConfig WithDex(PlatformConfig? basis = null) => (basis ?? Dev()) with
    {
        Mesh = (basis ?? Dev()).Mesh with
        {
            Dex = new DexConfig
            {
                Issuer = "https://dex.example.com",
                JwksUri = "https://dex.example.com/keys",
                Audiences = ["kubeflow-oidc-authservice"],
                RequiredGroups = ["ml-serving-users"],
            },
        },
    };
}
