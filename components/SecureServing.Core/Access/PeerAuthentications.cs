using System.Globalization;

namespace SecureServing.Core.Access;

internal enum MtlsMode { Strict, Permissive, Disable, Unknown }

/// <summary>
/// The mTLS mode Istio's PeerAuthentication gives a workload's port: the workload policy (selector in its namespace;
/// <c>portLevelMtls</c> for the port, else its <c>mtls.mode</c>), else the namespace policy (no selector), else the
/// mesh policy (root namespace, no selector), else PERMISSIVE. <c>UNSET</c> inherits from the next level. Where
/// several policies of one level apply, the oldest (first in the plan) wins. Gateways are not subject to it: their
/// Gateway servers say what TLS they accept.
/// </summary>
internal static class PeerAuthentications
{
    public static (MtlsMode Mode, ObjectRef? Source) Mode(ClusterState state, Workload workload, int port) =>
        state.Memo($"peer:{workload.Namespace}/{workload.Name}:{port}", () => Tuple.Create(Compute(state, workload, port))).Item1;

    private static (MtlsMode Mode, ObjectRef? Source) Compute(ClusterState state, Workload workload, int port)
    {
        var policies = state.OfKind("PeerAuthentication", "security.istio.io").ToList();
        var workloadLevel = policies.Where(p => p.Namespace == workload.Namespace && PolicyScope.HasSelector(p)
            && Json.Selects(Json.Map(p.Manifest, "spec", "selector", "matchLabels"), workload.Labels));
        foreach (var p in workloadLevel)
        {
            var portMode = Json.Str(p.Manifest, "spec", "portLevelMtls", port.ToString(CultureInfo.InvariantCulture), "mode");
            if (Parse(portMode) is { } byPort)
            {
                return (byPort, p.Ref);
            }

            if (Parse(Json.Str(p.Manifest, "spec", "mtls", "mode")) is { } mode)
            {
                return (mode, p.Ref);
            }
        }

        foreach (var ns in new[] { workload.Namespace, ClusterState.RootNamespace }.Distinct(StringComparer.Ordinal))
        {
            foreach (var p in policies.Where(p => p.Namespace == ns && !PolicyScope.HasSelector(p)))
            {
                if (Parse(Json.Str(p.Manifest, "spec", "mtls", "mode")) is { } mode)
                {
                    return (mode, p.Ref);
                }
            }
        }

        return (MtlsMode.Permissive, null);
    }

    /// <summary>Null for UNSET or absent (inherit).</summary>
    private static MtlsMode? Parse(string? mode) => mode switch
    {
        null or "UNSET" => null,
        "STRICT" => MtlsMode.Strict,
        "PERMISSIVE" => MtlsMode.Permissive,
        "DISABLE" => MtlsMode.Disable,
        _ => MtlsMode.Unknown,
    };
}
