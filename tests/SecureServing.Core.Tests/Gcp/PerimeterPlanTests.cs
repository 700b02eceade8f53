using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

public sealed class PerimeterPlanTests
{
    [Fact]
    public void Dry_run_writes_the_explicit_dry_run_spec_and_no_status()
    {
        var config = TestConfigs.Dev();
        var perimeter = GcpPlanner.Plan(config).Single("perimeter-service-perimeter");

        Assert.True(perimeter.Bool("useExplicitDryRunSpec"));
        Assert.NotNull(perimeter.At("spec"));
        Assert.Null(perimeter.At("status"));
        Assert.Equal([$"projects/{config.ProjectNumber}"], perimeter.Strings("spec.resources"));
        Assert.Equal(config.Perimeter.RestrictedServices, perimeter.Strings("spec.restrictedServices"));
    }

    [Fact]
    public void Enforced_writes_the_status_and_no_dry_run_spec()
    {
        var config = TestConfigs.Prod();
        var perimeter = GcpPlanner.Plan(config).Single("perimeter-service-perimeter");

        Assert.False(perimeter.Bool("useExplicitDryRunSpec"));
        Assert.Null(perimeter.At("spec"));
        Assert.Equal([$"projects/{config.ProjectNumber}"], perimeter.Strings("status.resources"));
        Assert.Equal(config.Perimeter.RestrictedServices, perimeter.Strings("status.restrictedServices"));
    }

    [Theory]
    [InlineData(PerimeterMode.DryRun, "spec")]
    [InlineData(PerimeterMode.Enforced, "status")]
    public void Vpc_accessible_services_are_restricted_to_restricted_services_plus_what_the_cluster_needs(PerimeterMode mode, string block)
    {
        var config = TestConfigs.Dev() with { Perimeter = TestConfigs.Dev().Perimeter with { Mode = mode } };
        var perimeter = GcpPlanner.Plan(config).Single("perimeter-service-perimeter");

        Assert.True(perimeter.Bool($"{block}.vpcAccessibleServices.enableRestriction"));
        var allowed = perimeter.Strings($"{block}.vpcAccessibleServices.allowedServices");
        Assert.Equal("RESTRICTED-SERVICES", allowed[0]);
        Assert.Contains("container.googleapis.com", allowed);
        Assert.Contains("logging.googleapis.com", allowed);
        Assert.Contains("sts.googleapis.com", allowed);
        // Services the perimeter already restricts are covered by the keyword, not repeated.
        Assert.DoesNotContain("storage.googleapis.com", allowed);
        Assert.Equal(allowed.Count, allowed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Perimeter_and_levels_live_in_the_existing_policy_when_an_id_is_given()
    {
        var config = TestConfigs.Dev();
        var plan = GcpPlanner.Plan(config);

        Assert.Empty(plan.OfType(GcpResourceTypes.AccessPolicy));
        var perimeter = plan.Single("perimeter-service-perimeter");
        Assert.Equal("accessPolicies/987654321", perimeter.Str("parent"));
        Assert.Equal("accessPolicies/987654321/servicePerimeters/ss_dev_perimeter", perimeter.Str("name"));
        Assert.Equal(["${perimeter-level-ss-dev-builders.name}"], perimeter.Strings("spec.accessLevels"));
        Assert.Equal("accessPolicies/987654321/accessLevels/ss_dev_builders", plan.Single("perimeter-level-ss-dev-builders").Str("name"));
    }

    [Fact]
    public void A_created_policy_is_parented_on_the_organization_and_referenced_by_levels_and_perimeter()
    {
        var config = TestConfigs.Dev() with
        {
            Perimeter = TestConfigs.Dev().Perimeter with { AccessPolicy = new AccessPolicyRef { Create = true, Title = "acme" } },
        };
        var plan = GcpPlanner.Plan(config);

        var policy = plan.Single("perimeter-access-policy");
        Assert.Equal(GcpResourceTypes.AccessPolicy, policy.Type);
        Assert.Equal($"organizations/{config.OrganizationId}", policy.Str("parent"));
        Assert.Equal("acme", policy.Str("title"));

        var level = plan.Single("perimeter-level-ss-dev-builders");
        Assert.Equal("accessPolicies/${perimeter-access-policy.name}", level.Str("parent"));
        Assert.Equal("accessPolicies/${perimeter-access-policy.name}/accessLevels/ss_dev_builders", level.Str("name"));
        Assert.Equal("accessPolicies/${perimeter-access-policy.name}", plan.Single("perimeter-service-perimeter").Str("parent"));
    }

    [Fact]
    public void Basic_access_levels_carry_members_and_ip_ranges_in_one_condition()
    {
        var config = TestConfigs.Dev() with
        {
            Perimeter = TestConfigs.Dev().Perimeter with
            {
                AccessLevels =
                [
                    new AccessLevelConfig { Name = "office_admins", Members = ["group:admins@example.com"], IpSubnetworks = ["203.0.113.0/24"] },
                ],
            },
        };
        var level = GcpPlanner.Plan(config).Single("perimeter-level-office-admins");

        Assert.Equal("office_admins", level.Str("title"));
        Assert.Equal("AND", level.Str("basic.combiningFunction"));
        Assert.Equal(["group:admins@example.com"], level.Strings("basic.conditions.0.members"));
        Assert.Equal(["203.0.113.0/24"], level.Strings("basic.conditions.0.ipSubnetworks"));
    }

    [Fact]
    public void Perimeter_is_protected_in_production_only()
    {
        Assert.True(GcpPlanner.Plan(TestConfigs.Prod()).Perimeter.Protect);
        Assert.False(GcpPlanner.Plan(TestConfigs.Dev()).Perimeter.Protect);
    }
}
