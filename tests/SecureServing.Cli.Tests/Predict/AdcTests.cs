namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// <c>--auth iap</c> without <c>--credentials</c>: the ID token comes from Application Default Credentials, here a
/// service-account key named by GOOGLE_APPLICATION_CREDENTIALS (set for the whole test process by <see cref="CliRunner"/>).
/// Google.Apis.Auth caches ADC per process, so this is the only test that may use it.
/// </summary>
public sealed class AdcTests
{
    [Fact]
    public async Task Application_default_credentials_supply_the_id_token_for_the_configured_audience()
    {
        FakeGoogleTokenEndpoint? tokens = null;
        await using var server = new LoopbackServer(request => request.Target == FakeGoogleTokenEndpoint.TokenPath
            ? tokens!.Handle(request)
            : ServerReply.Json(200, """{"predictions":[1]}"""));
        tokens = new FakeGoogleTokenEndpoint(server.BaseUrl, CliRunner.AdcKeyFile);

        var result = await CliRunner.RunAsync(TestStack.WithByoClient(),
            new Dictionary<string, string> { ["GOOGLE_APPLICATION_CREDENTIALS"] = CliRunner.AdcKeyFile },
            "predict", "-s", "dev", "-t", "fraud", "-m", "sklearn-iris", "-i", CliRunner.InputFile(), "--url", server.BaseUrl, "--auth", "iap", "--verbose");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(TestStack.ByoClientId, Assert.Single(tokens.Assertions)["target_audience"]?.GetValue<string>());
        var call = Assert.Single(server.Requests, r => r.Target != FakeGoogleTokenEndpoint.TokenPath);
        Assert.Equal("Bearer " + Assert.Single(tokens.IssuedTokens), call.Header("Authorization"));
        Assert.Contains($"Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS={CliRunner.AdcKeyFile}): service account {FakeGoogleTokenEndpoint.ClientEmail}",
            result.Error, StringComparison.Ordinal);
    }
}
