using System.Text.Json.Nodes;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>An object the evaluator does not model but that can change who gets through, and where it applies.</summary>
/// <param name="Object">The object, as rendered.</param>
/// <param name="Why">What it could change, for the report.</param>
/// <param name="Scope">The namespace whose requests it may affect; null for the whole cluster.</param>
internal sealed record UnmodeledObject(ClusterObject Object, string Why, string? Scope);

/// <summary>
/// The cluster as the rendered plan leaves it: the installed defaults (<see cref="InstalledComponents"/>), with the
/// installed serving stack's install-time values (<see cref="KubernetesPlan.InstalledValues"/>), the plan's
/// objects created or merged into them (server-side apply: maps merge, lists are replaced except Service ports, which
/// merge by port), and what the serving controllers create from them (<see cref="ServingControllers"/>).
/// </summary>
internal sealed class ClusterState
{
    /// <summary>Istio's root namespace: policies there apply to the whole mesh.</summary>
    public const string RootNamespace = SystemNamespaces.IstioSystem;

    /// <summary>Kinds that carry no traffic decision (certificates, secrets, accounts, RBAC, resource quotas and defaults).</summary>
    private static readonly HashSet<string> Inert = new(StringComparer.Ordinal)
    {
        "Certificate.cert-manager.io", "ClusterIssuer.cert-manager.io", "Issuer.cert-manager.io", "Secret.", "ServiceAccount.",
        "ManagedCertificate.networking.gke.io", "Role.rbac.authorization.k8s.io", "RoleBinding.rbac.authorization.k8s.io",
        "ClusterRole.rbac.authorization.k8s.io", "ClusterRoleBinding.rbac.authorization.k8s.io", "PodDisruptionBudget.policy",
        "HorizontalPodAutoscaler.autoscaling", "Telemetry.telemetry.istio.io", "ResourceQuota.", "LimitRange.",
    };

    /// <summary>Kinds the evaluator reads (<c>Kind.group</c>).</summary>
    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal)
    {
        "Namespace.", "Service.", "ConfigMap.", "Deployment.apps", "Gateway.networking.istio.io", "VirtualService.networking.istio.io",
        "DestinationRule.networking.istio.io", "AuthorizationPolicy.security.istio.io", "PeerAuthentication.security.istio.io",
        "RequestAuthentication.security.istio.io", "InferenceService.serving.kserve.io", "Ingress.networking.k8s.io", "BackendConfig.cloud.google.com",
        "NetworkPolicy.networking.k8s.io",
    };

    private readonly List<ClusterObject> _objects = [];
    private readonly Dictionary<string, ClusterObject> _byKey = new(StringComparer.Ordinal);
    private readonly List<UnmodeledObject> _unmodeled = [];
    private readonly Dictionary<string, object> _memo = new(StringComparer.Ordinal);
    private readonly HashSet<string> _createdByPlan = new(StringComparer.Ordinal);
    private bool _sealed;

    private ClusterState()
    {
    }

    public IReadOnlyList<ClusterObject> Objects => _objects;

    public IReadOnlyList<UnmodeledObject> Unmodeled => _unmodeled;

    public IReadOnlyList<Workload> Workloads { get; private set; } = [];

    /// <summary>Endpoints of Services whose endpoints a controller manages (Knative revision Services), by <c>namespace/name</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Workload>> ManagedEndpoints { get; private set; } = new Dictionary<string, IReadOnlyList<Workload>>();

    /// <summary>The models (InferenceServices) and how the controllers serve them, in plan order.</summary>
    public IReadOnlyList<ServedModel> Models { get; private set; } = [];

    public static ClusterState Build(KubernetesPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var state = new ClusterState();
        foreach (var installed in InstalledComponents.All())
        {
            state.Put(installed);
        }

        // The installed serving stack creates these objects with the values merged in (its releases' overrides and
        // chart values are exactly these patches): the same as patching the installed defaults.
        foreach (var o in plan.InstalledValues.Concat(plan.Objects))
        {
            var manifest = (JsonObject)o.Manifest.DeepClone();
            var incoming = new ClusterObject(manifest, ObjectOrigin.Plan);
            state.Classify(incoming);
            if (o.Mode == ApplyMode.Patch && state._byKey.TryGetValue(incoming.Key, out var existing))
            {
                var merged = (JsonObject)existing.Manifest.DeepClone();
                ManifestMerge.Into(merged, manifest, []);
                state.Put(new ClusterObject(merged, ObjectOrigin.Plan));
            }
            else
            {
                if (o.Mode == ApplyMode.Patch)
                {
                    state.MarkUnmodeled(incoming, $"the plan patches {incoming.Ref}, which the evaluator does not know to be installed", incoming.Namespace);
                }
                else if (!state._byKey.ContainsKey(incoming.Key))
                {
                    state._createdByPlan.Add(incoming.Key);
                }

                state.Put(incoming);
            }
        }

        var derived = ServingControllers.Derive(state);
        foreach (var o in derived.Objects)
        {
            state.Put(o);
        }

        foreach (var (o, why) in derived.Unmodeled)
        {
            state._unmodeled.Add(new UnmodeledObject(o, why, o.Namespace));
        }

        state.Models = derived.Models;
        state.ManagedEndpoints = derived.Endpoints;
        state.Workloads = [.. Workload.FromDeployments(state), .. derived.Models.Select(m => m.Pods)];
        state._sealed = true;
        return state;
    }

    public IReadOnlyList<ClusterObject> OfKind(string kind, string group) =>
        _sealed ? Memo($"kind:{kind}.{group}", () => Scan(kind, group)) : Scan(kind, group);

    /// <summary>
    /// Computes <paramref name="compute"/> once per key: the state does not change after <see cref="Build"/>, so
    /// derived lookups (a gateway's servers, the policies that apply to a workload) are kept.
    /// </summary>
    public T Memo<T>(string key, Func<T> compute)
        where T : class
    {
        if (!_sealed)
        {
            return compute();
        }

        if (!_memo.TryGetValue(key, out var value))
        {
            value = compute();
            _memo[key] = value;
        }

        return (T)value;
    }

    private List<ClusterObject> Scan(string kind, string group) => [.. _objects.Where(o => o.Kind == kind && o.Group == group)];

    public ClusterObject? Find(string kind, string group, string? ns, string name) =>
        _byKey.GetValueOrDefault(ClusterObject.KeyOf(kind, group, ns, name));

    public ClusterObject? Namespace(string name) => Find("Namespace", "", null, name);

    /// <summary>True for an object the plan creates and nothing installed before it: the plan's manifest is all of it.</summary>
    public bool CreatedByPlan(ClusterObject o) => _createdByPlan.Contains(o.Key);

    public ClusterObject? Service(string ns, string name) => Find("Service", "", ns, name);

    /// <summary>A key of a ConfigMap, after the plan's patches; null when absent.</summary>
    public string? ConfigValue(string ns, string configMap, string key) => Json.Str(Find("ConfigMap", "", ns, configMap)?.Manifest, "data", key);

    /// <summary>The first unmodeled object that may affect requests served in <paramref name="ns"/>, if any.</summary>
    public UnmodeledObject? UnmodeledAffecting(string ns) => _unmodeled.FirstOrDefault(u => u.Scope is null || u.Scope == ns);

    internal void MarkUnmodeled(ClusterObject o, string why, string? scope) => _unmodeled.Add(new UnmodeledObject(o, why, scope));

    private void Put(ClusterObject o)
    {
        if (_byKey.TryGetValue(o.Key, out var old))
        {
            _objects[_objects.IndexOf(old)] = o;
        }
        else
        {
            _objects.Add(o);
        }

        _byKey[o.Key] = o;
    }

    /// <summary>Records plan objects the evaluator cannot read as unmodeled, with the namespace they may affect.</summary>
    private void Classify(ClusterObject o)
    {
        var kind = $"{o.Kind}.{o.Group}";
        if (Inert.Contains(kind))
        {
            return;
        }

        // A system namespace's objects (and cluster-scoped ones) can affect every request.
        var scope = o.Namespace is null or SystemNamespaces.IstioSystem or SystemNamespaces.KnativeServing or SystemNamespaces.Kserve ? null : o.Namespace;
        if (!Modeled.Contains(kind))
        {
            MarkUnmodeled(o, $"the evaluator does not model {o.Kind} ({o.ApiVersion})", scope);
            return;
        }

        if (o.Kind is "AuthorizationPolicy" or "PeerAuthentication" or "RequestAuthentication" or "Gateway" or "VirtualService" or "DestinationRule"
            && o.ApiVersion is not ("security.istio.io/v1" or "security.istio.io/v1beta1" or "networking.istio.io/v1" or "networking.istio.io/v1beta1"))
        {
            MarkUnmodeled(o, $"the evaluator does not model {o.ApiVersion}", scope);
            return;
        }

        if (o.Kind == "NetworkPolicy" && o.ApiVersion != ApiVersions.Networking)
        {
            MarkUnmodeled(o, $"the evaluator does not model {o.ApiVersion}", scope);
            return;
        }

        if (o.Kind == "ConfigMap")
        {
            foreach (var why in ServingConfig.UnmodeledKeys(o))
            {
                MarkUnmodeled(o, why, null);
            }
        }
    }
}

/// <summary>Server-side apply, as far as the plan's patches need it: maps merge key by key, lists are replaced, Service ports merge by port.</summary>
internal static class ManifestMerge
{
    public static void Into(JsonObject target, JsonObject patch, IReadOnlyList<string> path)
    {
        foreach (var (key, value) in patch)
        {
            var here = path.Append(key).ToList();
            if (value is JsonObject patchObj && target[key] is JsonObject targetObj)
            {
                Into(targetObj, patchObj, here);
            }
            else if (value is JsonArray patchPorts && target[key] is JsonArray targetPorts && here.SequenceEqual(["spec", "ports"]))
            {
                var byPort = targetPorts.OfType<JsonObject>().ToDictionary(p => Json.Int(p, "port") ?? -1, p => (JsonObject)p.DeepClone());
                foreach (var port in patchPorts.OfType<JsonObject>())
                {
                    var number = Json.Int(port, "port") ?? -1;
                    if (byPort.TryGetValue(number, out var existing))
                    {
                        Into(existing, port, []);
                    }
                    else
                    {
                        byPort[number] = (JsonObject)port.DeepClone();
                    }
                }

                target[key] = new JsonArray([.. byPort.Values]);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
