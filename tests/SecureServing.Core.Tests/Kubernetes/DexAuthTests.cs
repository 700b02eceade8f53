using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class DexAuthTests
{
    [Fact]
    public void Dex_token_is_validated_in_each_team_namespace()
    {
        var ra = PlanOf(TestConfigs.Prod()).Single("RequestAuthentication", "fraud-models", "dex-jwt");

        Assert.Null(ra.At("spec.selector"));
        Assert.Equal("https://dex.example.com", ra.Str("spec.jwtRules.0.issuer"));
        Assert.Equal("https://dex.example.com/keys", ra.Str("spec.jwtRules.0.jwksUri"));
        Assert.Equal(["kubeflow-oidc-authservice"], ra.Strings("spec.jwtRules.0.audiences"));
        Assert.True(ra.At("spec.jwtRules.0.forwardOriginalToken")!.GetValue<bool>());
        Assert.Equal("email", ra.Str("spec.jwtRules.0.outputClaimToHeaders.0.claim"));
    }

    [Fact]
    public void Dex_is_never_validated_on_the_gateway_next_to_the_iap_jwt()
    {
        // Two JWT rules on one proxy: Istio takes request.auth.claims from one token only; claim checks would misread.
        var gatewayRules = PlanOf(TestConfigs.Prod()).OfKind("RequestAuthentication")
            .Where(o => o.Namespace == "istio-system")
            .SelectMany(o => o.At("spec.jwtRules")!.AsArray().Select(r => r!["issuer"]!.GetValue<string>()));

        Assert.Equal(["https://cloud.google.com/iap"], gatewayRules);
    }

    [Fact]
    public void No_dex_no_request_authentication_in_teams()
    {
        Assert.DoesNotContain(PlanOf(TestConfigs.Dev()).OfKind("RequestAuthentication"), o => o.Namespace == "fraud-models");
    }
}
