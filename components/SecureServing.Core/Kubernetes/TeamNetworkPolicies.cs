using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// NetworkPolicies in every team namespace (enforced by GKE Dataplane V2), mirroring the mesh policy as defense in
/// depth: if a sidecar is missing or bypassed, the network still admits only the callers the mesh admits.
/// <list type="bullet">
/// <item><c>default-deny</c>: no ingress, no egress, for every pod of the namespace.</item>
/// <item><c>allow-mesh-callers</c> (ingress, all pods): the team's namespace, its <c>allowedNamespaces</c> and
/// knative-serving (activator, autoscaler, probes) — <see cref="TeamIsolation"/>'s callers. A team with
/// <c>authorization: false</c> has no namespace isolation in the mesh, so every namespace of the cluster.</item>
/// <item><c>&lt;model&gt;-from-gateways</c> (ingress, one per model that admits a gateway's identity in
/// <see cref="ModelCallers.GatewayPrincipalsFor"/>, selecting its pods like <see cref="ModelCallers"/>' policy): the pods of
/// exactly those gateways — the public gateway (<c>istio: public-gateway</c>) and the cluster-local one
/// (<c>istio: ingressgateway</c>). Per model, so adding a model adds its own policy and changes no other.</item>
/// <item><c>&lt;model&gt;-from-any-namespace</c> (ingress, one per model with <c>sidecarInjection: false</c> in a team
/// with isolation, selecting its pods): every namespace. Without a proxy the mesh policy does not hold for that model,
/// and the acknowledgement <c>check</c> requires for it (<c>sidecar-off-with-authorization</c>) accepts exactly that
/// any namespace reaches it; the network says the same.</item>
/// <item><c>allow-egress</c>: DNS (kube-dns), the mesh control plane (istiod 15012: xDS and certificates), the GKE
/// metadata server (Workload Identity tokens: 169.254.169.252:988, and 169.254.169.254:80 under Dataplane V2), Google
/// APIs on 443 (the restricted VIP 199.36.153.4/30 under <c>egress: restricted</c>; any address outside the VPC's
/// ranges under <c>egress: nat</c>), the namespace itself, the namespaces whose models this team may call (callers in
/// the mesh reach models directly) and the pods of other teams' models without a sidecar, the activator (8012, 8013), which is on the request path of models with
/// <c>activator: on</c> and of any model while it has no ready pod, and the cluster-local gateway only while it is open
/// to every caller (<see cref="LocalGatewayCallers.IsOpen"/>; otherwise it admits only the public gateway).</item>
/// </list>
/// Kubelet probes are not affected: traffic from a pod's own node is always allowed. Namespaces are matched by the
/// <c>kubernetes.io/metadata.name</c> label, which the API server sets on every namespace. See "Network Policies"
/// (https://kubernetes.io/docs/concepts/services-networking/network-policies/) and GKE's Workload Identity
/// Federation page (https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity).
/// </summary>
internal static class TeamNetworkPolicies
{
    public const string DefaultDenyName = "default-deny";
    public const string MeshCallersName = "allow-mesh-callers";
    public static string GatewaysName(ModelConfig model) => $"{model.Name}-from-gateways";
    public static string AnyNamespaceName(ModelConfig model) => $"{model.Name}-from-any-namespace";
    public const string EgressName = "allow-egress";
    public const string NamespaceLabel = "kubernetes.io/metadata.name";

    /// <summary>GKE's kube-dns pods (namespace kube-system).</summary>
    public static readonly KeyValuePair<string, string> KubeDns = new("k8s-app", "kube-dns");
    /// <summary>istiod's pods; sidecars fetch configuration and certificates on 15012.</summary>
    public static readonly KeyValuePair<string, string> Istiod = new("app", "istiod");
    public const int IstiodXdsPort = 15012;
    /// <summary>Knative's activator pods and their HTTP/1 and HTTP/2 ports.</summary>
    public static readonly KeyValuePair<string, string> Activator = new("app", "activator");
    public static readonly IReadOnlyList<int> ActivatorPorts = [8012, 8013];

    /// <summary>GKE metadata server: 169.254.169.252:988, and 169.254.169.254:80 on Dataplane V2 clusters.</summary>
    public static readonly IReadOnlyList<(string Cidr, int Port)> MetadataServer = [("169.254.169.252/32", 988), ("169.254.169.254/32", 80)];

    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team)
    {
        var owner = KubernetesObject.TeamOwner(team.Team);
        KubernetesObject Policy(string name, JsonObject spec) =>
            new(Manifest.New(ApiVersions.Networking, "NetworkPolicy", name, team.Namespace).With("spec", spec), ApplyMode.Create, owner);

        yield return Policy(DefaultDenyName, new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Manifest.Strings(["Ingress", "Egress"]),
        });

        var callers = team.Authorization
            ? Manifest.Array(NamespacesPeer([team.Namespace, .. team.AllowedNamespaces, SystemNamespaces.KnativeServing]))
            : Manifest.Array(new JsonObject { ["namespaceSelector"] = new JsonObject() });
        yield return Policy(MeshCallersName, new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Manifest.Strings(["Ingress"]),
            ["ingress"] = Manifest.Array(new JsonObject { ["from"] = callers }),
        });

        foreach (var model in team.Authorization ? team.Models : [])
        {
            var gateways = ModelCallers.GatewayPrincipalsFor(config, model).Select(GatewayPods).ToList();
            if (gateways.Count > 0)
            {
                yield return Policy(GatewaysName(model), ModelIngress(model, Manifest.Array(gateways)));
            }

            if (!model.SidecarInjection)
            {
                yield return Policy(AnyNamespaceName(model), ModelIngress(model, Manifest.Array(new JsonObject { ["namespaceSelector"] = new JsonObject() })));
            }
        }

        yield return Policy(EgressName, new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Manifest.Strings(["Egress"]),
            ["egress"] = Manifest.Array(Egress(config, team)),
        });
    }

    /// <summary>The namespaces whose models <paramref name="team"/>'s pods may call (its own first), as the mesh admits them.</summary>
    public static IReadOnlyList<TeamConfig> CallableTeams(PlatformConfig config, TeamConfig team) =>
    [
        .. config.Teams
            .Where(t => t.Namespace == team.Namespace || !t.Authorization || t.AllowedNamespaces.Contains(team.Namespace, StringComparer.Ordinal))
            .OrderBy(t => t.Namespace == team.Namespace ? 0 : 1)
            .ThenBy(t => t.Namespace, StringComparer.Ordinal),
    ];

    private static IEnumerable<JsonNode> Egress(PlatformConfig config, TeamConfig team)
    {
        yield return new JsonObject
        {
            ["to"] = Manifest.Array(new JsonObject
            {
                ["namespaceSelector"] = MatchNamespace("kube-system"),
                ["podSelector"] = new JsonObject { ["matchLabels"] = Manifest.Map([KubeDns]) },
            }),
            ["ports"] = Manifest.Array(Port("UDP", 53), Port("TCP", 53)),
        };

        yield return new JsonObject
        {
            ["to"] = Manifest.Array(new JsonObject
            {
                ["namespaceSelector"] = MatchNamespace(SystemNamespaces.IstioSystem),
                ["podSelector"] = new JsonObject { ["matchLabels"] = Manifest.Map([Istiod]) },
            }),
            ["ports"] = Manifest.Array(Port("TCP", IstiodXdsPort)),
        };

        foreach (var (cidr, port) in MetadataServer)
        {
            yield return new JsonObject
            {
                ["to"] = Manifest.Array(new JsonObject { ["ipBlock"] = new JsonObject { ["cidr"] = cidr } }),
                ["ports"] = Manifest.Array(Port("TCP", port)),
            };
        }

        var googleApis = config.Network.Egress == EgressMode.Restricted
            ? new JsonObject { ["cidr"] = GoogleRanges.RestrictedVip }
            : new JsonObject
            {
                ["cidr"] = GoogleRanges.AnyIpv4,
                ["except"] = Manifest.Strings([config.Network.SubnetCidr, config.Network.PodsCidr, config.Network.ServicesCidr, config.Network.MasterCidr]),
            };
        yield return new JsonObject
        {
            ["to"] = Manifest.Array(new JsonObject { ["ipBlock"] = googleApis }),
            ["ports"] = Manifest.Array(Port("TCP", 443)),
        };

        var callable = CallableTeams(config, team);
        var peers = new List<JsonNode> { NamespacesPeer([.. callable.Select(t => t.Namespace)]) };

        // A model without a sidecar admits every namespace (<model>-from-any-namespace), so every team may reach its pods.
        foreach (var other in config.Teams.Where(t => !callable.Contains(t)))
        {
            foreach (var model in other.Models.Where(m => !m.SidecarInjection))
            {
                peers.Add(new JsonObject
                {
                    ["namespaceSelector"] = MatchNamespace(other.Namespace),
                    ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [ModelCallers.PodLabel] = model.Name } },
                });
            }
        }

        if (LocalGatewayCallers.IsOpen(config.Mesh))
        {
            peers.Add(GatewayPods(GatewayPrincipals.Local));
        }

        yield return new JsonObject { ["to"] = Manifest.Array(peers) };

        yield return new JsonObject
        {
            ["to"] = Manifest.Array(new JsonObject
            {
                ["namespaceSelector"] = MatchNamespace(SystemNamespaces.KnativeServing),
                ["podSelector"] = new JsonObject { ["matchLabels"] = Manifest.Map([Activator]) },
            }),
            ["ports"] = Manifest.Array(ActivatorPorts.Select(p => (JsonNode)Port("TCP", p))),
        };
    }

    /// <summary>Ingress to <paramref name="model"/>'s pods (selected like <see cref="ModelCallers"/>' policy) from <paramref name="from"/>.</summary>
    private static JsonObject ModelIngress(ModelConfig model, JsonArray from) => new()
    {
        ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [ModelCallers.PodLabel] = model.Name } },
        ["policyTypes"] = Manifest.Strings(["Ingress"]),
        ["ingress"] = Manifest.Array(new JsonObject { ["from"] = from }),
    };

    /// <summary>The pods of the gateway whose mesh identity is <paramref name="principal"/>.</summary>
    private static JsonObject GatewayPods(string principal) => new()
    {
        ["namespaceSelector"] = MatchNamespace(SystemNamespaces.IstioSystem),
        ["podSelector"] = new JsonObject
        {
            ["matchLabels"] = principal == GatewayPrincipals.Public ? Manifest.PublicGatewaySelector() : Manifest.IngressGatewaySelector(),
        },
    };

    private static JsonObject NamespacesPeer(IEnumerable<string> namespaces) => new()
    {
        ["namespaceSelector"] = new JsonObject
        {
            ["matchExpressions"] = Manifest.Array(new JsonObject
            {
                ["key"] = NamespaceLabel,
                ["operator"] = "In",
                ["values"] = Manifest.Strings(namespaces.Distinct(StringComparer.Ordinal)),
            }),
        },
    };

    private static JsonObject MatchNamespace(string ns) => new() { ["matchLabels"] = new JsonObject { [NamespaceLabel] = ns } };

    private static JsonObject Port(string protocol, int port) => new() { ["protocol"] = protocol, ["port"] = port };
}
