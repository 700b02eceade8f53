using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using SecureServing.Infra;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Composition;

/// <summary>The stack outputs users read after <c>pulumi up</c>, with no secret among them.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class StackOutputsTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "ss-dev-gke", "models.dev.example.com")]
    [InlineData("prod", "ss-prod-gke", "models.example.com")]
    public async Task Outputs_name_the_cluster_its_dns_endpoint_and_the_public_hostname(string stack, string cluster, string hostname)
    {
        var outputs = runs[stack].Outputs;
        Assert.Equal(
            [StackOutputs.ClusterName, StackOutputs.ControlPlaneDnsEndpoint, StackOutputs.IngressAddress, StackOutputs.IngressHostname, StackOutputs.ModelUrls],
            outputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(cluster, await Value<string>(outputs[StackOutputs.ClusterName]));
        Assert.Equal(MockState.DnsEndpointOf("cluster-gke", "europe-west4"), await Value<string>(outputs[StackOutputs.ControlPlaneDnsEndpoint]));
        Assert.Equal(hostname, outputs[StackOutputs.IngressHostname]);
        Assert.Equal(MockState.GlobalAddress, await Value<string>(outputs[StackOutputs.IngressAddress]));
    }

    [Fact]
    public void Every_dev_model_has_its_url()
    {
        var urls = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(runs["dev"].Outputs[StackOutputs.ModelUrls]);
        Assert.Equal(new Dictionary<string, string>
        {
            // Exposed through IAP: the path route /kfserving/<namespace>/<model> on the IAP hostname.
            ["fraud/sklearn-iris"] = "https://models.dev.example.com/kfserving/fraud-models/sklearn-iris:predict",
            ["recsys/two-tower"] = "https://models.dev.example.com/kfserving/recsys-models/two-tower:predict",
            // Not exposed: only the cluster-local predictor host, reachable from inside the cluster.
            ["fraud/xgb-fraud-score"] = "http://xgb-fraud-score-predictor.fraud-models.svc.cluster.local/v1/models/xgb-fraud-score:predict",
            ["recsys/batch-ranker"] = "http://batch-ranker-predictor.recsys-models.svc.cluster.local/v1/models/batch-ranker:predict",
            ["recsys/llm-reranker"] = "http://llm-reranker-predictor.recsys-models.svc.cluster.local/v1/models/llm-reranker:predict",
        }.OrderBy(kv => kv.Key, StringComparer.Ordinal), urls.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_output_is_a_secret_or_holds_the_iap_client_secret()
    {
        var run = runs["prod"];
        // The prod run did read the bring-your-own client secret (for the Kubernetes secret of the BackendConfig) ...
        Assert.Contains(run.Mocks.Registered, r => JsonSerializer.Serialize(r.Inputs).Contains(ProgramRun.IapClientSecret, StringComparison.Ordinal));
        // ... and no stack output carries it, in clear or as a secret.
        foreach (var (key, value) in run.Outputs)
        {
            if (value is Output<string> text)
            {
                Assert.False(await Output.IsSecretAsync(text), $"{key} is a secret");
                Assert.DoesNotContain(ProgramRun.IapClientSecret, await Value<string>(text), StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(ProgramRun.IapClientSecret, JsonSerializer.Serialize(value), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_engine_receives_the_outputs_serialized_and_none_is_secret(string stack)
    {
        var registered = runs[stack].RegisteredStackOutputs;

        Assert.Equal(
            [StackOutputs.ClusterName, StackOutputs.ControlPlaneDnsEndpoint, StackOutputs.IngressAddress, StackOutputs.IngressHostname, StackOutputs.ModelUrls],
            registered.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, output) in registered)
        {
            Assert.False(await Output.IsSecretAsync(output), $"stack output {key} is a secret");
            var value = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(output);
            Assert.NotNull(value);
            Assert.DoesNotContain(ProgramRun.IapClientSecret, JsonSerializer.Serialize(value), StringComparison.Ordinal);
        }

        var urls = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(registered[StackOutputs.ModelUrls]));
        Assert.Equal(ProgramRun.Load(stack).Teams.Sum(t => t.Models.Count), urls.Count);
    }

    private static Task<T> Value<T>(object? output) =>
        global::Pulumi.Utilities.OutputUtilities.GetValueAsync(Assert.IsType<Output<T>>(output));
}
