using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// A cluster-internal CA for cluster-local TLS (the HTTPS kserve-local-gateway, KServe service mesh guide, "Securing the network border
/// with TLS"): a self-signed ClusterIssuer bootstraps a CA certificate in cert-manager's namespace, and a CA
/// ClusterIssuer signs leaf certificates with it. Certificates are renewed by cert-manager; leaf secrets carry the CA
/// in <c>ca.crt</c>, which out-of-mesh clients trust. Created only when a local gateway serves HTTPS.
/// </summary>
internal static class ClusterLocalCa
{
    public const string SelfSignedIssuer = "secure-serving-selfsigned";
    public const string CaCertificate = "secure-serving-cluster-local-ca";
    public const string CaSecret = "secure-serving-cluster-local-ca";
    public const string CaIssuer = "secure-serving-cluster-local-ca";

    public static bool Needed(PlatformConfig config) => config.Mesh.LocalGateway is { Mode: LocalGatewayMode.Https };

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (!Needed(config))
        {
            yield break;
        }

        yield return Platform(Manifest.New(ApiVersions.CertManager, "ClusterIssuer", SelfSignedIssuer, null)
            .With("spec", new JsonObject { ["selfSigned"] = new JsonObject() }));

        yield return Platform(Manifest.New(ApiVersions.CertManager, "Certificate", CaCertificate, SystemNamespaces.CertManager)
            .With("spec", new JsonObject
            {
                ["isCA"] = true,
                ["commonName"] = "SecureServing cluster-local CA",
                ["secretName"] = CaSecret,
                ["duration"] = "8760h",
                ["renewBefore"] = "720h",
                ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA", ["size"] = 256 },
                ["issuerRef"] = IssuerRef(SelfSignedIssuer),
            }));

        yield return Platform(Manifest.New(ApiVersions.CertManager, "ClusterIssuer", CaIssuer, null)
            .With("spec", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = CaSecret } }));
    }

    public static JsonObject IssuerRef(string clusterIssuer) =>
        new() { ["name"] = clusterIssuer, ["kind"] = "ClusterIssuer", ["group"] = "cert-manager.io" };

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
