using Pulumi;
using Pulumi.Kubernetes;
using SecureServing.Core.Config;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// The explicit Kubernetes provider every object of the layer is registered with. Two modes, chosen by
/// <c>cluster.provider</c>:
/// <list type="bullet">
/// <item><c>gke</c>: the kubeconfig the cluster component builds from the cluster's outputs
/// (<c>SecureServing.Components.Gcp.GkeKubeconfig</c>): server = the control plane's DNS endpoint, user = the
/// <c>gke-gcloud-auth-plugin</c> exec plugin. With the DNS endpoint, <c>pulumi up</c> works from outside the VPC with no
/// public IP (access is decided by IAM). The plugin mints short-lived tokens from whoever runs Pulumi, on demand, so
/// long runs and <c>pulumi refresh</c> / <c>pulumi destroy</c> (which reuse the provider configuration saved in the
/// state) keep working, and no token is ever written to the state — unlike a kubeconfig embedding an access token from
/// <c>gcp:organizations:getClientConfig</c>, which expires after an hour.</item>
/// <item><c>existing</c> (bring your own cluster, any distribution): the kubeconfig from the Pulumi secret
/// <c>secure-serving:cluster.kubeconfig</c>, read with <c>Config.RequireSecretObject</c> (<see cref="StackSecrets"/>);
/// it stays a secret in the state.</item>
/// </list>
/// Both enable server-side apply (the Patch resources need it) and force patch conflicts: the ConfigMaps, Service and
/// Gateway this platform patches were written by their installers (e.g. KServe's <c>inferenceservice-config</c>
/// <c>ingress</c> key, net-istio's <c>knative-local-gateway</c> servers), and server-side apply refuses to take over a
/// field another manager set unless forced. Only the fields in the manifests are taken over.
/// </summary>
public static class KubernetesProviderFactory
{
    /// <summary>
    /// Chooses the mode from <paramref name="cluster"/>: <paramref name="gkeKubeconfig"/> (the cluster component's
    /// kubeconfig) is required for <c>gke</c> and ignored for <c>existing</c>.
    /// </summary>
    public static Provider Create(string name, ClusterConfig cluster, Output<string>? gkeKubeconfig, CustomResourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Provider switch
        {
            ClusterProvider.Existing => ForExistingCluster(name, cluster.Kubeconfig
                ?? throw new InvalidOperationException("cluster.provider is existing but cluster.kubeconfig is not set (check refuses this stack)."), options),
            _ => ForGke(name, gkeKubeconfig ?? throw new ArgumentNullException(nameof(gkeKubeconfig), "cluster.provider gke needs the cluster's kubeconfig."), options),
        };
    }

    /// <summary>A provider for the stack's GKE cluster from its credential-free kubeconfig.</summary>
    public static Provider ForGke(string name, Output<string> kubeconfig, CustomResourceOptions? options = null) =>
        new(name, Args(kubeconfig), options);

    /// <summary>A provider for a cluster this stack does not create, from the kubeconfig secret in the stack config.</summary>
    public static Provider ForExistingCluster(string name, SecretRef kubeconfig, CustomResourceOptions? options = null) =>
        new(name, Args(Output.CreateSecret(StackSecrets.Require(kubeconfig))), options);

    private static ProviderArgs Args(Output<string> kubeconfig) => new()
    {
        KubeConfig = kubeconfig,
        EnableServerSideApply = true,
        EnablePatchForce = true,
    };
}
