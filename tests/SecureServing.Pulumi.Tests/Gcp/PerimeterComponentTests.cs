using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered VPC Service Controls for the shipped stacks.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class PerimeterComponentTests(ShippedRuns runs)
{
    private static readonly string[] RestrictedServices =
    [
        "storage.googleapis.com", "bigquery.googleapis.com", "containerregistry.googleapis.com", "artifactregistry.googleapis.com",
        "cloudkms.googleapis.com", "pubsub.googleapis.com", "logging.googleapis.com", "binaryauthorization.googleapis.com",
    ];

    [Fact]
    public void Dev_writes_the_dry_run_spec_and_leaves_the_enforced_status_alone()
    {
        var perimeter = runs["dev"].Inputs(GcpResourceTypes.ServicePerimeter, "perimeter-service-perimeter");
        Assert.True(Values.Flag(perimeter, "useExplicitDryRunSpec"));
        Assert.False(Values.Has(perimeter, "status"));
        AssertConfiguration(perimeter, "spec", "111111111111", "ss_dev_builders");
        Assert.Equal("accessPolicies/987654321/servicePerimeters/ss_dev_perimeter", Values.Text(perimeter, "name"));
    }

    [Fact]
    public void Prod_enforces_the_status_and_writes_no_dry_run_spec()
    {
        var perimeter = runs["prod"].Inputs(GcpResourceTypes.ServicePerimeter, "perimeter-service-perimeter");
        Assert.False(Values.Flag(perimeter, "useExplicitDryRunSpec"));
        Assert.False(Values.Has(perimeter, "spec"));
        AssertConfiguration(perimeter, "status", "222222222222", "ss_prod_builders");
        Assert.Equal("accessPolicies/987654321/servicePerimeters/ss_prod_perimeter", Values.Text(perimeter, "name"));
    }

    [Theory]
    [InlineData("dev", "ss_dev_builders", "user:platform-admin@example.com")]
    [InlineData("prod", "ss_prod_builders", "serviceAccount:222222222222@cloudbuild.gserviceaccount.com")]
    public void Access_levels_live_in_the_existing_policy(string stack, string level, string member)
    {
        var run = runs[stack];
        Assert.Empty(run.OfType(GcpResourceTypes.AccessPolicy));
        var accessLevel = run.Inputs(GcpResourceTypes.AccessLevel, $"perimeter-level-{level.Replace('_', '-')}");
        Assert.Equal("accessPolicies/987654321", Values.Text(accessLevel, "parent"));
        Assert.Equal($"accessPolicies/987654321/accessLevels/{level}", Values.Text(accessLevel, "name"));
        Assert.Contains(member, Values.Texts(Assert.Single(Values.Objects(accessLevel, "basic.conditions")), "members"));
    }

    [Theory]
    [InlineData("dev", null)]
    [InlineData("prod", true)]
    public void Policy_levels_and_perimeter_are_protected_in_prod(string stack, bool? protect)
    {
        var run = runs[stack];
        Assert.Equal(protect, run.OptionsOf("perimeter-service-perimeter").Protect);
        Assert.All(run.OfType(GcpResourceTypes.AccessLevel), l => Assert.Equal(protect, run.OptionsOf(l.Name!).Protect));
    }

    [Fact]
    public async Task A_created_policy_parents_the_levels_and_perimeter_through_its_name()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "created-policy");
        var run = await ProgramRun.GcpLayerAsync(config);

        var policy = run.Inputs(GcpResourceTypes.AccessPolicy, "perimeter-access-policy");
        Assert.Equal("organizations/123456789012", Values.Text(policy, "parent"));
        var policyName = run.Mocks.States["perimeter-access-policy"]["name"];
        var perimeter = run.Inputs(GcpResourceTypes.ServicePerimeter, "perimeter-service-perimeter");
        Assert.Equal($"accessPolicies/{policyName}", Values.Text(perimeter, "parent"));
        Assert.Equal($"accessPolicies/{policyName}/servicePerimeters/ss_dev_perimeter", Values.Text(perimeter, "name"));
    }

    [Theory]
    [InlineData("dev", "spec")]
    [InlineData("prod", "status")]
    public void The_ci_deployer_comes_in_through_an_ingress_policy_for_the_services_pulumi_up_writes(string stack, string block)
    {
        var perimeter = runs[stack].Inputs(GcpResourceTypes.ServicePerimeter, "perimeter-service-perimeter");
        var ingress = Assert.Single(Values.Objects(perimeter, $"{block}.ingressPolicies"));

        Assert.Equal([$"serviceAccount:ss-deploy-{stack}@acme-ml-ops.iam.gserviceaccount.com"], Values.Texts(ingress, "ingressFrom.identities"));
        Assert.Equal("*", Values.Text(Assert.Single(Values.Objects(ingress, "ingressFrom.sources")), "accessLevel"));
        Assert.Equal(["*"], Values.Texts(ingress, "ingressTo.resources"));
        var operations = Values.Objects(ingress, "ingressTo.operations");
        Assert.Equal(["storage.googleapis.com", "cloudkms.googleapis.com", "pubsub.googleapis.com", "binaryauthorization.googleapis.com",
            "artifactregistry.googleapis.com"],
            operations.Select(o => Values.Text(o, "serviceName")));
        Assert.All(operations, o => Assert.Equal("*", Values.Text(Assert.Single(Values.Objects(o, "methodSelectors")), "method")));
    }

    [Fact]
    public async Task The_next_change_is_registered_as_a_dry_run_spec_beside_the_enforced_status()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("prod"), "perimeter-next-change");
        var run = await ProgramRun.GcpLayerAsync(config);

        var perimeter = run.Inputs(GcpResourceTypes.ServicePerimeter, "perimeter-service-perimeter");
        Assert.True(Values.Flag(perimeter, "useExplicitDryRunSpec"));
        Assert.DoesNotContain("monitoring.googleapis.com", Values.Texts(perimeter, "status.restrictedServices"));
        Assert.Contains("monitoring.googleapis.com", Values.Texts(perimeter, "spec.restrictedServices"));
        var sources = Values.Objects(Assert.Single(Values.Objects(perimeter, "spec.ingressPolicies")), "ingressFrom.sources");
        Assert.Equal(2, sources.Count);
        Assert.Equal("accessPolicies/987654321/accessLevels/ss_prod_builders", Values.Text(sources[0], "accessLevel"));
        Assert.False(Values.Has(sources[0], "resource"));
        Assert.Equal("projects/555555555555", Values.Text(sources[1], "resource"));
        Assert.False(Values.Has(sources[1], "accessLevel"));
        Assert.Equal(["projects/444444444444"], Values.Texts(Assert.Single(Values.Objects(perimeter, "spec.egressPolicies")), "egressTo.resources"));
    }

    [Fact]
    public async Task A_project_scoped_policy_and_rich_level_conditions_are_registered()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "scoped-policy-and-conditions");
        var run = await ProgramRun.GcpLayerAsync(config);

        Assert.Equal("projects/111111111111", Values.Text(run.Inputs(GcpResourceTypes.AccessPolicy, "perimeter-access-policy"), "scopes"));
        var condition = Assert.Single(Values.Objects(run.Inputs(GcpResourceTypes.AccessLevel, "perimeter-level-ss-dev-admins"), "basic.conditions"));
        Assert.Equal(["DE", "NL"], Values.Texts(condition, "regions"));
        Assert.True(Values.Flag(condition, "devicePolicy.requireScreenLock"));
        Assert.Equal("DESKTOP_CHROME_OS", Values.Text(Assert.Single(Values.Objects(condition, "devicePolicy.osConstraints")), "osType"));
        var vpc = Assert.Single(Values.Objects(Assert.Single(Values.Objects(run.Inputs(GcpResourceTypes.AccessLevel, "perimeter-level-ss-dev-vpc"), "basic.conditions")), "vpcNetworkSources"));
        Assert.Equal("//compute.googleapis.com/projects/acme-ml-dev/global/networks/ss-dev-vpc", Values.Text(vpc, "vpcSubnetwork.network"));
    }

    private static void AssertConfiguration(System.Collections.Immutable.ImmutableDictionary<string, object> perimeter, string block, string projectNumber, string level)
    {
        Assert.Equal([$"projects/{projectNumber}"], Values.Texts(perimeter, $"{block}.resources"));
        Assert.Equal(RestrictedServices, Values.Texts(perimeter, $"{block}.restrictedServices"));
        Assert.Equal([$"accessPolicies/987654321/accessLevels/{level}"], Values.Texts(perimeter, $"{block}.accessLevels"));
        Assert.True(Values.Flag(perimeter, $"{block}.vpcAccessibleServices.enableRestriction"));
        var allowed = Values.Texts(perimeter, $"{block}.vpcAccessibleServices.allowedServices");
        Assert.Contains("RESTRICTED-SERVICES", allowed);
        Assert.Contains("container.googleapis.com", allowed);
    }
}
