using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Validation;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>
/// The ways past the intended callers that evaluating earlier renders of the shipped dev and prod stacks found, each
/// pinned on the literal rendered field of the shipped stacks: these fail on a render that still has the hole.
/// </summary>
public class ShippedStackAccessTests
{
    private static PlatformConfig Shipped(string stack) =>
        StackCheck.Run(Tests.Config.TempRepo.RepoRoot(), stack).Config ?? throw new Xunit.Sdk.XunitException($"shipped stack {stack} is refused");

    [Theory]
    [InlineData("dev", "/projects/111111111111/global/backendServices/*")]
    [InlineData("prod", "/projects/222222222222/global/backendServices/*")]
    public void Iap_jwts_for_other_projects_backends_are_refused(string stack, string audience)
    {
        var policy = PlanOf(Shipped(stack)).Single("AuthorizationPolicy", "istio-system", "iap-require-jwt");

        Assert.Equal("ALLOW", policy.Str("spec.action"));
        Assert.Equal("request.auth.audiences", policy.Str("spec.rules.0.when.0.key"));
        Assert.Equal([audience], policy.Strings("spec.rules.0.when.0.values"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void No_gateway_service_keeps_a_public_ip(string stack)
    {
        var plan = PlanOf(Shipped(stack));

        Assert.Equal("ClusterIP", plan.Single("Service", "istio-system", "istio-ingressgateway").Str("spec.type"));
        Assert.Equal("ClusterIP", plan.Single("Service", "istio-system", "istio-public-gateway").Str("spec.type"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_cluster_local_gateway_is_no_way_around_namespace_isolation(string stack)
    {
        var plan = PlanOf(Shipped(stack));

        var local = plan.Single("AuthorizationPolicy", "istio-system", "local-gateway-callers");
        Assert.Equal(["cluster.local/ns/istio-system/sa/istio-public-gateway"], local.Strings("spec.rules.0.from.0.source.principals"));
        var modelCallers = plan.OfKind("AuthorizationPolicy").Where(p => p.Name.EndsWith("-callers", StringComparison.Ordinal) && p.Namespace != "istio-system").ToList();
        Assert.NotEmpty(modelCallers);
        foreach (var callers in modelCallers)
        {
            Assert.All(callers.At("spec.rules")!.AsArray(), r => Assert.DoesNotContain("istio-system", PlanQueries.At(r, "from.0.source.namespaces")?.ToJsonString() ?? "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Prod_no_longer_asks_for_out_of_mesh_callers_under_mesh_mtls()
    {
        var config = Shipped("prod");

        Assert.False(config.Mesh.OutOfMeshCallers);
        Assert.Equal(MtlsScope.Mesh, config.Mesh.Mtls);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Team_members_pass_iap_only_for_their_own_teams_paths(string stack)
    {
        var config = Shipped(stack);
        var grants = GcpPlanner.Plan(config).Resources.Where(r => r.Type == GcpResourceTypes.IapWebIamMember).ToList();

        foreach (var team in config.Teams)
        {
            var mine = grants.Where(g => team.Members.Contains(g.Properties["member"]!.GetValue<string>())).ToList();
            Assert.NotEmpty(mine);
            Assert.All(mine, g => Assert.EndsWith($"request.path.startsWith(\"/kfserving/{team.Namespace}/\")",
                g.Properties["condition"]!["expression"]!.GetValue<string>(), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Knatives_activator_and_autoscaler_get_sidecars(string stack)
    {
        Assert.Equal("enabled", PlanOf(Shipped(stack)).Single("Namespace", null, "knative-serving").Label("istio-injection"));
    }
}
