using SecureServing.Core.Config;

namespace SecureServing.Core.Tests.Fixtures;

/// <summary>
/// In-code configurations for unit tests of one decision at a time (use <c>with</c> to vary one setting).
/// Tests of the shipped stacks load <c>Pulumi.dev.yaml</c> / <c>Pulumi.prod.yaml</c> through <c>StackCheck.Run</c> instead.
/// </summary>
public static class TestConfigs
{
    public static TeamConfig Team(string name = "fraud", string ns = "fraud-models", params ModelConfig[] models) => new()
    {
        Team = name,
        Namespace = ns,
        Members = [$"group:{name}-ml@example.com"],
        Models = models.Length > 0 ? models : [Model()],
        SourceFile = $"stacks/dev/{name}.yaml",
    };

    public static ModelConfig Model(string name = "sklearn-iris", ActivatorMode activator = ActivatorMode.Off, bool iap = true) => new()
    {
        Name = name,
        Format = "sklearn",
        StorageUri = "{teamBucket}/sklearn/iris",
        Activator = activator,
        ExposeViaIap = iap,
    };

    /// <summary>Dev: dry-run perimeter, namespace-scoped mTLS, HTTP local gateway, managed IAP client.</summary>
    public static PlatformConfig Dev() => new()
    {
        Stack = "dev",
        DeploymentName = "ss-dev",
        ProjectId = "acme-ml-dev",
        Region = "europe-west4",
        OrganizationId = "123456789012",
        ProjectNumber = "111111111111",
        IsProduction = false,
        Network = new NetworkConfig
        {
            Name = "ss-dev-vpc",
            SubnetCidr = "10.10.0.0/20",
            PodsCidr = "10.20.0.0/16",
            ServicesCidr = "10.30.0.0/20",
            MasterCidr = "172.16.0.0/28",
        },
        Cluster = new ClusterConfig
        {
            Name = "ss-dev-gke",
            NodeTag = "ss-dev-node",
            DeletionProtection = false,
            NodePools = [new NodePoolConfig { Name = "serving", MachineType = "e2-standard-4", MinNodes = 1, MaxNodes = 3 }],
            Logging = ClusterTelemetryDefaults.DevLogging,
            Monitoring = ClusterTelemetryDefaults.DevMonitoring,
        },
        BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.DryRun },
        Labels = new LabelsConfig { Team = "ml-platform" },
        Perimeter = new PerimeterConfig
        {
            AccessPolicy = new AccessPolicyRef { Id = "987654321" },
            Name = "ss_dev_perimeter",
            Title = "SecureServing dev",
            Mode = PerimeterMode.DryRun,
            RestrictedServices = ["storage.googleapis.com", "bigquery.googleapis.com", "containerregistry.googleapis.com", "artifactregistry.googleapis.com"],
            ImageMirrorIdentity = "serviceAccount:111111111111@cloudbuild.gserviceaccount.com",
            AccessLevels =
            [
                new AccessLevelConfig
                {
                    Name = "ss_dev_builders",
                    Title = "Image mirroring and platform admins",
                    Members = ["serviceAccount:111111111111@cloudbuild.gserviceaccount.com", "user:platform-admin@example.com"],
                },
            ],
        },
        RegistryDns = new RegistryDnsConfig(),
        Iap = new IapConfig
        {
            Enabled = true,
            Hostname = "models.dev.example.com",
            Accessors = ["group:ml-platform@example.com"],
        },
        Mesh = new MeshConfig
        {
            Mtls = MtlsScope.Namespace,
            LocalGateway = new LocalGatewayConfig { Mode = LocalGatewayMode.Http },
            DisableIstioVirtualHost = true,
        },
        Ingress = new IngressConfig { Hostname = "models.dev.example.com" },
        Versions = new PlatformVersions(),
        Teams = [Team()],
    };

    /// <summary>Prod: enforced perimeter, mesh-wide mTLS, HTTPS local gateway, bring-your-own IAP client, Dex.</summary>
    public static PlatformConfig Prod() => Dev() with
    {
        Stack = "prod",
        DeploymentName = "ss-prod",
        ProjectId = "acme-ml-prod",
        ProjectNumber = "222222222222",
        IsProduction = true,
        Network = Dev().Network with { Name = "ss-prod-vpc", SubnetCidr = "10.40.0.0/20", PodsCidr = "10.50.0.0/16", ServicesCidr = "10.60.0.0/20", MasterCidr = "172.16.0.16/28" },
        Cluster = Dev().Cluster with
        {
            Name = "ss-prod-gke",
            NodeTag = "ss-prod-node",
            DeletionProtection = true,
            ReleaseChannel = ReleaseChannel.Stable,
            NodePools = [new NodePoolConfig { Name = "serving", MachineType = "n2-standard-8", MinNodes = 2, MaxNodes = 10 }],
            SecurityGroup = "gke-security-groups@example.com",
            Logging = ClusterTelemetryDefaults.ProdLogging,
            Monitoring = ClusterTelemetryDefaults.ProdMonitoring,
        },
        BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.Enforced },
        Labels = new LabelsConfig { Team = "ml-platform", CostCentre = "cc-4711" },
        Perimeter = Dev().Perimeter with
        {
            Name = "ss_prod_perimeter",
            Title = "SecureServing prod",
            Mode = PerimeterMode.Enforced,
            ImageMirrorIdentity = "serviceAccount:222222222222@cloudbuild.gserviceaccount.com",
            AccessLevels =
            [
                new AccessLevelConfig
                {
                    Name = "ss_prod_builders",
                    Title = "Image mirroring",
                    Members = ["serviceAccount:222222222222@cloudbuild.gserviceaccount.com"],
                },
            ],
        },
        Iap = new IapConfig
        {
            Enabled = true,
            Hostname = "models.example.com",
            Accessors = ["group:ml-platform@example.com"],
            OAuthClient = new OAuthClientConfig
            {
                ClientId = "222222222222-abc123def456.apps.googleusercontent.com",
                ClientSecret = new SecretRef("secure-serving:iap", "oauthClient.clientSecret"),
            },
        },
        Mesh = new MeshConfig
        {
            Mtls = MtlsScope.Mesh,
            LocalGateway = new LocalGatewayConfig { Mode = LocalGatewayMode.Https },
            DisableIstioVirtualHost = true,
            Dex = new DexConfig
            {
                Issuer = "https://dex.example.com",
                JwksUri = "https://dex.example.com/keys",
                Audiences = ["kubeflow-oidc-authservice"],
                RequiredGroups = ["ml-serving-users"],
            },
        },
        Ingress = new IngressConfig { Hostname = "models.example.com" },
        Teams = [Team() with { SourceFile = "stacks/prod/fraud.yaml" }],
    };
}
