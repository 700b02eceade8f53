using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// <c>mesh.mtls: mesh</c> (seed 003, "strict mTLS on the entire service mesh"): PeerAuthentication STRICT in the
/// root namespace (server side) and a DestinationRule for <c>*.local</c> with ISTIO_MUTUAL (client side: sidecars
/// never send plaintext inside the cluster). Knative's knative-local-gateway is patched to HTTPS 8081 ISTIO_MUTUAL in
/// both scopes (<see cref="LocalGatewayCallers"/>), which also keeps cluster-local routing working under this
/// DestinationRule. Nothing here in <c>namespace</c> scope: there the team namespaces carry STRICT themselves
/// (<see cref="TeamIsolation"/>).
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
    }

    private static KubernetesObject Platform(JsonObject manifest) => new(manifest, ApplyMode.Create, KubernetesObject.PlatformOwner);
}
