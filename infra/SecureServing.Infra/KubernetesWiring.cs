using Pulumi;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Infra;

/// <summary>
/// Connects the Kubernetes layer to the GCP layer: the explicit provider (a kubeconfig built from the GKE cluster's
/// outputs, or the <c>existing</c> cluster's kubeconfig secret), the GCP outputs the manifests reference (team bucket
/// names), the Pulumi secrets they hold (the bring-your-own IAP client secret), and the ordering: no Kubernetes object
/// is applied before <see cref="GcpLayer.KubernetesPrerequisites"/> exist. That edge sits on the provider, which every
/// object uses (Pulumi does not make a component's children wait for the component's own dependencies).
/// </summary>
public static class KubernetesWiring
{
    public const string LayerName = "k8s";
    public const string ProviderName = "k8s-provider";

    public static KubernetesLayer Create(PlatformConfig config, KubernetesPlan plan, GcpLayer gcp)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gcp);

        var prerequisites = gcp.KubernetesPrerequisites();
        var provider = KubernetesProviderFactory.Create(ProviderName, config.Cluster, gcp.Cluster?.Kubeconfig,
            new CustomResourceOptions { DependsOn = prerequisites.ToArray() });
        var inputs = KubernetesLayerInputs.Create(plan, provider, gcp.Outputs.Resolve);
        return new KubernetesLayer(LayerName, plan, inputs, new ComponentResourceOptions { DependsOn = prerequisites.ToArray() });
    }
}
