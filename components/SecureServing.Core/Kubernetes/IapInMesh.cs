using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Identity-Aware Proxy in front of the mesh (seeds 000, 001), all in istio-system:
/// <list type="bullet">
/// <item>A GKE Ingress (class gce) on the GCP plan's global static IP and Google-managed certificate
/// (<see cref="IapNames"/>; one certificate, created on the GCP side), plain HTTP off, routing the IAP hostname to
/// istio-ingressgateway port 80 through container-native load balancing (<see cref="IngressGatewayService"/>).</item>
/// <item>A BackendConfig turning IAP on — without <c>oauthclientCredentials</c> for the Google-managed OAuth client, or
/// naming the Secret built from the bring-your-own client (its <c>client_secret</c> is a Pulumi secret: the manifest
/// holds <see cref="RenderedValue.Secret"/> and <see cref="KubernetesObject.Secrets"/> says where it comes from) — and
/// health-checking Istio's readiness endpoint (<c>/healthz/ready</c> on 15021).</item>
/// <item>With <c>iap.verifyJwtInMesh</c>: a RequestAuthentication on the gateway pods for the IAP JWT
/// (<c>x-goog-iap-jwt-assertion</c>, issuer and JWKS of IAP, audience when <c>iap.audience</c> is known) and an
/// AuthorizationPolicy that denies requests for the public hosts without a valid IAP JWT, except Knative's and
/// Istio's health paths (net-istio probes every gateway pod on <c>/healthz</c> for each public host). Without it,
/// anything that reaches the gateway pods inside the VPC could skip IAP.</item>
/// </list>
/// The policy is DENY-for-public-hosts rather than ALLOW-with-principal: the same pods also serve the cluster-local
/// gateways (Knative's and KServe's), whose callers carry no IAP JWT. Hosts are listed with and without <c>:*</c>
/// because a Host header may carry a port. Istiod fetches the JWKS from www.gstatic.com, so it needs egress there.
/// </summary>
internal static class IapInMesh
{
    public const string IngressName = "iap-ingress";
    public const string BackendConfigName = "iap-backend-config";
    public const string RequestAuthenticationName = "iap-jwt";
    public const string AuthorizationPolicyName = "iap-require-jwt";
    public const string Issuer = "https://cloud.google.com/iap";
    public const string JwksUri = "https://www.gstatic.com/iap/verify/public_key-jwk";
    public const string JwtHeader = "x-goog-iap-jwt-assertion";

    /// <summary>Paths left open on the public hosts: net-istio's gateway probe and Istio's readiness path.</summary>
    public static readonly IReadOnlyList<string> HealthPaths = ["/healthz", IngressGatewayWorkload.ReadinessPath];

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (!config.Iap.Enabled)
        {
            yield break;
        }

        var client = config.Iap.OAuthClient;
        if (!client.IsManaged)
        {
            yield return OAuthClientSecret(client);
        }

        var iap = new JsonObject { ["enabled"] = true };
        if (!client.IsManaged)
        {
            iap["oauthclientCredentials"] = new JsonObject { ["secretName"] = IapNames.OAuthClientSecretName };
        }

        yield return Platform(Manifest.New(ApiVersions.GkeBackendConfig, "BackendConfig", BackendConfigName, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["iap"] = iap,
                ["healthCheck"] = new JsonObject
                {
                    ["type"] = "HTTP",
                    ["requestPath"] = IngressGatewayWorkload.ReadinessPath,
                    ["port"] = IngressGatewayWorkload.StatusPort,
                },
            }));

        var hostname = IapNames.Hostname(config);
        yield return Platform(Manifest.New(ApiVersions.Networking, "Ingress", IngressName, SystemNamespaces.IstioSystem, annotations:
            [
                Manifest.Pair("ingress.gcp.kubernetes.io/pre-shared-cert", IapNames.CertificateName(config)),
                Manifest.Pair("kubernetes.io/ingress.allow-http", "false"),
                Manifest.Pair("kubernetes.io/ingress.class", "gce"),
                Manifest.Pair(IapNames.StaticIpAnnotation, IapNames.StaticIpName(config)),
            ])
            .With("spec", new JsonObject
            {
                ["rules"] = Manifest.Array(new JsonObject
                {
                    ["host"] = hostname,
                    ["http"] = new JsonObject
                    {
                        ["paths"] = Manifest.Array(new JsonObject
                        {
                            ["path"] = "/",
                            ["pathType"] = "Prefix",
                            ["backend"] = new JsonObject
                            {
                                ["service"] = new JsonObject
                                {
                                    ["name"] = IngressGatewayWorkload.ServiceName,
                                    ["port"] = new JsonObject { ["number"] = 80 },
                                },
                            },
                        }),
                    },
                }),
            }));

        if (!config.Iap.VerifyJwtInMesh)
        {
            yield break;
        }

        var rule = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwksUri"] = JwksUri,
            ["fromHeaders"] = Manifest.Array(new JsonObject { ["name"] = JwtHeader }),
        };
        if (!string.IsNullOrWhiteSpace(config.Iap.Audience))
        {
            rule["audiences"] = Manifest.Strings([config.Iap.Audience]);
        }

        yield return Platform(Manifest.New(ApiVersions.IstioSecurity, "RequestAuthentication", RequestAuthenticationName, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = Manifest.IngressGatewaySelector() },
                ["jwtRules"] = Manifest.Array(rule),
            }));

        yield return Platform(Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", AuthorizationPolicyName, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = Manifest.IngressGatewaySelector() },
                ["action"] = "DENY",
                ["rules"] = Manifest.Array(new JsonObject
                {
                    ["from"] = Manifest.Array(new JsonObject
                    {
                        ["source"] = new JsonObject { ["notRequestPrincipals"] = Manifest.Strings([$"{Issuer}/*"]) },
                    }),
                    ["to"] = Manifest.Array(new JsonObject
                    {
                        ["operation"] = new JsonObject
                        {
                            ["hosts"] = Manifest.Strings(ProtectedHosts(config)),
                            ["notPaths"] = Manifest.Strings(HealthPaths),
                        },
                    }),
                }),
            }));
    }

    /// <summary>Every public host, bare and with any port (<c>host:*</c>).</summary>
    public static IReadOnlyList<string> ProtectedHosts(PlatformConfig config) =>
        [.. PublicHttpsGateway.AllHosts(config).SelectMany(h => new[] { h, h + ":*" })];

    private static KubernetesObject OAuthClientSecret(OAuthClientConfig client)
    {
        var secretRef = client.ClientSecret
            ?? throw new InvalidOperationException("A bring-your-own IAP OAuth client needs its client secret (validated config guarantees it).");
        var manifest = Manifest.New(ApiVersions.Core, "Secret", IapNames.OAuthClientSecretName, SystemNamespaces.IstioSystem)
            .With("type", "Opaque")
            .With("stringData", new JsonObject
            {
                ["client_id"] = client.ClientId,
                ["client_secret"] = RenderedValue.Secret,
            });
        return new KubernetesObject(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner)
        {
            Secrets = [new SecretField(["stringData", "client_secret"], secretRef)],
        };
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
