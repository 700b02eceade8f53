using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>The Knative activator and autoscaler run with sidecars, which STRICT team namespaces need.</summary>
public class KnativeSystemSidecarsTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Knative_serving_gets_sidecar_injection_in_both_mtls_scopes(string stack)
    {
        var plan = PlanOf(stack == "dev" ? TestConfigs.Dev() : TestConfigs.Prod());

        var ns = plan.Single("Namespace", null, "knative-serving");

        Assert.Equal(ApplyMode.Patch, ns.Mode);
        Assert.Equal("enabled", ns.Label("istio-injection"));
        Assert.Equal("platform", ns.Owner);
        Assert.Null(ns.At("spec"));
    }

    [Fact]
    public void Also_without_namespace_authorization_because_team_namespaces_stay_strict()
    {
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team() with { Authorization = false });

        var plan = PlanOf(config);

        Assert.Equal("STRICT", plan.Single("PeerAuthentication", "fraud-models", "default").Str("spec.mtls.mode"));
        Assert.Equal("enabled", plan.Single("Namespace", null, "knative-serving").Label("istio-injection"));
    }
}
