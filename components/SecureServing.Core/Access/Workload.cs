using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>What a set of pods is, for routing: an Istio gateway, Knative's activator or autoscaler, a model, or another app.</summary>
internal enum WorkloadRole { Gateway, Activator, Autoscaler, Model, Other }

/// <summary>
/// Pods of one Deployment (or one model revision): namespace, labels, service account and whether an Istio proxy runs
/// in them. A gateway's proxy is the gateway itself; any other proxied pod has a sidecar.
/// </summary>
internal sealed record Workload(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string ServiceAccount,
    bool Proxied,
    WorkloadRole Role,
    ObjectRef Source,
    string ProxyWhy)
{
    /// <summary>Istio's peer identity: <c>cluster.local/ns/&lt;ns&gt;/sa/&lt;sa&gt;</c> (the default trust domain).</summary>
    public string Principal => $"cluster.local/ns/{Namespace}/sa/{ServiceAccount}";

    public bool HasSidecar => Proxied && Role != WorkloadRole.Gateway;

    /// <summary>How messages name these pods; set for the evaluator's synthetic callers.</summary>
    public string? Display { get; init; }

    /// <summary>Set for a client outside the cluster (no pod): the addresses its connections come from.</summary>
    public OutsideAddresses? Outside { get; init; }

    public string Label => Display ?? Role switch
    {
        WorkloadRole.Gateway => $"gateway pods {Namespace}/{Name}",
        WorkloadRole.Model => $"model pods {Namespace}/{Name}",
        _ => $"pods {Namespace}/{Name}",
    };

    /// <summary>Every Deployment in the cluster state as a workload (installed gateway, activator, autoscaler, and any the plan adds).</summary>
    public static IEnumerable<Workload> FromDeployments(ClusterState state)
    {
        foreach (var d in state.OfKind("Deployment", "apps"))
        {
            var ns = d.Namespace ?? "default";
            var labels = Json.Map(d.Manifest, "spec", "template", "metadata", "labels");
            var annotations = Json.Map(d.Manifest, "spec", "template", "metadata", "annotations");
            var gateway = annotations.GetValueOrDefault(SidecarInjection.TemplatesAnnotation) == "gateway";
            var role = gateway ? WorkloadRole.Gateway
                : ns == SystemNamespaces.KnativeServing && labels.GetValueOrDefault("app") == "activator" ? WorkloadRole.Activator
                : ns == SystemNamespaces.KnativeServing && labels.GetValueOrDefault("app") == "autoscaler" ? WorkloadRole.Autoscaler
                : WorkloadRole.Other;
            var (proxied, why) = SidecarInjection.Decide(state.Namespace(ns), labels, annotations);
            yield return new Workload(ns, d.Name, labels, Json.Str(d.Manifest, "spec", "template", "spec", "serviceAccountName") ?? "default",
                proxied, role, d.Ref, why);
        }
    }
}

/// <summary>
/// Istio's sidecar injection decision (the default <c>istio-sidecar-injector</c> webhooks): a namespace labelled
/// <c>istio-injection=enabled</c> (or <c>istio.io/rev</c>) injects every pod unless the pod says
/// <c>sidecar.istio.io/inject: "false"</c> (label, or the legacy annotation); <c>istio-injection=disabled</c> injects
/// nothing; an unlabelled namespace injects only pods labelled <c>sidecar.istio.io/inject: "true"</c>.
/// </summary>
internal static class SidecarInjection
{
    public const string NamespaceLabel = "istio-injection";
    public const string RevisionLabel = "istio.io/rev";
    public const string InjectKey = "sidecar.istio.io/inject";
    public const string TemplatesAnnotation = "inject.istio.io/templates";

    public static (bool Injected, string Why) Decide(ClusterObject? ns, IReadOnlyDictionary<string, string> podLabels, IReadOnlyDictionary<string, string> podAnnotations)
    {
        var nsName = ns?.Name ?? "(missing)";
        var nsLabel = ns?.Labels.GetValueOrDefault(NamespaceLabel);
        var podOptOut = podLabels.GetValueOrDefault(InjectKey) == "false" || podAnnotations.GetValueOrDefault(InjectKey) == "false";
        if (nsLabel == "disabled")
        {
            return (false, $"namespace {nsName} is labelled {NamespaceLabel}=disabled");
        }

        if (nsLabel == "enabled" || ns?.Labels.ContainsKey(RevisionLabel) == true)
        {
            return podOptOut ? (false, $"the pods say {InjectKey}: \"false\"") : (true, $"namespace {nsName} is labelled {NamespaceLabel}=enabled");
        }

        return podLabels.GetValueOrDefault(InjectKey) == "true"
            ? (true, $"the pods are labelled {InjectKey}: \"true\"")
            : (false, $"namespace {nsName} has no {NamespaceLabel} label and the pods are not labelled {InjectKey}: \"true\"");
    }
}
