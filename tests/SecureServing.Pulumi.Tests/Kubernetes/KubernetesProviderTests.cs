using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>The explicit provider in both cluster modes: the stack's GKE cluster, or a cluster brought by the user.</summary>
public sealed class KubernetesProviderTests
{
    private const string Kubeconfig = "apiVersion: v1\nkind: Config\nclusters: []\n";

    [Fact]
    public async Task Gke_mode_uses_the_cluster_kubeconfig_with_server_side_apply_and_forced_patches()
    {
        var mocks = new RecordingMocks();
        var cluster = new ClusterConfig { Name = "ss-dev-gke", NodeTag = "ss-dev-node" };

        await Deployment.TestAsync(mocks.Mock.Object, new TestOptions { IsPreview = false }, () =>
        {
            KubernetesProviderFactory.Create("k8s-provider", cluster, Output.Create(Kubeconfig));
        });

        var provider = mocks.Single("pulumi:providers:kubernetes", "k8s-provider");
        Assert.Equal(Kubeconfig, provider.Inputs["kubeconfig"]);
        Assert.Equal("true", provider.Inputs["enableServerSideApply"]);
        Assert.Equal("true", provider.Inputs["enablePatchForce"]);
    }

    [Fact]
    public async Task Existing_cluster_mode_reads_the_kubeconfig_from_the_stack_secret()
    {
        var mocks = new RecordingMocks();
        var cluster = new ClusterConfig
        {
            Name = "byo",
            NodeTag = "byo-node",
            Provider = ClusterProvider.Existing,
            Kubeconfig = new SecretRef("secure-serving:cluster", "kubeconfig"),
        };
        var secretIsSecret = false;

        await WithStackConfigAsync(
            $$"""{"secure-serving:cluster": {{System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Serialize(new { provider = "existing", kubeconfig = Kubeconfig }))}}}""",
            """["secure-serving:cluster"]""",
            () => Deployment.TestAsync(mocks.Mock.Object, new TestOptions { IsPreview = false }, async () =>
            {
                KubernetesProviderFactory.Create("k8s-provider", cluster, gkeKubeconfig: null);
                secretIsSecret = await Output.IsSecretAsync(StackSecrets.Require(cluster.Kubeconfig));
            }));

        var provider = mocks.Single("pulumi:providers:kubernetes", "k8s-provider");
        Assert.Equal(Kubeconfig, provider.Inputs["kubeconfig"]);
        Assert.Equal("true", provider.Inputs["enableServerSideApply"]);
        Assert.True(secretIsSecret);
    }

    [Fact]
    public async Task A_missing_secret_path_names_the_key_and_how_to_set_it()
    {
        var mocks = new RecordingMocks();
        string? value = null;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => WithStackConfigAsync(
            """{"secure-serving:cluster": "{\"provider\":\"existing\"}"}""",
            """["secure-serving:cluster"]""",
            () => Deployment.TestAsync(mocks.Mock.Object, new TestOptions { IsPreview = false }, async () =>
            {
                value = await OutputUtilities.GetValueAsync(StackSecrets.Require(new SecretRef("secure-serving:cluster", "kubeconfig")));
            })));

        Assert.Null(value);
        Assert.Contains("pulumi config set --secret --path 'secure-serving:cluster.kubeconfig'", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Pulumi reads the stack config from the environment when a deployment starts; restore it afterwards.</summary>
    private static async Task WithStackConfigAsync(string config, string secretKeys, Func<Task> run)
    {
        var oldConfig = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        var oldKeys = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", secretKeys);
        try
        {
            await run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", oldConfig);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", oldKeys);
        }
    }
}
