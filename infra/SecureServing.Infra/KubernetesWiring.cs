using Pulumi;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;

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

    /// <summary>The Kubernetes side of a stack: the installed serving stack (when it installs one) and the layer of objects.</summary>
    public static KubernetesComposition Create(PlatformConfig config, KubernetesPlan plan, ServingStackPlan stack, GcpLayer gcp)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(gcp);

        var prerequisites = gcp.KubernetesPrerequisites();
        var provider = KubernetesProviderFactory.Create(ProviderName, config.Cluster, gcp.Cluster?.Kubeconfig,
            new CustomResourceOptions { DependsOn = prerequisites.ToArray() });
        var serving = stack.Installs
            ? new ServingStackComponent(ServingStackNames.Component, stack, provider, new ComponentResourceOptions { DependsOn = prerequisites.ToArray() })
            : null;
        var inputs = KubernetesLayerInputs.Create(plan, provider, gcp.Outputs.Resolve) with
        {
            ServingStack = stack,
            Releases = serving?.Releases ?? new Dictionary<string, Resource>(StringComparer.Ordinal),
        };
        var layer = new KubernetesLayer(LayerName, plan, inputs, new ComponentResourceOptions { DependsOn = prerequisites.ToArray() });
        return new KubernetesComposition(serving, layer);
    }
}

/// <summary>The installed serving stack (null with <c>serving.install: false</c>) and the Kubernetes layer.</summary>
public sealed record KubernetesComposition(ServingStackComponent? ServingStack, KubernetesLayer Layer);
