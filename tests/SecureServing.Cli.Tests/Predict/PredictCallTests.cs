using SecureServing.Core.Validation;

namespace SecureServing.Cli.Tests.Predict;

/// <summary><c>predict</c> with <c>--auth none</c>: the request on the wire, the response shown, usage errors.</summary>
public sealed class PredictCallTests : IAsyncLifetime
{
    private readonly LoopbackServer server;
    private Func<RecordedRequest, ServerReply> model = _ => ServerReply.Json(200, """{"predictions":[1,1]}""");

    public PredictCallTests() => server = new LoopbackServer(request => model(request));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Base_url_keeps_the_IAP_route_path_and_sends_the_configured_host()
    {
        var input = CliRunner.InputFile();

        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", input, "--url", server.BaseUrl, "--auth", "none");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/kfserving/fraud-models/sklearn-iris:predict", call.Target);
        Assert.Equal("models.dev.example.com", call.Header("Host"));
        Assert.Equal("application/json", call.Header("Content-Type"));
        Assert.Equal(File.ReadAllText(input), call.BodyText);
        Assert.Null(call.Header("Authorization"));
        Assert.Null(call.Header("Cookie"));
    }

    [Fact]
    public async Task Base_url_keeps_the_cluster_local_host_and_v1_path_of_a_model_that_is_not_exposed()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "--stack", "dev", "--team", "fraud", "--model", "xgb-fraud-score", "--input", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("/v1/models/xgb-fraud-score:predict", call.Target);
        Assert.Equal("xgb-fraud-score-predictor.fraud-models.svc.cluster.local", call.Header("Host"));
        Assert.Null(call.Header("Authorization"));
    }

    [Fact]
    public async Task Base_url_keeps_the_public_knative_host_of_an_exposed_model_when_iap_is_off()
    {
        var result = await CliRunner.RunAsync(TestStack.WithoutIap(),
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("/v1/models/sklearn-iris:predict", call.Target);
        Assert.Equal("sklearn-iris-predictor-fraud-models.models.dev.example.com", call.Header("Host"));
        Assert.Null(call.Header("Authorization"));
    }

    [Fact]
    public async Task Team_namespace_is_accepted_in_place_of_the_team_name()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "--stack", "dev", "--team", "fraud-models", "--model", "xgb-fraud-score", "--input", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("/v1/models/xgb-fraud-score:predict", Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task Url_with_a_path_is_used_exactly_and_without_a_host_override()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "--stack", "dev", "--team", "fraud", "--model", "sklearn-iris", "--input", CliRunner.InputFile(),
            "--url", server.BaseUrl + "/v1/models/sklearn-iris:predict", "--auth", "none");

        Assert.True(result.ExitCode == 0, result.All);
        var call = Assert.Single(server.Requests);
        Assert.Equal("/v1/models/sklearn-iris:predict", call.Target);
        Assert.Equal($"127.0.0.1:{server.Port}", call.Header("Host"));
    }

    [Fact]
    public async Task Json_response_is_pretty_printed_on_stdout()
    {
        model = _ => ServerReply.Json(200, """{"predictions":[1,2],"model":"iris-ü"}""");

        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\n  \"predictions\": [\n    1,\n    2\n  ],\n  \"model\": \"iris-ü\"\n}\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Text_response_is_shown_raw()
    {
        model = _ => ServerReply.Text(200, "label=setosa {not json");

        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("label=setosa {not json\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Input_that_is_not_json_is_a_usage_error_with_its_position_and_nothing_is_sent()
    {
        var input = CliRunner.InputFile("{\"instances\": [[6.8, 2.8,]]\n");

        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", input, "--url", server.BaseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--input {input} is not valid JSON at line 1", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Missing_input_file_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", "/nonexistent/input.json", "--url", server.BaseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/input.json: no such file", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Unknown_team_is_a_usage_error_listing_the_teams()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "payments", "-m", "x", "-i", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no team or team namespace 'payments'", result.Error, StringComparison.Ordinal);
        Assert.Contains("fraud (namespace fraud-models), recsys (namespace recsys-models)", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Unknown_model_is_a_usage_error_listing_the_team_models()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "sklearn-irs", "-i", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("models: sklearn-iris (IAP route), xgb-fraud-score", result.Error, StringComparison.Ordinal);
        Assert.Contains("stacks/dev/fraud.yaml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_exits_with_the_usage_code()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(), "predict", "-s", "dev", "-t", "fraud", "-i", CliRunner.InputFile());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_auth_mode_exits_with_the_usage_code()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", CliRunner.InputFile(), "--auth", "basic");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Token_file_with_another_auth_mode_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", CliRunner.InputFile(), "--url", server.BaseUrl,
            "--auth", "none", "--token-file", CliRunner.InputFile("t"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--token-file applies to --auth dex", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Stack_with_configuration_errors_is_a_config_error_that_shows_the_findings()
    {
        var report = new CheckReport("dev", null,
        [
            new Finding("iap-hostname", Severity.Error, "Pulumi.dev.yaml", "secure-serving:iap.hostname", "IAP needs a hostname.", "Set it."),
        ]);

        var result = await CliRunner.RunAsync(report, new Dictionary<string, string>(),
            "predict", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "-i", CliRunner.InputFile(), "--url", server.BaseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Pulumi.dev.yaml: secure-serving:iap.hostname: IAP needs a hostname.", result.Error, StringComparison.Ordinal);
        Assert.Contains("secure-serving check --stack dev", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
