using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// The public Gateway on the istio-public-gateway pods (<see cref="PublicGatewayWorkload"/>; seed 004's gateway, moved off
/// the pods that serve the cluster-local gateways so that its callers have an identity of their own): HTTPS 443, TLS SIMPLE with the certificate in
/// <c>ingress.tlsSecret</c> for <c>hostname</c> and <c>*.hostname</c> (the wildcard serves Knative's per-model hosts),
/// and HTTP 80.
/// <list type="bullet">
/// <item>Without IAP, port 80 only redirects to HTTPS.</item>
/// <item>With IAP, the GKE load balancer terminates TLS (Google-managed certificate) and sends plain HTTP to port 80
/// (<see cref="IapInMesh"/>); a redirect there would loop, so port 80 serves the public hosts and the IAP hostname,
/// and the IAP JWT policy on the public gateway admits only requests that came through IAP for this project. Google
/// encrypts the hop from its load balancer to the pods at the network layer.</item>
/// </list>
/// With <c>ingress.tls: certManager</c> a cert-manager Certificate issues and renews the TLS secret from
/// <c>ingress.clusterIssuer</c> (seed 004 copied it by hand every 90 days); the wildcard name needs an issuer with a
/// DNS-01 solver. With <c>tls: secret</c> the secret must already exist in istio-system.
/// </summary>
internal static class PublicHttpsGateway
{
    public const string Name = "public-gateway";
    public const string GatewayRef = "istio-system/public-gateway";

    /// <summary>Hosts the public gateway serves over HTTPS: <c>hostname</c> and <c>*.hostname</c>.</summary>
    public static IReadOnlyList<string> HttpsHosts(PlatformConfig config) => [config.Ingress.Hostname, $"*.{config.Ingress.Hostname}"];

    /// <summary>Every host the public gateway answers for: the HTTPS hosts plus the IAP hostname when IAP is on.</summary>
    public static IReadOnlyList<string> AllHosts(PlatformConfig config) =>
        config.Iap.Enabled ? [.. HttpsHosts(config).Append(IapNames.Hostname(config)).Distinct(StringComparer.OrdinalIgnoreCase)] : HttpsHosts(config);

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        var ingress = config.Ingress;
        if (ingress.Tls == IngressTls.CertManager)
        {
            yield return Platform(Manifest.New(ApiVersions.CertManager, "Certificate", Name, SystemNamespaces.IstioSystem)
                .With("spec", new JsonObject
                {
                    ["secretName"] = ingress.TlsSecret,
                    ["dnsNames"] = Manifest.Strings(HttpsHosts(config)),
                    ["issuerRef"] = ClusterLocalCa.IssuerRef(ingress.ClusterIssuer),
                }));
        }

        var https = new JsonObject
        {
            ["hosts"] = Manifest.Strings(HttpsHosts(config)),
            ["port"] = new JsonObject { ["name"] = "https", ["number"] = 443, ["protocol"] = "HTTPS" },
            ["tls"] = new JsonObject { ["mode"] = "SIMPLE", ["credentialName"] = ingress.TlsSecret },
        };
        var http = new JsonObject
        {
            ["hosts"] = Manifest.Strings(config.Iap.Enabled ? AllHosts(config) : HttpsHosts(config)),
            ["port"] = new JsonObject { ["name"] = "http", ["number"] = 80, ["protocol"] = "HTTP" },
        };
        if (!config.Iap.Enabled)
        {
            http["tls"] = new JsonObject { ["httpsRedirect"] = true };
        }

        yield return Platform(Manifest.New(ApiVersions.IstioNetworking, "Gateway", Name, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = Manifest.PublicGatewaySelector(),
                ["servers"] = Manifest.Array(https, http),
            }));
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
