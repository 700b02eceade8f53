namespace SecureServing.Cli.Tests.Predict;

/// <summary><c>--auth dex</c>: what is sent for each credential source, and that the secret is never printed.</summary>
public sealed class DexAuthTests : IAsyncLifetime
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2RleC5leGFtcGxlLmNvbSJ9.dex-signature-0123456789";
    private const string Cookie = "MTYwODMyODk5M3xOd3dBTkVzeU5VSlJRazlQVnpWT1dGUl";
    private readonly LoopbackServer server;
    private Func<RecordedRequest, ServerReply> model = _ => ServerReply.Json(200, """{"predictions":[0]}""");

    public DexAuthTests() => server = new LoopbackServer(request => model(request));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<CliResult> PredictAsync(Dictionary<string, string> variables, params string[] extra) =>
        CliRunner.RunAsync(TestStack.WithDex(), variables,
        [
            "predict", "--stack", "dev", "--team", "fraud", "--model", "xgb-fraud-score", "--input", CliRunner.InputFile(),
            "--url", server.BaseUrl, .. extra,
        ]);

    [Fact]
    public async Task Token_from_the_environment_is_sent_as_bearer_token_without_a_cookie()
    {
        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_TOKEN"] = Token }, "--auth", "dex");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("Bearer " + Token, call.Header("Authorization"));
        Assert.Null(call.Header("Cookie"));
    }

    [Fact]
    public async Task Session_cookie_from_the_environment_is_sent_as_authservice_session_without_authorization()
    {
        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_COOKIE"] = Cookie }, "--auth", "dex");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("authservice_session=" + Cookie, call.Header("Cookie"));
        Assert.Null(call.Header("Authorization"));
    }

    [Fact]
    public async Task Cookie_pasted_with_its_name_is_sent_once()
    {
        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_COOKIE"] = "authservice_session=" + Cookie }, "--auth", "dex");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("authservice_session=" + Cookie, Assert.Single(server.Requests).Header("Cookie"));
    }

    [Fact]
    public async Task Token_file_wins_over_the_environment_and_its_trailing_newline_is_dropped()
    {
        var file = CliRunner.InputFile(Token + "\n");

        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_TOKEN"] = "other-token", ["SECURE_SERVING_DEX_COOKIE"] = Cookie }, "--auth", "dex", "--token-file", file);

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("Bearer " + Token, call.Header("Authorization"));
        Assert.Null(call.Header("Cookie"));
    }

    [Fact]
    public async Task Dex_is_the_default_auth_for_an_exposed_model_on_its_public_host_when_the_stack_verifies_dex()
    {
        var result = await CliRunner.RunAsync(TestStack.WithDex(TestStack.WithoutIap()), new Dictionary<string, string> { ["SECURE_SERVING_DEX_TOKEN"] = Token },
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("sklearn-iris-predictor-fraud-models.models.dev.example.com", call.Header("Host"));
        Assert.Equal("Bearer " + Token, call.Header("Authorization"));
    }

    [Fact]
    public async Task No_auth_is_the_default_for_a_cluster_local_model_even_when_the_stack_verifies_dex()
    {
        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_TOKEN"] = Token });

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task No_dex_credential_is_a_credential_failure_that_names_every_source_and_sends_nothing()
    {
        var result = await PredictAsync([], "--auth", "dex");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("SECURE_SERVING_DEX_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Contains("SECURE_SERVING_DEX_COOKIE", result.Error, StringComparison.Ordinal);
        Assert.Contains("--token-file", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_token_with_a_line_break_inside_is_refused_without_printing_it()
    {
        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_TOKEN"] = "abc\ndef-secret-part" }, "--auth", "dex");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("SECURE_SERVING_DEX_TOKEN contains whitespace", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("def-secret-part", result.All, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Rejected_token_401_says_which_source_was_used_hints_expiry_and_never_prints_the_token()
    {
        // A misconfigured service that echoes the request headers back.
        model = request => ServerReply.Text(401, "Jwt is expired\nechoed: " + request.Header("Authorization"), ("server", "istio-envoy"));

        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_TOKEN"] = Token }, "--auth", "dex", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Token, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("dex-signature-0123456789", result.All, StringComparison.Ordinal);
        Assert.Contains("Dex token from SECURE_SERVING_DEX_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"Jwt is expired\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("expired", result.Error, StringComparison.Ordinal);
        Assert.Contains("issued by https://dex.example.com", result.Error, StringComparison.Ordinal);
        Assert.Contains("echoed: Bearer [redacted]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_cookie_is_never_printed()
    {
        model = request => ServerReply.Text(401, "cookie was " + request.Header("Cookie"));

        var result = await PredictAsync(new() { ["SECURE_SERVING_DEX_COOKIE"] = Cookie }, "--auth", "dex", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Cookie, result.All, StringComparison.Ordinal);
        Assert.Contains("authservice_session cookie from SECURE_SERVING_DEX_COOKIE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mesh_rbac_403_names_the_required_dex_token_and_the_credential_sent()
    {
        model = _ => ServerReply.Text(403, "RBAC: access denied", ("server", "istio-envoy"));

        var result = await CliRunner.RunAsync(TestStack.WithDex(TestStack.WithoutIap()), new Dictionary<string, string> { ["SECURE_SERVING_DEX_TOKEN"] = Token },
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The mesh denied the call", result.Error, StringComparison.Ordinal);
        Assert.Contains("Pods in fraud-models, risk-batch may call 'sklearn-iris'", result.Error, StringComparison.Ordinal);
        Assert.Contains("only with a Dex token from https://dex.example.com for audience kubeflow-oidc-authservice whose groups include ml-serving-users", result.Error, StringComparison.Ordinal);
        Assert.Contains("this call sent Dex token from SECURE_SERVING_DEX_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("iap.accessors", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.All, StringComparison.Ordinal);
    }
}
