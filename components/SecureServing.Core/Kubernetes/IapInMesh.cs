using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Identity-Aware Proxy in front of the mesh (KFServing GCP/IAP example; IAP signed headers), all in istio-system:
/// <list type="bullet">
/// <item>A GKE Ingress (class gce) on the GCP plan's global static IP and Google-managed certificate
/// (<see cref="IapNames"/>; one certificate, created on the GCP side), plain HTTP off, routing the IAP hostname to the
/// public gateway's Service (istio-public-gateway port 80) through container-native load balancing
/// (<see cref="GatewayServices"/>).</item>
/// <item>A BackendConfig turning IAP on — without <c>oauthclientCredentials</c> for the Google-managed OAuth client, or
/// naming the Secret built from the bring-your-own client (its <c>client_secret</c> is a Pulumi secret: the manifest
/// holds <see cref="RenderedValue.Secret"/> and <see cref="KubernetesObject.Secrets"/> says where it comes from) — and
/// health-checking Istio's readiness endpoint (<c>/healthz/ready</c> on 15021).</item>
/// <item>With <c>iap.verifyJwtInMesh</c> (an error to turn off while IAP is on): a RequestAuthentication on the public
/// gateway pods for the IAP JWT (<c>x-goog-iap-jwt-assertion</c>, issuer and JWKS of IAP, <c>audiences</c> =
/// <c>iap.audience</c> when it is known), and an ALLOW AuthorizationPolicy on the same pods that admits a request only
/// with a valid IAP JWT whose audience is one of this project's backend services:
/// <c>request.auth.audiences</c> = <c>iap.audience</c> exactly when it is set, else the prefix
/// <c>/projects/&lt;projectNumber&gt;/global/backendServices/*</c> (the backend service ID exists only once GKE has
/// created the load balancer; RequestAuthentication's <c>audiences</c> matches exactly, so the prefix is enforced by
/// the policy, where Istio's string match supports a trailing <c>*</c>). Without the audience check, a JWT that IAP
/// signed for any other IAP application, in anyone's project, would pass. Knative's and Istio's health paths stay
/// open (net-istio probes every gateway pod on <c>/healthz</c> for each public host).</item>
/// </list>
/// The policy is ALLOW: the public gateway pods serve only the public Gateway (the cluster-local gateways run on other
/// pods, <see cref="IngressGatewayWorkload"/>), so everything not explicitly admitted — any host, any port, any path —
/// is refused, and the models can trust the public gateway's identity (<see cref="ModelCallers"/>). Istiod fetches the
/// JWKS from www.gstatic.com, so it needs egress there.
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
    /// <summary>Any principal IAP's issuer signed (<c>&lt;iss&gt;/&lt;sub&gt;</c>).</summary>
    public const string RequestPrincipals = Issuer + "/*";
    /// <summary>The AuthorizationPolicy condition key on the JWT's <c>aud</c> claim.</summary>
    public const string AudiencesKey = "request.auth.audiences";

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
                // Every request through the load balancer in Cloud Logging: who came through IAP, and what the gateway
                // answered. Hardened organizations refuse a backend service without logging (Cloud Foundation Fabric's
                // custom.networkRequireBackendServiceLogging); "Ingress configuration on Google Cloud", HTTP access
                // logging, https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration.
                ["logging"] = new JsonObject { ["enable"] = true, ["sampleRate"] = 1.0 },
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
                                    ["name"] = PublicGatewayWorkload.ServiceName,
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
                ["selector"] = new JsonObject { ["matchLabels"] = Manifest.PublicGatewaySelector() },
                ["jwtRules"] = Manifest.Array(rule),
            }));

        yield return Platform(Manifest.New(ApiVersions.IstioSecurity, "AuthorizationPolicy", AuthorizationPolicyName, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = Manifest.PublicGatewaySelector() },
                ["action"] = "ALLOW",
                ["rules"] = Manifest.Array(
                    new JsonObject
                    {
                        ["from"] = Manifest.Array(new JsonObject
                        {
                            ["source"] = new JsonObject { ["requestPrincipals"] = Manifest.Strings([RequestPrincipals]) },
                        }),
                        ["when"] = Manifest.Array(new JsonObject
                        {
                            ["key"] = AudiencesKey,
                            ["values"] = Manifest.Strings([ExpectedAudience(config)]),
                        }),
                    },
                    new JsonObject
                    {
                        ["to"] = Manifest.Array(new JsonObject
                        {
                            ["operation"] = new JsonObject { ["paths"] = Manifest.Strings(HealthPaths) },
                        }),
                    }),
            }));
    }

    /// <summary>
    /// The IAP JWT audience the public gateway admits: <c>iap.audience</c> when it is known, else every backend service
    /// of this project, <c>/projects/&lt;projectNumber&gt;/global/backendServices/*</c> (an Istio prefix match).
    /// </summary>
    public static string ExpectedAudience(PlatformConfig config) =>
        string.IsNullOrWhiteSpace(config.Iap.Audience) ? $"{BackendServicesPrefix(config.ProjectNumber)}*" : config.Iap.Audience;

    /// <summary><c>/projects/&lt;number&gt;/global/backendServices/</c>: what every IAP audience of that project starts with.</summary>
    public static string BackendServicesPrefix(string projectNumber) => $"/projects/{projectNumber}/global/backendServices/";

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
