namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// <c>--auth iap</c> end to end: Google.Apis.Auth signs an assertion with a service-account key made by the test,
/// a fake token endpoint on 127.0.0.1 verifies it and returns an ID token, and the model server on the same port
/// receives that token.
/// </summary>
public sealed class IapAuthTests : IAsyncLifetime
{
    private readonly FakeGoogleTokenEndpoint tokens;
    private readonly LoopbackServer server;
    private Func<RecordedRequest, ServerReply> model = _ => ServerReply.Json(200, """{"predictions":[1,1]}""");

    public IapAuthTests()
    {
        FakeGoogleTokenEndpoint? endpoint = null;
        server = new LoopbackServer(request => request.Target == FakeGoogleTokenEndpoint.TokenPath ? endpoint!.Handle(request) : model(request));
        endpoint = new FakeGoogleTokenEndpoint(server.BaseUrl);
        tokens = endpoint;
    }

    private IReadOnlyList<RecordedRequest> ModelCalls => [.. server.Requests.Where(r => r.Target != FakeGoogleTokenEndpoint.TokenPath)];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<CliResult> PredictAsync(Core.Config.PlatformConfig config, params string[] extra) =>
        CliRunner.RunAsync(config,
        [
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(),
            "--url", server.BaseUrl, .. extra,
        ]);

    [Fact]
    public async Task Byo_client_id_is_the_audience_and_the_minted_ID_token_is_sent_as_bearer_token()
    {
        var result = await PredictAsync(TestStack.WithByoClient(), "--auth", "iap", "--credentials", tokens.KeyFile);

        Assert.True(result.ExitCode == 0, result.All);
        var assertion = Assert.Single(tokens.Assertions);
        Assert.Equal(TestStack.ByoClientId, assertion["target_audience"]?.GetValue<string>());
        Assert.Equal(FakeGoogleTokenEndpoint.ClientEmail, assertion["iss"]?.GetValue<string>());
        var call = Assert.Single(ModelCalls);
        Assert.Equal("Bearer " + Assert.Single(tokens.IssuedTokens), call.Header("Authorization"));
        Assert.Null(call.Header("Cookie"));
    }

    [Fact]
    public async Task Iap_is_the_default_auth_for_a_model_on_the_IAP_route()
    {
        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", tokens.KeyFile);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.StartsWith("Bearer ", Assert.Single(ModelCalls).Header("Authorization"));
    }

    [Fact]
    public async Task With_dex_in_the_mesh_the_google_token_goes_in_proxy_authorization_and_the_dex_token_in_authorization()
    {
        const string dexToken = "dex-token-for-the-mesh-0123456789";
        var config = TestStack.WithDex(TestStack.WithByoClient());

        var result = await CliRunner.RunAsync(config, new Dictionary<string, string> { ["SECURE_SERVING_DEX_TOKEN"] = dexToken },
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(),
            "--url", server.BaseUrl, "--credentials", tokens.KeyFile, "--verbose");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(ModelCalls);
        Assert.Equal("Bearer " + Assert.Single(tokens.IssuedTokens), call.Header("Proxy-Authorization"));
        Assert.Equal("Bearer " + dexToken, call.Header("Authorization"));
        Assert.Contains("auth: iap+dex", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(dexToken, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.IssuedTokens[0], result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iap_plus_dex_without_a_dex_credential_fails_before_asking_google_for_a_token()
    {
        var result = await PredictAsync(TestStack.WithDex(TestStack.WithByoClient()), "--credentials", tokens.KeyFile);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--auth iap+dex (the default for 'sklearn-iris': the stack's mesh checks Dex tokens", result.Error, StringComparison.Ordinal);
        Assert.Contains("SECURE_SERVING_DEX_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Audience_option_overrides_the_configured_client_id()
    {
        const string allowlisted = "333333333333-programmatic.apps.googleusercontent.com";

        var result = await PredictAsync(TestStack.WithByoClient(), "--auth", "iap", "--credentials", tokens.KeyFile, "--audience", allowlisted);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(allowlisted, Assert.Single(tokens.Assertions)["target_audience"]?.GetValue<string>());
    }

    [Fact]
    public async Task Managed_client_without_audience_is_a_usage_error_that_asks_for_audience_and_sends_nothing()
    {
        var result = await PredictAsync(TestStack.Dev(), "--credentials", tokens.KeyFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Google-managed OAuth client", result.Error, StringComparison.Ordinal);
        Assert.Contains("--audience", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Token_endpoint_refusal_is_a_credential_failure_naming_the_key_and_the_error()
    {
        tokens.RefuseWith = "invalid_grant";

        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", tokens.KeyFile);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("invalid_grant", result.Error, StringComparison.Ordinal);
        Assert.Contains(FakeGoogleTokenEndpoint.ClientEmail, result.Error, StringComparison.Ordinal);
        Assert.Empty(ModelCalls);
    }

    [Fact]
    public async Task A_file_that_is_not_a_service_account_key_is_a_credential_failure()
    {
        var notAKey = CliRunner.InputFile("""{"type": "authorized_user", "client_id": "x", "client_secret": "y", "refresh_token": "z"}""");

        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", notAKey);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not a usable service-account key file", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Iap_401_names_the_credential_the_audience_and_the_client_id_rule()
    {
        model = _ => ServerReply.Text(401, "Invalid IAP credentials: JWT audience doesn't match this application", ("x-goog-iap-generated-response", "true"));

        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", tokens.KeyFile, "--audience", "wrong-client.apps.googleusercontent.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
        Assert.Contains(tokens.KeyFile, result.Error, StringComparison.Ordinal);
        Assert.Contains("audience wrong-client.apps.googleusercontent.com", result.Error, StringComparison.Ordinal);
        Assert.Contains($"OAuth client id of the IAP backend: {TestStack.ByoClientId}", result.Error, StringComparison.Ordinal);
        Assert.Contains("this token's audience differs", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iap_403_names_the_identity_and_the_accessor_settings()
    {
        model = _ => ServerReply.Text(403, "You don't have access", ("x-goog-iap-generated-response", "true"), ("server", "Google Frontend"));

        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", tokens.KeyFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"IAP authenticated serviceAccount:{FakeGoogleTokenEndpoint.ClientEmail} but denied access", result.Error, StringComparison.Ordinal);
        Assert.Contains("`secure-serving:iap.accessors` in Pulumi.dev.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("`members` in stacks/dev/fraud.yaml", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("allowedNamespaces", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ID_token_is_never_printed_even_when_the_service_echoes_it_back()
    {
        model = request => ServerReply.Text(401, "echo: " + request.Header("Authorization"), ("x-goog-iap-generated-response", "true"));

        var result = await PredictAsync(TestStack.WithByoClient(), "--credentials", tokens.KeyFile, "--verbose");

        Assert.Equal(1, result.ExitCode);
        var token = Assert.Single(tokens.IssuedTokens);
        Assert.DoesNotContain(token, result.All, StringComparison.Ordinal);
        Assert.Contains("echo: Bearer [redacted]", result.Error, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer [redacted]", result.Error, StringComparison.Ordinal);
    }
}
