using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// Which installed releases a Kubernetes object of the platform or a team must wait for, and no others: the release
/// that serves its kind (CRD and validating webhook: Istio kinds wait for istiod, cert-manager kinds for cert-manager,
/// InferenceServices for KServe's runtimes and net-istio's routing), the release that creates its namespace, and, for the
/// IAP Ingress, the gateway release whose Service it routes to. Releases already implied by another edge (istiod implies
/// istio-base) are left out. Team objects wait only for releases, never for another team's objects.
/// </summary>
public static class ReadinessEdges
{
    /// <summary>The releases <paramref name="obj"/> waits for, in plan order; empty when the stack installs nothing.</summary>
    public static IReadOnlyList<string> For(ServingStackPlan stack, KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(obj);
        if (!stack.Installs)
        {
            return [];
        }

        var needs = new HashSet<string>(StringComparer.Ordinal);
        switch (obj.Group)
        {
            case "networking.istio.io" or "security.istio.io" or "telemetry.istio.io":
                needs.Add(IstioReleases.Istiod);
                break;
            case "cert-manager.io":
                needs.Add(CertManagerRelease.Name);
                break;
            case "serving.kserve.io" when obj.Kind == "InferenceService":
                needs.Add(KserveReleases.Runtimes);
                needs.Add(KnativeReleases.NetIstio);
                break;
            case "serving.kserve.io":
                needs.Add(KserveReleases.Resources);
                break;
        }

        if (obj.Namespace is { } ns && NamespaceCreator(stack, ns) is { } creator)
        {
            needs.Add(creator);
        }

        if (obj.ApiVersion == ApiVersions.Networking && obj.Kind == "Ingress")
        {
            foreach (var service in BackendServices(obj))
            {
                if (IstioReleases.GatewayOwning(service) is { } gateway)
                {
                    needs.Add(gateway);
                }
            }
        }

        var implied = needs.SelectMany(n => Ancestors(stack, n)).ToHashSet(StringComparer.Ordinal);
        return [.. stack.Releases.Select(r => r.Name).Where(n => needs.Contains(n) && !implied.Contains(n))];
    }

    /// <summary>The release that creates namespace <paramref name="ns"/>: one with <see cref="Release.CreatesNamespace"/>, or a manifest that ships it.</summary>
    private static string? NamespaceCreator(ServingStackPlan stack, string ns) =>
        stack.Releases.FirstOrDefault(r => r.Namespace == ns && (r.CreatesNamespace || r.Mechanism == InstallMechanism.ReleaseManifest))?.Name;

    /// <summary>Every release <paramref name="name"/> waits for, directly or through others.</summary>
    private static IEnumerable<string> Ancestors(ServingStackPlan stack, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(stack.Find(name)?.DependsOn ?? []);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var dep in stack.Find(next)?.DependsOn ?? [])
                {
                    pending.Push(dep);
                }
            }
        }

        return seen;
    }

    /// <summary>The Services an Ingress in istio-system routes to (its rules' and default backend's service names).</summary>
    private static IEnumerable<string> BackendServices(KubernetesObject ingress)
    {
        if (ingress.Namespace != SystemNamespaces.IstioSystem)
        {
            yield break;
        }

        var spec = ingress.Manifest["spec"];
        if ((string?)spec?["defaultBackend"]?["service"]?["name"] is { } fallback)
        {
            yield return fallback;
        }

        foreach (var rule in spec?["rules"]?.AsArray() ?? [])
        {
            foreach (var path in rule?["http"]?["paths"]?.AsArray() ?? [])
            {
                if ((string?)path?["backend"]?["service"]?["name"] is { } name)
                {
                    yield return name;
                }
            }
        }
    }
}
