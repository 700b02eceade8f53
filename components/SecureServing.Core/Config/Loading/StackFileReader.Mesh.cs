using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config.Loading;

/// <summary>Istio mTLS, local gateways and in-mesh JWT checks (<c>secure-serving:mesh</c>).</summary>
internal static partial class StackFileReader
{
    private static MeshConfig ReadMesh(YamlMap config)
    {
        var mesh = config.Map(Namespace + "mesh");
        if (mesh is null)
        {
            return new MeshConfig();
        }

        LocalGatewayConfig? localGateway = null;
        if (mesh.Map("localGateway") is { } lg)
        {
            localGateway = new LocalGatewayConfig();
            localGateway = localGateway with
            {
                Mode = lg.Enum(StackFileContract.Mesh.LocalGatewayMode) ?? localGateway.Mode,
                TlsSecret = lg.String("tlsSecret") ?? localGateway.TlsSecret,
            };
            lg.Finish();
        }

        DexConfig? dex = null;
        if (mesh.Map("dex") is { } dx)
        {
            dex = new DexConfig
            {
                Issuer = dx.String("issuer") ?? "",
                JwksUri = dx.String("jwksUri") ?? "",
                Audiences = dx.Strings("audiences") ?? [],
                RequiredGroups = dx.Strings("requiredGroups") ?? [],
            };
            dx.Finish();
        }

        var defaults = new MeshConfig();
        var result = new MeshConfig
        {
            Mtls = mesh.Enum(StackFileContract.Mesh.Mtls) ?? defaults.Mtls,
            LocalGateway = localGateway,
            DisableIstioVirtualHost = mesh.Bool("disableIstioVirtualHost") ?? defaults.DisableIstioVirtualHost,
            KnativeLocalGatewayTls = mesh.Enum(StackFileContract.Mesh.KnativeLocalGatewayTls) ?? defaults.KnativeLocalGatewayTls,
            OutOfMeshCallers = mesh.Bool("outOfMeshCallers") ?? defaults.OutOfMeshCallers,
            Dex = dex,
        };
        mesh.Finish();
        return result;
    }
}
