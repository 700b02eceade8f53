using System.Text.Json.Nodes;
using SecureServing.Components.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>
/// The Kubernetes provider reaches the cluster through the DNS endpoint (no public IP, IAM decides) with a
/// credential-free kubeconfig; an IP endpoint uses the cluster CA.
/// </summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class GkeKubeconfigTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_provider_uses_the_dns_endpoint_and_the_auth_plugin_and_holds_no_credential(string stack)
    {
        var provider = runs[stack].Inputs("pulumi:providers:kubernetes", "k8s-provider");
        var text = Values.Text(provider, "kubeconfig");
        var kubeconfig = JsonNode.Parse(text)!;

        var cluster = kubeconfig["clusters"]![0]!["cluster"]!;
        Assert.Equal("https://" + MockState.DnsEndpointOf("cluster-gke", "europe-west4"), (string?)cluster["server"]);
        Assert.Null(cluster["certificate-authority-data"]);
        var user = kubeconfig["users"]![0]!["user"]!;
        Assert.Equal(GkeKubeconfig.AuthPlugin, (string?)user["exec"]!["command"]);
        Assert.Null(user["token"]);
        Assert.DoesNotContain("token", text.Replace("tokens", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_ip_endpoint_is_reached_with_the_cluster_ca()
    {
        var config = Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "private-endpoint");
        var run = await ProgramRun.GcpLayerAsync(config);

        var text = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(run.Gcp!.Cluster!.Kubeconfig);
        var cluster = JsonNode.Parse(text)!["clusters"]![0]!["cluster"]!;
        Assert.Equal("https://" + MockState.ClusterEndpoint, (string?)cluster["server"]);
        Assert.Equal(MockState.ClusterCa, (string?)cluster["certificate-authority-data"]);
    }

    [Fact]
    public void A_cluster_without_an_endpoint_fails_with_a_message_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GkeKubeconfig.Render("ss-dev-gke", "", null));
        Assert.Contains("ss-dev-gke", error.Message, StringComparison.Ordinal);
        Assert.Contains("secure-serving:cluster.endpoint", error.Message, StringComparison.Ordinal);
    }
}
