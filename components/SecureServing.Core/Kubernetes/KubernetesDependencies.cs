namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The ordering edges between objects of one plan that the API server or the controllers actually need, and no others
/// (no false edges, so independent objects deploy in parallel); the Pulumi layer only maps them onto resources. Keys are <see cref="KubernetesObject.Key"/>s.
/// <list type="bullet">
/// <item>A namespaced object waits for its Namespace when the plan creates it: the API server refuses objects in a
/// namespace that does not exist yet.</item>
/// <item>An InferenceService waits for the serving configuration patched into Knative's and KServe's ConfigMaps
/// (<c>config-istio</c>, <c>config-domain</c>, <c>config-network</c>, <c>config-features</c>, <c>inferenceservice-config</c>):
/// net-istio does not move an existing route to a new gateway, so a model created before <c>external-gateways</c> is
/// set would stay on the old plain-HTTP gateway; and Knative's webhook refuses a node selector or tolerations before
/// <c>config-features</c> enables them.</item>
/// <item>An InferenceService waits for the ServiceAccount it runs as (<c>spec.predictor.serviceAccountName</c>): pods
/// whose service account does not exist are refused, and without its Workload Identity annotation the model could not
/// read its bucket.</item>
/// <item>An InferenceService waits for its namespace's ResourceQuota and LimitRange: the LimitRange's defaults are
/// applied only when a pod is admitted, so a model's first pods created before it would keep containers without
/// requests, which the quota then refuses (Knative would retry until both exist).</item>
/// </list>
/// </summary>
public static class KubernetesDependencies
{
    /// <summary>For every object of the plan (by key), the keys of the objects it must wait for, in plan order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(KubernetesPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var namespaces = plan.Objects
            .Where(o => o.Mode == ApplyMode.Create && o.ApiVersion == ApiVersions.Core && o.Kind == "Namespace")
            .ToDictionary(o => o.Name, o => o.Key, StringComparer.Ordinal);
        var servingConfig = plan.Objects
            .Where(o => o.Mode == ApplyMode.Patch && o.ApiVersion == ApiVersions.Core && o.Kind == "ConfigMap"
                && o.Namespace is SystemNamespaces.KnativeServing or SystemNamespaces.Kserve)
            .Select(o => o.Key)
            .ToList();
        var serviceAccounts = plan.Objects
            .Where(o => o.Mode == ApplyMode.Create && o.ApiVersion == ApiVersions.Core && o.Kind == "ServiceAccount")
            .ToDictionary(o => (o.Namespace, o.Name), o => o.Key);

        var admission = plan.Objects
            .Where(o => o.Mode == ApplyMode.Create && o.ApiVersion == ApiVersions.Core && o.Kind is "ResourceQuota" or "LimitRange" && o.Namespace is not null)
            .ToLookup(o => o.Namespace!, o => o.Key, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var obj in plan.Objects)
        {
            var deps = new List<string>();
            if (obj.Namespace is { } ns && namespaces.TryGetValue(ns, out var nsKey))
            {
                deps.Add(nsKey);
            }

            if (obj.Mode == ApplyMode.Create && obj.ApiVersion == ApiVersions.Kserve && obj.Kind == "InferenceService")
            {
                if ((string?)obj.Manifest["spec"]?["predictor"]?["serviceAccountName"] is { } sa && serviceAccounts.TryGetValue((obj.Namespace, sa), out var saKey))
                {
                    deps.Add(saKey);
                }

                deps.AddRange(admission[obj.Namespace ?? ""]);
                deps.AddRange(servingConfig);
            }

            result.Add(obj.Key, deps);
        }

        return result;
    }
}
