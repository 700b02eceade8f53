using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// KServe's dedicated local gateway (KServe service mesh guide, hybrid mesh and TLS at the mesh border): a Gateway on the
/// istio-ingressgateway pods plus a cluster-local Service in istio-system. <c>http</c>: port 8082 behind Service port
/// 80. <c>https</c>: port 8445, TLS SIMPLE with the certificate in <c>mesh.localGateway.tlsSecret</c>, issued for the
/// Service's DNS names by the cluster-local CA (<see cref="ClusterLocalCa"/>) and renewed by cert-manager, behind
/// Service port 443.
/// <para>
/// The Service carries <c>experimental.istio.io/disable-gateway-port-translation: "true"</c> in both modes (the KServe service mesh guide
/// shows it only for HTTP). Istio translates a Gateway's port through any Service that selects the gateway pods; this
/// Service's ports 80 and 443 are the same numbers as istio-ingressgateway's, so without the label the public
/// Gateway's port 443 (or 80) could be bound to 8445 (or 8082). Knative's knative-local-gateway Service carries it for
/// the same reason.
/// </para>
/// </summary>
internal static class LocalGateway
{
    public const string Name = "kserve-local-gateway";
    public const string ServiceHost = "kserve-local-gateway.istio-system.svc.cluster.local";
    public const string GatewayRef = "istio-system/kserve-local-gateway";
    public const string PortTranslationLabel = "experimental.istio.io/disable-gateway-port-translation";
    public const int HttpPort = 8082;
    public const int HttpsPort = 8445;

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (config.Mesh.LocalGateway is not { } local)
        {
            yield break;
        }

        var https = local.Mode == LocalGatewayMode.Https;
        if (https)
        {
            yield return Platform(Manifest.New(ApiVersions.CertManager, "Certificate", Name, SystemNamespaces.IstioSystem)
                .With("spec", new JsonObject
                {
                    ["secretName"] = local.TlsSecret,
                    ["dnsNames"] = Manifest.Strings([ServiceHost, $"{Name}.{SystemNamespaces.IstioSystem}.svc", $"{Name}.{SystemNamespaces.IstioSystem}"]),
                    ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA", ["size"] = 256 },
                    ["issuerRef"] = ClusterLocalCa.IssuerRef(ClusterLocalCa.CaIssuer),
                }));
        }

        var server = new JsonObject
        {
            ["hosts"] = Manifest.Strings(["*"]),
            ["port"] = https
                ? new JsonObject { ["name"] = "https", ["number"] = HttpsPort, ["protocol"] = "HTTPS" }
                : new JsonObject { ["name"] = "http", ["number"] = HttpPort, ["protocol"] = "HTTP" },
        };
        if (https)
        {
            server["tls"] = new JsonObject { ["mode"] = "SIMPLE", ["credentialName"] = local.TlsSecret };
        }

        yield return Platform(Manifest.New(ApiVersions.IstioNetworking, "Gateway", Name, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = Manifest.IngressGatewaySelector(),
                ["servers"] = Manifest.Array(server),
            }));

        yield return Platform(Manifest.New(ApiVersions.Core, "Service", Name, SystemNamespaces.IstioSystem, [Manifest.Pair(PortTranslationLabel, "true")])
            .With("spec", new JsonObject
            {
                ["type"] = "ClusterIP",
                ["ports"] = Manifest.Array(new JsonObject
                {
                    ["name"] = https ? "https" : "http",
                    ["protocol"] = "TCP",
                    ["port"] = https ? 443 : 80,
                    ["targetPort"] = https ? HttpsPort : HttpPort,
                }),
                ["selector"] = Manifest.IngressGatewaySelector(),
            }));
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
