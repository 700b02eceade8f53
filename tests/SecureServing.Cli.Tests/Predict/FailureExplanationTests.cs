using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>HTTP errors and network failures from real servers on 127.0.0.1: exit codes and what the user is told.</summary>
public sealed class FailureExplanationTests : IAsyncLifetime
{
    private readonly LoopbackServer server;
    private Func<RecordedRequest, CancellationToken, Task<ServerReply>> model = (_, _) => Task.FromResult(ServerReply.Json(200, "{}"));

    public FailureExplanationTests() => server = new LoopbackServer((request, ct) => model(request, ct));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private void Answer(ServerReply reply) => model = (_, _) => Task.FromResult(reply);

    private Task<CliResult> PredictAsync(string modelName, string url, params string[] extra) =>
        CliRunner.RunAsync(TestStack.Dev(),
            ["predict", "-s", "dev", "-t", "fraud", "-m", modelName, "-i", CliRunner.InputFile(), "--url", url, "--auth", "none", .. extra]);

    [Fact]
    public async Task Iap_401_without_a_token_says_to_use_auth_iap()
    {
        Answer(ServerReply.Text(401, "Invalid IAP credentials: empty token", ("x-goog-iap-generated-response", "true")));

        var result = await PredictAsync("sklearn-iris", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("IAP requires a Google identity token and none was sent", result.Error, StringComparison.Ordinal);
        Assert.Contains("--auth iap", result.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid IAP credentials: empty token", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Mesh_rbac_403_for_a_cluster_local_model_names_allowed_namespaces_and_why_gateways_are_refused()
    {
        Answer(ServerReply.Text(403, "RBAC: access denied", ("server", "istio-envoy")));

        var result = await PredictAsync("xgb-fraud-score", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The mesh denied the call", result.Error, StringComparison.Ordinal);
        Assert.Contains("Pods in fraud-models, risk-batch may call 'xgb-fraud-score'", result.Error, StringComparison.Ordinal);
        Assert.Contains("`allowedNamespaces` in stacks/dev/fraud.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("are not allowed: 'xgb-fraud-score' is cluster-local", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("iap.accessors", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Dex", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mesh_rbac_403_through_a_port_forward_to_the_gateway_explains_the_iap_jwt_policy()
    {
        Answer(ServerReply.Text(403, "RBAC: access denied", ("server", "istio-envoy")));

        var result = await PredictAsync("sklearn-iris", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("went to the public gateway directly (--url), not through IAP", result.Error, StringComparison.Ordinal);
        Assert.Contains("iap.verifyJwtInMesh (Pulumi.dev.yaml)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Calls through a gateway (they arrive as the gateway's identity: cluster.local/ns/istio-system/sa/istio-public-gateway, cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account) are allowed;", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_403_is_attributed_to_neither_iap_nor_the_mesh()
    {
        Answer(ServerReply.Json(403, """{"error":"forbidden by model"}""", ("server", "uvicorn")));

        var result = await PredictAsync("xgb-fraud-score", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("neither from IAP", result.Error, StringComparison.Ordinal);
        Assert.Contains("server: uvicorn", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("allowedNamespaces", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_404_explains_the_route_and_lists_the_team_models()
    {
        Answer(ServerReply.Empty(404, ("server", "istio-envoy")));

        var result = await PredictAsync("sklearn-iris", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No route for models.dev.example.com/kfserving/fraud-models/sklearn-iris:predict", result.Error, StringComparison.Ordinal);
        Assert.Contains("exposeViaIap: true", result.Error, StringComparison.Ordinal);
        Assert.Contains("has models: sklearn-iris (IAP route), xgb-fraud-score", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_server_404_says_the_model_name_is_wrong_and_lists_the_team_models()
    {
        Answer(ServerReply.Json(404, """{"error":"Model with name xgb-fraud-scor does not exist."}"""));

        var result = await PredictAsync("xgb-fraud-score", server.BaseUrl + "/v1/models/xgb-fraud-scor:predict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not serve this model: \"Model with name xgb-fraud-scor does not exist.\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("has models: sklearn-iris (IAP route), xgb-fraud-score", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"error\": \"Model with name xgb-fraud-scor does not exist.\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_healthy_upstream_503_says_no_pod_is_ready()
    {
        Answer(ServerReply.Text(503, "no healthy upstream", ("server", "istio-envoy")));

        var result = await PredictAsync("xgb-fraud-score", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No ready pod serves 'xgb-fraud-score'", result.Error, StringComparison.Ordinal);
        Assert.Contains("kubectl -n fraud-models get pods -l serving.kserve.io/inferenceservice=xgb-fraud-score", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_to_google_sign_in_is_reported_and_not_followed()
    {
        Answer(ServerReply.Empty(302, ("Location", "https://accounts.google.com/o/oauth2/v2/auth?client_id=x")));

        var result = await PredictAsync("sklearn-iris", server.BaseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("redirects to https://accounts.google.com/", result.Error, StringComparison.Ordinal);
        Assert.Contains("--auth iap", result.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Slow_server_times_out_with_the_network_exit_code()
    {
        model = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            return ServerReply.Json(200, "{}");
        };
        var clock = Stopwatch.StartNew();

        var result = await PredictAsync("xgb-fraud-score", server.BaseUrl, "--timeout", "1");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("within 1 s (--timeout)", result.Error, StringComparison.Ordinal);
        Assert.Contains("kubectl -n fraud-models get inferenceservice xgb-fraud-score", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the call took {clock.Elapsed}, the timeout was ignored");
    }

    [Fact]
    public async Task Connection_refused_names_the_address_and_the_port_forward()
    {
        var port = ClosedPort();

        var result = await PredictAsync("xgb-fraud-score", $"http://127.0.0.1:{port}");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"Connection refused by 127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
        Assert.Contains("port-forward", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_to_a_plain_http_server_is_a_tls_failure()
    {
        var result = await PredictAsync("xgb-fraud-score", $"https://127.0.0.1:{server.Port}");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("TLS handshake with xgb-fraud-score-predictor.fraud-models.svc.cluster.local failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("use http://", result.Error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
