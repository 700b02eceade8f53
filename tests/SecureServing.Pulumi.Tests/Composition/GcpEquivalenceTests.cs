using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Composition;

/// <summary>
/// Registered equals rendered, for GCP: what the program registers under mocks equals what <c>render</c> writes to
/// gcp-resources.json (<see cref="GcpPlan.Resources"/>): the same set of (type, logical name), and for each resource the
/// same inputs both ways, with every <c>${resource.output}</c> reference resolved to what the mocks answered for that
/// output.
/// </summary>
public sealed class GcpEquivalenceTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_program_registers_exactly_the_rendered_gcp_resources(string stack)
    {
        var run = await ProgramRun.ProgramAsync(stack);
        var rendered = GcpPlanner.Plan(ProgramRun.Load(stack)).Resources;

        AssertEquivalent(run, rendered);
    }

    /// <summary>The variants the shipped stacks do not exercise: NAT egress, a created access policy, IP endpoints with
    /// authorized networks, IAP off, an existing cluster, a GKE Sandbox pool with Google Groups for RBAC.</summary>
    [Theory]
    [InlineData("nat")]
    [InlineData("created-policy")]
    [InlineData("private-endpoint")]
    [InlineData("iap-off")]
    [InlineData("existing-cluster")]
    [InlineData("sandbox-pool-and-google-groups")]
    [InlineData("existing-keys")]
    [InlineData("hardening-off")]
    [InlineData("maintenance-and-confidential-nodes")]
    [InlineData("scoped-policy-and-conditions")]
    public async Task The_gcp_layer_registers_exactly_the_rendered_resources_for_every_variant(string variant)
    {
        var config = Variant(ProgramRun.Load("dev"), variant);
        var run = await ProgramRun.GcpLayerAsync(config);

        AssertEquivalent(run, GcpPlanner.Plan(config).Resources);
    }

    [Fact]
    public async Task The_gcp_layer_registers_exactly_the_rendered_resources_for_a_dry_run_next_to_the_enforced_perimeter()
    {
        var config = Variant(ProgramRun.Load("prod"), "perimeter-next-change");
        var run = await ProgramRun.GcpLayerAsync(config);

        AssertEquivalent(run, GcpPlanner.Plan(config).Resources);
    }

    [Fact]
    public async Task The_comparison_notices_a_changed_value()
    {
        var run = await ProgramRun.ProgramAsync("dev");
        var rendered = GcpPlanner.Plan(ProgramRun.Load("dev")).Resources.ToList();
        var firewall = rendered.First(r => r.Type == GcpResourceTypes.Firewall);
        var changed = (System.Text.Json.Nodes.JsonObject)firewall.Properties.DeepClone();
        changed["priority"] = 999;
        rendered[rendered.IndexOf(firewall)] = firewall with { Properties = changed };

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertEquivalent(run, rendered));
    }

    internal static PlatformConfig Variant(PlatformConfig dev, string variant) => variant switch
    {
        "nat" => dev with { Network = dev.Network with { Egress = EgressMode.Nat } },
        "created-policy" => dev with
        {
            Perimeter = dev.Perimeter with { AccessPolicy = new AccessPolicyRef { Create = true, Title = "SecureServing org policy" } },
        },
        "private-endpoint" => dev with
        {
            Cluster = dev.Cluster with
            {
                Endpoint = ControlPlaneEndpoint.Private,
                MasterAuthorizedNetworks = [new AuthorizedNetwork("10.200.0.0/24", "ci-runners"), new AuthorizedNetwork("10.201.0.0/24", "bastion")],
            },
        },
        "iap-off" => dev with { Iap = dev.Iap with { Enabled = false } },
        "existing-cluster" => dev with { Cluster = dev.Cluster with { Provider = ClusterProvider.Existing } },
        "sandbox-pool-and-google-groups" => dev with
        {
            Cluster = dev.Cluster with
            {
                NodePools = [.. dev.Cluster.NodePools, new NodePoolConfig { Name = "sandboxed", Sandbox = true, Taints = [new NodeTaint("tier", "untrusted", TaintEffect.PreferNoSchedule)] }],
                SecurityGroup = "gke-security-groups@example.com",
            },
        },
        "existing-keys" => dev with
        {
            Cluster = dev.Cluster with
            {
                SecretsEncryption = KmsKeyChoice.Existing("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/secrets"),
                BootDiskEncryption = KmsKeyChoice.Existing("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/disks"),
            },
            Kms = dev.Kms with
            {
                Buckets = KmsKeyChoice.Existing("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/buckets"),
                Notifications = KmsKeyChoice.Existing("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/notifications"),
                Images = KmsKeyChoice.Existing("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/images"),
            },
        },
        "hardening-off" => dev with
        {
            BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.Disabled },
            Cluster = dev.Cluster with
            {
                SecretsEncryption = KmsKeyChoice.None,
                BootDiskEncryption = KmsKeyChoice.None,
                Notifications = new ClusterNotificationsConfig { Enabled = false },
                IntranodeVisibility = false,
                SecurityPosture = new SecurityPostureConfig { Mode = SecurityPostureMode.Disabled },
                Logging = [],
                Monitoring = [],
            },
            Kms = dev.Kms with { Buckets = KmsKeyChoice.None, Notifications = KmsKeyChoice.None, Images = KmsKeyChoice.None },
            Labels = new LabelsConfig(),
        },
        "maintenance-and-confidential-nodes" => dev with
        {
            Cluster = dev.Cluster with
            {
                SecurityGroup = "gke-security-groups@example.com",
                NodePools = [new NodePoolConfig { Name = "serving", MachineType = "n2d-standard-4", ConfidentialNodes = true }, new NodePoolConfig { Name = "system" }],
                Notifications = new ClusterNotificationsConfig { Events = [ClusterEvent.SecurityBulletin, ClusterEvent.UpgradeAvailable] },
                Maintenance = new MaintenanceConfig
                {
                    Exclusions = [new MaintenanceExclusion("freeze", "2026-12-20T00:00:00Z", "2027-01-05T00:00:00Z", MaintenanceExclusionScope.NoMinorOrNodeUpgrades)],
                },
            },
            BinaryAuthorization = new BinaryAuthorizationConfig { AdmitImages = ["europe-docker.pkg.dev/acme-mirror/istio/**"] },
            Labels = new LabelsConfig { Environment = "sandbox", Team = "ml-platform", CostCentre = "cc-1" },
        },
        "scoped-policy-and-conditions" => dev with
        {
            Perimeter = dev.Perimeter with
            {
                AccessPolicy = new AccessPolicyRef { Create = true, Title = "SecureServing dev", Scope = "projects/111111111111" },
                AccessLevels =
                [
                    .. dev.Perimeter.AccessLevels,
                    new AccessLevelConfig
                    {
                        Name = "ss_dev_admins",
                        Members = ["user:platform-admin@example.com"],
                        Regions = ["DE", "NL"],
                        DevicePolicy = new DevicePolicyConfig
                        {
                            RequireScreenLock = true,
                            EncryptedStorage = true,
                            OsConstraints = [new OsConstraintConfig(DeviceOs.DesktopChromeOs, "120.0")],
                        },
                    },
                    new AccessLevelConfig
                    {
                        Name = "ss_dev_vpc",
                        VpcNetworkSources = [new VpcNetworkSourceConfig("//compute.googleapis.com/projects/acme-ml-dev/global/networks/ss-dev-vpc", ["10.10.0.0/20"])],
                    },
                ],
            },
        },
        // For prod: the next change (another restricted service, the deployer from the builders' level or a CI project, an
        // egress to a warehouse project) in dry run beside the enforced perimeter.
        "perimeter-next-change" => dev with
        {
            Perimeter = dev.Perimeter with
            {
                DryRun = new PerimeterDryRunConfig
                {
                    RestrictedServices = [.. dev.Perimeter.RestrictedServices, "monitoring.googleapis.com"],
                    IngressPolicies = [dev.Perimeter.IngressPolicies[0] with { Sources = [new IngressSourceConfig(dev.Perimeter.AccessLevels[0].Name, null), new IngressSourceConfig(null, "projects/555555555555")] }],
                    EgressPolicies =
                    [
                        new EgressPolicyConfig
                        {
                            Identities = ["serviceAccount:ss-prod-fraud@acme-ml-prod.iam.gserviceaccount.com"],
                            Resources = ["projects/444444444444"],
                            Operations = [new ApiOperationConfig("bigquery.googleapis.com", ["google.cloud.bigquery.v2.JobService.InsertJob"], [])],
                        },
                    ],
                },
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    private static void AssertEquivalent(ProgramRun run, IReadOnlyList<SecureServing.Core.Rendering.RenderedResource> rendered)
    {
        var registered = run.GcpRegistrations.Select(r => (r.Type!, r.Name!)).OrderBy(x => x).ToList();
        var expected = rendered.Select(r => (r.Type, r.Name)).OrderBy(x => x).ToList();
        Assert.Equal(expected, registered);

        var differences = rendered
            .SelectMany(resource => Equivalence.Differences(resource.Properties, run.Inputs(resource.Type, resource.Name), run.ResolveRefs)
                .Select(d => $"{resource.Type} {resource.Name}: {d}"))
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }
}
