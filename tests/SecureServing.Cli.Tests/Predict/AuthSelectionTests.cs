using SecureServing.Cli.Predict;
using SecureServing.Core.Config;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>The default <c>--auth</c> per route and stack, and the IAP audience.</summary>
public sealed class AuthSelectionTests
{
    private static AuthMode Default(PlatformConfig config, string model) => AuthSelection.DefaultMode(ModelTarget.Find(config, "fraud", model));

    [Fact]
    public void Iap_route_defaults_to_iap() => Assert.Equal(AuthMode.Iap, Default(TestStack.Dev(), "sklearn-iris"));

    [Fact]
    public void Iap_route_in_a_stack_with_dex_defaults_to_iap_plus_dex() =>
        Assert.Equal(AuthMode.IapDex, Default(TestStack.WithDex(), "sklearn-iris"));

    [Fact]
    public void Public_knative_host_defaults_to_dex_when_the_stack_has_dex_else_none()
    {
        Assert.Equal(AuthMode.Dex, Default(TestStack.WithDex(TestStack.WithoutIap()), "sklearn-iris"));
        Assert.Equal(AuthMode.None, Default(TestStack.WithoutIap(), "sklearn-iris"));
    }

    [Fact]
    public void Cluster_local_model_defaults_to_none() => Assert.Equal(AuthMode.None, Default(TestStack.WithDex(), "xgb-fraud-score"));

    [Fact]
    public void Audience_is_the_byo_client_id_unless_given()
    {
        Assert.Equal(TestStack.ByoClientId, AuthSelection.IapAudience(TestStack.WithByoClient(), null));
        Assert.Equal("given.apps.googleusercontent.com", AuthSelection.IapAudience(TestStack.WithByoClient(), "given.apps.googleusercontent.com"));
        Assert.Equal("given.apps.googleusercontent.com", AuthSelection.IapAudience(TestStack.Dev(), "given.apps.googleusercontent.com"));
    }

    [Fact]
    public void Managed_client_without_audience_asks_for_audience_and_names_the_stack_file()
    {
        var error = Assert.Throws<UsageException>(() => AuthSelection.IapAudience(TestStack.Dev(), null));

        Assert.Contains("--audience", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.dev.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("programmatic-access allowlist", error.Message, StringComparison.Ordinal);
    }
}
