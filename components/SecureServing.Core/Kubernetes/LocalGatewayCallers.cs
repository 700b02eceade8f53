using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Who may use the cluster-local gateway (the istio-ingressgateway pods: <c>knative-local-gateway</c> and
/// <c>kserve-local-gateway</c>). <c>&lt;model&gt;-predictor.&lt;ns&gt;.svc.cluster.local</c> is an ExternalName to
/// knative-local-gateway, and a gateway ends mTLS, so a model only ever sees the gateway's identity: the gateway itself
/// must know who is calling, and refuse everyone a model's policy would refuse.
/// <list type="bullet">
/// <item>With <c>mesh.knativeLocalGatewayTls: istioMutual</c> (the default), in both mTLS scopes: the
/// knative-local-gateway Gateway is patched to HTTPS 8081 ISTIO_MUTUAL (seed 003) and a DestinationRule makes every
/// client in the mesh — the public gateway included — originate Istio mTLS to it, so the gateway sees each caller's
/// identity.</item>
/// <item>An ALLOW policy on the gateway pods (<see cref="PolicyName"/>) admits only the public gateway
/// (<see cref="GatewayPrincipals.Public"/>, with IAP: the IAP path route's second hop) and Knative's probes
/// (knative-serving on <c>/healthz</c>). Anything else — any pod, in the mesh or not, using a model's cluster-local
/// name — is refused there. Callers in the mesh reach models directly (net-istio's mesh routes), where the model's
/// namespace isolation sees their own identity.</item>
/// <item>Open (<see cref="IsOpen"/>): <c>mesh.outOfMeshCallers</c> with <c>mtls: namespace</c> and
/// <c>knativeLocalGatewayTls: none</c> is the one setup where plaintext callers outside the mesh get in (through
/// knative-local-gateway, plain HTTP 8081). Those callers have no identity, so nothing can tell them apart from any
/// other pod: no policy is rendered and every model admits the local gateway (the
/// <c>out-of-mesh-callers-bypass-isolation</c> guardrail makes the platform team acknowledge that).</item>
/// </list>
/// </summary>
internal static class LocalGatewayCallers
{
    public const string PolicyName = "local-gateway-callers";
    public const string DestinationRuleName = KnativeLocalGateway.Name;
    public const int KnativeLocalGatewayPort = 8081;

    /// <summary>The paths net-istio's prober calls on every gateway pod for each host it routes.</summary>
    public static readonly IReadOnlyList<string> ProbePaths = ["/healthz"];

    /// <summary>True when the local gateway admits plaintext callers without identity (see the summary).</summary>
    public static bool IsOpen(MeshConfig mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return mesh.OutOfMeshCallers && mesh.Mtls == MtlsScope.Namespace && mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.None;
    }

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (config.Mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.IstioMutual)
        {
            var gateway = Manifest.New(ApiVersions.IstioNetworking, "Gateway", KnativeLocalGateway.Name, SystemNamespaces.KnativeServing)
                .With("spec", new JsonObject
                {
                    ["selector"] = Manifest.IngressGatewaySelector(),
                    ["servers"] = Manifest.Array(new JsonObject
                    {
                        ["hosts"] = Manifest.Strings(["*"]),
                        ["port"] = new JsonObject { ["name"] = "https", ["number"] = KnativeLocalGatewayPort, ["protocol"] = "HTTPS" },
                        ["tls"] = new JsonObject { ["mode"] = "ISTIO_MUTUAL" },
                    }),
                });
            yield return new KubernetesObject(gateway, ApplyMode.Patch, KubernetesObject.PlatformOwner);

            yield return Platform(Manifest.New(ApiVersions.IstioNetworking, "DestinationRule", DestinationRuleName, SystemNamespaces.IstioSystem)
                .With("spec", new JsonObject
                {
                    ["host"] = KnativeLocalGateway.ServiceHost,
                    ["trafficPolicy"] = new JsonObject { ["tls"] = new JsonObject { ["mode"] = "ISTIO_MUTUAL" } },
                }));
        }

        if (IsOpen(config.Mesh))
        {
            yield break;
        }

        var rules = new List<JsonNode>();
        if (config.Iap.Enabled)
        {
            rules.Add(new JsonObject
            {
                ["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["principals"] = Manifest.Strings([GatewayPrincipals.Public]) } }),
            });
        }

        rules.Add(new JsonObject
        {
            ["from"] = Manifest.Array(new JsonObject { ["source"] = new JsonObject { ["namespaces"] = Manifest.Strings([SystemNamespaces.KnativeServing]) } }),
            ["to"] = Manifest.Array(new JsonObject { ["operation"] = new JsonObject { ["paths"] = Manifest.Strings(ProbePaths) } }),
        });

        yield return Platform(Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", PolicyName, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = Manifest.IngressGatewaySelector() },
                ["action"] = "ALLOW",
                ["rules"] = Manifest.Array(rules),
            }));
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
