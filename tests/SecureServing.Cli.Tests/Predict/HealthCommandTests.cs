namespace SecureServing.Cli.Tests.Predict;

/// <summary><c>health</c>: GET on the model's v1 path (or its IAP path) and the model's own readiness answer.</summary>
public sealed class HealthCommandTests : IAsyncLifetime
{
    private readonly LoopbackServer server;
    private ServerReply reply = ServerReply.Json(200, """{"name":"xgb-fraud-score","ready":true}""");

    public HealthCommandTests() => server = new LoopbackServer(_ => reply);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Gets_the_v1_model_path_on_the_cluster_local_host_and_prints_the_answer()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(), "health", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "--url", server.BaseUrl);

        Assert.Equal(0, result.ExitCode);
        var call = Assert.Single(server.Requests);
        Assert.Equal("GET", call.Method);
        Assert.Equal("/v1/models/xgb-fraud-score", call.Target);
        Assert.Equal("xgb-fraud-score-predictor.fraud-models.svc.cluster.local", call.Header("Host"));
        Assert.Empty(call.Body);
        Assert.Contains("\"ready\": true", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gets_the_IAP_path_without_predict_suffix()
    {
        reply = ServerReply.Json(200, """{"name":"sklearn-iris","ready":true}""");

        var result = await CliRunner.RunAsync(TestStack.Dev(), "health", "-s", "dev", "-t", "fraud", "-m", "sklearn-iris", "--url", server.BaseUrl, "--auth", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/kfserving/fraud-models/sklearn-iris", Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task A_model_that_reports_not_ready_exits_1()
    {
        reply = ServerReply.Json(200, """{"name":"xgb-fraud-score","ready":false}""");

        var result = await CliRunner.RunAsync(TestStack.Dev(), "health", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "--url", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("reports \"ready\": false", result.Error, StringComparison.Ordinal);
        Assert.Contains("describe inferenceservice xgb-fraud-score", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_has_no_input_option()
    {
        var result = await CliRunner.RunAsync(TestStack.Dev(),
            "health", "-s", "dev", "-t", "fraud", "-m", "xgb-fraud-score", "--url", server.BaseUrl, "--input", CliRunner.InputFile());

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }
}
