using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Ingress and egress policies, the dry run of the next change next to enforcement, scoped policies, access-level conditions.</summary>
public sealed class PerimeterPoliciesPlanTests
{
    private static readonly IngressPolicyConfig Deployer = new()
    {
        Title = "CI deployer",
        Identities = ["serviceAccount:ss-deploy-prod@acme-ml-ops.iam.gserviceaccount.com"],
        Sources = [new IngressSourceConfig("ss_prod_builders", null), new IngressSourceConfig(null, "projects/333333333333")],
        Operations =
        [
            new ApiOperationConfig("storage.googleapis.com", [], []),
            new ApiOperationConfig("cloudkms.googleapis.com", ["google.cloud.kms.v1.KeyManagementService.CreateCryptoKey"], []),
            new ApiOperationConfig("pubsub.googleapis.com", [], ["pubsub.topics.create"]),
        ],
    };

    private static readonly EgressPolicyConfig ToWarehouse = new()
    {
        IdentityType = PerimeterIdentityType.AnyServiceAccount,
        Resources = ["projects/444444444444"],
        Operations = [new ApiOperationConfig("*", [], [])],
    };

    private static PlatformConfig Prod(Func<PerimeterConfig, PerimeterConfig> change) =>
        TestConfigs.Prod() with { Perimeter = change(TestConfigs.Prod().Perimeter) };

    [Fact]
    public void Ingress_policies_render_identities_sources_and_operations_with_their_method_selectors()
    {
        var perimeter = GcpPlanner.Plan(Prod(p => p with { IngressPolicies = [Deployer] })).Single("perimeter-service-perimeter");

        Assert.Equal("CI deployer", perimeter.Str("status.ingressPolicies.0.title"));
        Assert.Equal(Deployer.Identities, perimeter.Strings("status.ingressPolicies.0.ingressFrom.identities"));
        Assert.Null(perimeter.At("status.ingressPolicies.0.ingressFrom.identityType"));
        // An access level by its name output (the perimeter is created after it), a project as it is.
        Assert.Equal("${perimeter-level-ss-prod-builders.name}", perimeter.Str("status.ingressPolicies.0.ingressFrom.sources.0.accessLevel"));
        Assert.Equal("projects/333333333333", perimeter.Str("status.ingressPolicies.0.ingressFrom.sources.1.resource"));
        Assert.Equal(["*"], perimeter.Strings("status.ingressPolicies.0.ingressTo.resources"));
        Assert.Equal("storage.googleapis.com", perimeter.Str("status.ingressPolicies.0.ingressTo.operations.0.serviceName"));
        Assert.Equal("*", perimeter.Str("status.ingressPolicies.0.ingressTo.operations.0.methodSelectors.0.method"));
        Assert.Equal("google.cloud.kms.v1.KeyManagementService.CreateCryptoKey", perimeter.Str("status.ingressPolicies.0.ingressTo.operations.1.methodSelectors.0.method"));
        Assert.Equal("pubsub.topics.create", perimeter.Str("status.ingressPolicies.0.ingressTo.operations.2.methodSelectors.0.permission"));
    }

    [Fact]
    public void Any_source_is_rendered_as_the_wildcard_access_level()
    {
        var policy = Deployer with { Sources = [new IngressSourceConfig(IngressSourceConfig.Anywhere, null)] };
        var perimeter = GcpPlanner.Plan(Prod(p => p with { IngressPolicies = [policy] })).Single("perimeter-service-perimeter");

        Assert.Equal("*", perimeter.Str("status.ingressPolicies.0.ingressFrom.sources.0.accessLevel"));
    }

    [Fact]
    public void Egress_policies_render_the_identity_type_target_projects_and_all_services_without_selectors()
    {
        var perimeter = GcpPlanner.Plan(Prod(p => p with { EgressPolicies = [ToWarehouse] })).Single("perimeter-service-perimeter");

        Assert.Equal("ANY_SERVICE_ACCOUNT", perimeter.Str("status.egressPolicies.0.egressFrom.identityType"));
        Assert.Equal(["projects/444444444444"], perimeter.Strings("status.egressPolicies.0.egressTo.resources"));
        Assert.Equal("*", perimeter.Str("status.egressPolicies.0.egressTo.operations.0.serviceName"));
        Assert.Null(perimeter.At("status.egressPolicies.0.egressTo.operations.0.methodSelectors"));
    }

    [Fact]
    public void The_next_change_is_a_dry_run_spec_beside_the_enforced_status_keeping_what_it_does_not_change()
    {
        var next = new PerimeterDryRunConfig
        {
            RestrictedServices = [.. TestConfigs.Prod().Perimeter.RestrictedServices, "monitoring.googleapis.com"],
            IngressPolicies = [Deployer],
        };
        var perimeter = GcpPlanner.Plan(Prod(p => p with { DryRun = next })).Single("perimeter-service-perimeter");

        Assert.True(perimeter.Bool("useExplicitDryRunSpec"));
        Assert.DoesNotContain("monitoring.googleapis.com", perimeter.Strings("status.restrictedServices"));
        Assert.Null(perimeter.At("status.ingressPolicies"));
        Assert.Contains("monitoring.googleapis.com", perimeter.Strings("spec.restrictedServices"));
        Assert.DoesNotContain("monitoring.googleapis.com", perimeter.Strings("spec.vpcAccessibleServices.allowedServices"));
        Assert.Equal("CI deployer", perimeter.Str("spec.ingressPolicies.0.title"));
        // Not written in dryRun: the enforced value.
        Assert.Equal(["${perimeter-level-ss-prod-builders.name}"], perimeter.Strings("status.accessLevels"));
        Assert.Equal(["${perimeter-level-ss-prod-builders.name}"], perimeter.Strings("spec.accessLevels"));
        Assert.Equal(["projects/222222222222"], perimeter.Strings("status.resources"));
        Assert.Equal(["projects/222222222222"], perimeter.Strings("spec.resources"));
    }

    [Fact]
    public void Promoting_the_dry_run_makes_it_the_enforced_status_and_drops_the_spec()
    {
        var next = new PerimeterDryRunConfig { RestrictedServices = ["storage.googleapis.com"], AccessLevels = [], Promote = true };
        var perimeter = GcpPlanner.Plan(Prod(p => p with { DryRun = next })).Single("perimeter-service-perimeter");

        Assert.False(perimeter.Bool("useExplicitDryRunSpec"));
        Assert.Null(perimeter.At("spec"));
        Assert.Equal(["storage.googleapis.com"], perimeter.Strings("status.restrictedServices"));
        Assert.Null(perimeter.At("status.accessLevels"));
    }

    [Fact]
    public void A_created_policy_is_scoped_as_configured()
    {
        var scoped = Prod(p => p with { AccessPolicy = new AccessPolicyRef { Create = true, Title = "ss-prod", Scope = "projects/222222222222" } });
        var unscoped = Prod(p => p with { AccessPolicy = new AccessPolicyRef { Create = true, Title = "acme" } });

        Assert.Equal("projects/222222222222", GcpPlanner.Plan(scoped).Single("perimeter-access-policy").Str("scopes"));
        Assert.Null(GcpPlanner.Plan(unscoped).Single("perimeter-access-policy").At("scopes"));
    }

    [Fact]
    public void Access_levels_carry_regions_vpc_networks_and_device_policy()
    {
        var level = new AccessLevelConfig
        {
            Name = "ss_prod_admins",
            Members = ["user:admin@example.com"],
            Regions = ["DE", "NL"],
            DevicePolicy = new DevicePolicyConfig
            {
                RequireScreenLock = true,
                RequireCorpOwned = true,
                EncryptedStorage = true,
                OsConstraints = [new OsConstraintConfig(DeviceOs.DesktopChromeOs, "120.0"), new OsConstraintConfig(DeviceOs.DesktopMac, null)],
            },
        };
        var network = new AccessLevelConfig
        {
            Name = "ss_prod_vpc",
            VpcNetworkSources = [new VpcNetworkSourceConfig("//compute.googleapis.com/projects/acme-ml-prod/global/networks/ss-prod-vpc", ["10.40.0.0/20"])],
        };
        var plan = GcpPlanner.Plan(Prod(p => p with { AccessLevels = [.. p.AccessLevels, level, network] }));

        var admins = plan.Single("perimeter-level-ss-prod-admins");
        Assert.Equal(["DE", "NL"], admins.Strings("basic.conditions.0.regions"));
        Assert.True(admins.Bool("basic.conditions.0.devicePolicy.requireScreenLock"));
        Assert.True(admins.Bool("basic.conditions.0.devicePolicy.requireCorpOwned"));
        Assert.False(admins.Bool("basic.conditions.0.devicePolicy.requireAdminApproval"));
        Assert.Equal(["ENCRYPTED"], admins.Strings("basic.conditions.0.devicePolicy.allowedEncryptionStatuses"));
        Assert.Equal("DESKTOP_CHROME_OS", admins.Str("basic.conditions.0.devicePolicy.osConstraints.0.osType"));
        Assert.Equal("120.0", admins.Str("basic.conditions.0.devicePolicy.osConstraints.0.minimumVersion"));
        Assert.Equal("DESKTOP_MAC", admins.Str("basic.conditions.0.devicePolicy.osConstraints.1.osType"));
        var vpc = plan.Single("perimeter-level-ss-prod-vpc");
        Assert.Equal("//compute.googleapis.com/projects/acme-ml-prod/global/networks/ss-prod-vpc", vpc.Str("basic.conditions.0.vpcNetworkSources.0.vpcSubnetwork.network"));
        Assert.Equal(["10.40.0.0/20"], vpc.Strings("basic.conditions.0.vpcNetworkSources.0.vpcSubnetwork.vpcIpSubnetworks"));
    }

    [Fact]
    public void The_default_restricted_services_cover_what_the_platform_uses()
    {
        var defaults = SecureServing.Core.Config.Contract.StackFileContract.Perimeter.RestrictedServices.Default!;

        foreach (var api in new[] { "artifactregistry.googleapis.com", "cloudkms.googleapis.com", "pubsub.googleapis.com", "logging.googleapis.com", "storage.googleapis.com" })
        {
            Assert.Contains(api, defaults);
        }
    }
}
