using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Access;

/// <summary>A Knative gateway binding from <c>config-istio</c>: the Gateway (<c>namespace/name</c>) and the Service in front of it.</summary>
internal sealed record KnativeGatewayBinding(string Namespace, string Name, string ServiceHost)
{
    public string GatewayRef => $"{Namespace}/{Name}";
}

/// <summary>KServe's <c>ingress</c> settings (inferenceservice-config), as the controller reads them.</summary>
internal sealed record KserveIngress(
    string IngressGateway,
    string LocalGateway,
    string LocalGatewayService,
    string KnativeLocalGatewayService,
    string IngressDomain,
    string DomainTemplate,
    bool DisableIstioVirtualHost);

/// <summary>
/// How Knative (net-istio) and KServe are configured after the plan's patches: the gateways Knative binds routes to,
/// the default domain and domain template, and KServe's ingress. Keys the evaluator does not model are reported by
/// <see cref="UnmodeledKeys"/> rather than ignored.
/// </summary>
internal sealed partial record ServingConfig(
    IReadOnlyList<KnativeGatewayBinding> ExternalGateways,
    IReadOnlyList<KnativeGatewayBinding> LocalGateways,
    string? Domain,
    string DomainTemplate,
    KserveIngress Kserve)
{
    private const string Knative = SystemNamespaces.KnativeServing;

    private static readonly KnativeGatewayBinding DefaultExternal = new(Knative, KnativeReleases.IngressGatewayName, IngressGatewayWorkload.ServiceHost);
    private static readonly KnativeGatewayBinding DefaultLocal = new(Knative, KnativeLocalGateway.Name, KnativeLocalGateway.ServiceHost);

    /// <summary>Knative's feature flags ConfigMap (knative/serving <c>config/core/configmaps/features.yaml</c>).</summary>
    public const string FeaturesConfigMap = KnativePodSpecFeatures.ConfigMapName;

    /// <summary>
    /// Feature flags that only let a revision's pod spec say where it is scheduled (node selector, tolerations, affinity,
    /// runtime class, topology spread, priority, scheduler): no bearing on who reaches it. Any other flag (host
    /// networking, init containers, volumes, ...) is reported as not modeled.
    /// </summary>
    private static readonly HashSet<string> PlacementFeatures = new(StringComparer.Ordinal)
    {
        "kubernetes.podspec-nodeselector", "kubernetes.podspec-tolerations", "kubernetes.podspec-affinity", "kubernetes.podspec-runtimeclassname",
        "kubernetes.podspec-topologyspreadconstraints", "kubernetes.podspec-priorityclassname", "kubernetes.podspec-schedulername",
    };

    private static readonly HashSet<string> KserveIngressKeys = new(StringComparer.Ordinal)
    {
        "enableGatewayApi", "kserveIngressGateway", "ingressGateway", "knativeLocalGatewayService", "localGateway", "localGatewayService",
        "ingressDomain", "ingressClassName", "domainTemplate", "urlScheme", "disableIstioVirtualHost", "disableIngressCreation",
        "disableHTTPRouteTimeout", "pathTemplate", "additionalIngressDomains",
    };

    public static ServingConfig Read(ClusterState state)
    {
        var external = Gateways(state.ConfigValue(Knative, KnativeIngressConfig.IstioConfigMap, "external-gateways")) ?? [DefaultExternal];
        var local = Gateways(state.ConfigValue(Knative, KnativeIngressConfig.IstioConfigMap, "local-gateways")) ?? [DefaultLocal];
        var domains = Json.Map(state.Find("ConfigMap", "", Knative, KnativeIngressConfig.DomainConfigMap)?.Manifest, "data")
            .Where(p => p.Value.Length == 0 && !p.Key.StartsWith('_'))
            .Select(p => p.Key)
            .ToList();
        var template = state.ConfigValue(Knative, KnativeIngressConfig.NetworkConfigMap, KnativeIngressConfig.DomainTemplateKey) ?? InstalledComponents.DefaultDomainTemplate;

        var ingress = ParseIngress(state.ConfigValue(SystemNamespaces.Kserve, KserveIngressConfig.ConfigMapName, KserveIngressConfig.IngressKey));
        string Text(string key, string fallback) => Json.Str(ingress, key) is { Length: > 0 } v ? v : fallback;
        var localService = Text("localGatewayService", KnativeLocalGateway.ServiceHost);
        var kserve = new KserveIngress(
            Text("ingressGateway", "knative-serving/knative-ingress-gateway"),
            Text("localGateway", KnativeLocalGateway.GatewayRef),
            localService,
            Text("knativeLocalGatewayService", localService),
            Text("ingressDomain", "example.com"),
            Text("domainTemplate", "{{ .Name }}-{{ .Namespace }}.{{ .IngressDomain }}"),
            Json.Bool(ingress, "disableIstioVirtualHost") ?? false);

        // Knative picks the default domain (empty selector); with none configured routes are cluster-local.
        return new ServingConfig(external, local, domains.Count == 0 ? InstalledComponents.DefaultDomain : domains.Count == 1 ? domains[0] : null, template, kserve);
    }

    /// <summary>Knative's route host: the domain template with <c>.Name</c>, <c>.Namespace</c>, <c>.Domain</c>; null for anything else in it.</summary>
    public string? KnativeHost(string name, string ns) => Domain is null ? null : Substitute(DomainTemplate, name, ns, "Domain", Domain);

    /// <summary>KServe's external host of an InferenceService (its <c>domainTemplate</c>, <c>.IngressDomain</c>).</summary>
    public string? KserveHost(string name, string ns) => Substitute(Kserve.DomainTemplate, name, ns, "IngressDomain", Kserve.IngressDomain);

    /// <summary>Keys of a rendered ConfigMap (Istio, Knative or KServe's) whose effect the evaluator does not model.</summary>
    public static IEnumerable<string> UnmodeledKeys(ClusterObject cm)
    {
        var data = Json.Obj(cm.Manifest, "data") ?? [];
        var keys = data.Select(p => p.Key).Where(k => !k.StartsWith('_')).ToList();
        switch (cm.Namespace, cm.Name)
        {
            case (Knative, KnativeIngressConfig.IstioConfigMap):
                foreach (var k in keys.Where(k => k is not ("external-gateways" or "local-gateways")))
                {
                    yield return $"config-istio key `{k}` is not modeled";
                }

                foreach (var k in new[] { "external-gateways", "local-gateways" }.Where(k => data.ContainsKey(k) && Gateways(Json.Str(data, k)) is null))
                {
                    yield return $"config-istio key `{k}` is not a list of name/namespace/service";
                }

                break;
            case (Knative, KnativeIngressConfig.DomainConfigMap):
                foreach (var k in keys.Where(k => Json.Str(data, k) is not ""))
                {
                    yield return $"config-domain key `{k}` has a selector, which is not modeled";
                }

                break;
            case (Knative, KnativeIngressConfig.NetworkConfigMap):
                foreach (var k in keys.Where(k => k is not (KnativeIngressConfig.DomainTemplateKey or KnativeIngressConfig.ExternalSchemeKey)))
                {
                    yield return $"config-network key `{k}` is not modeled";
                }

                break;
            case (SystemNamespaces.Kserve, KserveIngressConfig.ConfigMapName):
                foreach (var k in keys.Where(k => k != KserveIngressConfig.IngressKey))
                {
                    yield return $"inferenceservice-config key `{k}` is not modeled";
                }

                if (data.ContainsKey(KserveIngressConfig.IngressKey))
                {
                    var ingress = ParseIngress(Json.Str(data, KserveIngressConfig.IngressKey));
                    if (ingress is null)
                    {
                        yield return "inferenceservice-config `ingress` is not a JSON object";
                        yield break;
                    }

                    foreach (var (k, _) in ingress.Where(p => !KserveIngressKeys.Contains(p.Key)))
                    {
                        yield return $"inferenceservice-config ingress key `{k}` is not modeled";
                    }

                    if (Json.Bool(ingress, "enableGatewayApi") == true)
                    {
                        yield return "KServe's Gateway API mode (enableGatewayApi) is not modeled";
                    }

                    if (Json.Bool(ingress, "disableIngressCreation") == true || Json.Str(ingress, "pathTemplate") is { Length: > 0 } || Json.Arr(ingress, "additionalIngressDomains").Count > 0)
                    {
                        yield return "KServe's disableIngressCreation, pathTemplate and additionalIngressDomains are not modeled";
                    }
                }

                break;
            case (Knative, FeaturesConfigMap):
                foreach (var k in keys.Where(k => !PlacementFeatures.Contains(k)))
                {
                    yield return $"config-features key `{k}` is not modeled";
                }

                break;
            case (SystemNamespaces.IstioSystem or Knative or SystemNamespaces.Kserve, _):
                yield return $"ConfigMap {cm.Namespace}/{cm.Name} is not modeled";
                break;
        }
    }

    private static JsonObject? ParseIngress(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>net-istio's gateway list (<c>- name/namespace/service</c>); null when absent or not that shape.</summary>
    private static List<KnativeGatewayBinding>? Gateways(string? yaml)
    {
        if (yaml is null)
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlSequenceNode list)
            {
                return null;
            }

            var result = new List<KnativeGatewayBinding>();
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode map)
                {
                    return null;
                }

                string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
                if (Get("name") is not { } name || Get("namespace") is not { } ns || Get("service") is not { } service)
                {
                    return null;
                }

                result.Add(new KnativeGatewayBinding(ns, name, service));
            }

            return result;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    private static string? Substitute(string template, string name, string ns, string domainVariable, string domain)
    {
        var text = TemplateVariable().Replace(template, m => m.Groups[1].Value switch
        {
            "Name" => name,
            "Namespace" => ns,
            var v when v == domainVariable => domain,
            _ => m.Value,
        });
        return text.Contains("{{", StringComparison.Ordinal) ? null : text;
    }

    [GeneratedRegex(@"\{\{\s*\.(\w+)\s*\}\}")]
    private static partial Regex TemplateVariable();
}
