using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// <c>mesh.mtls: mesh</c> (seed 003, "strict mTLS on the entire service mesh"): PeerAuthentication STRICT in the
/// root namespace (server side), a DestinationRule for <c>*.local</c> with ISTIO_MUTUAL (client side: sidecars
/// never send plaintext inside the cluster), and — with <c>knativeLocalGatewayTls: istioMutual</c> — Knative's
/// knative-local-gateway patched to HTTPS 8081 ISTIO_MUTUAL so cluster-local routing keeps working under the
/// DestinationRule. Nothing in <c>namespace</c> scope: there the team namespaces carry STRICT themselves
/// (<see cref="TeamIsolation"/>) and the local gateway must keep accepting plaintext from sidecar-less callers.
/// </summary>
internal static class MeshWideMtls
{
    public const string Name = "default";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config)
    {
        if (config.Mesh.Mtls != MtlsScope.Mesh)
        {
            yield break;
        }

        yield return Platform(TeamIsolation.PeerAuthentication(SystemNamespaces.IstioSystem));

        yield return Platform(Manifest.New(ApiVersions.IstioNetworking, "DestinationRule", Name, SystemNamespaces.IstioSystem)
            .With("spec", new JsonObject
            {
                ["host"] = "*.local",
                ["trafficPolicy"] = new JsonObject { ["tls"] = new JsonObject { ["mode"] = "ISTIO_MUTUAL" } },
            }));

        if (config.Mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.IstioMutual)
        {
            var gateway = Manifest.New(ApiVersions.IstioNetworking, "Gateway", KnativeLocalGateway.Name, SystemNamespaces.KnativeServing)
                .With("spec", new JsonObject
                {
                    ["selector"] = Manifest.IngressGatewaySelector(),
                    ["servers"] = Manifest.Array(new JsonObject
                    {
                        ["hosts"] = Manifest.Strings(["*"]),
                        ["port"] = new JsonObject { ["name"] = "https", ["number"] = 8081, ["protocol"] = "HTTPS" },
                        ["tls"] = new JsonObject { ["mode"] = "ISTIO_MUTUAL" },
                    }),
                });
            yield return new KubernetesObject(gateway, ApplyMode.Patch, KubernetesObject.PlatformOwner);
        }
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
