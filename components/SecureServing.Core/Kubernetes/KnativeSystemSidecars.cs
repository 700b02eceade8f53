using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Knative's system pods in the mesh (seed 003's precondition): the knative-serving namespace, installed by Knative,
/// is patched with <c>istio-injection: enabled</c>, so the activator and the autoscaler get sidecars. Team namespaces
/// are STRICT in both mTLS scopes (<see cref="TeamIsolation"/>): without sidecars the activator's proxied requests,
/// the autoscaler's metrics scrapes and Knative's probes would be plaintext and refused, and the namespace policy
/// could not see that they come from knative-serving ("Mutual TLS in Knative": the activator must have sidecars
/// injected, https://knative.dev/docs/serving/istio-authorization/). Not configurable, so always rendered.
/// net-istio ships PERMISSIVE PeerAuthentications for Knative's webhooks, so the API server still reaches them under
/// STRICT. Injection happens when a pod starts: restart the knative-serving deployments once after the first deploy.
/// </summary>
internal static class KnativeSystemSidecars
{
    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var manifest = Manifest.New(ApiVersions.Core, "Namespace", SystemNamespaces.KnativeServing, null,
            [Manifest.Pair(TeamIsolation.InjectionLabel, "enabled")]);
        yield return new KubernetesObject(manifest, ApplyMode.Patch, KubernetesObject.PlatformOwner);
    }
}
