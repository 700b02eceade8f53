using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Decides every Kubernetes object of a stack from its validated configuration. Pure and deterministic: the same
/// config gives the same objects in the same order (<see cref="KubernetesPlan"/>). Each concern is decided in its own
/// type, named for what it decides.
/// </summary>
public static class KubernetesPlanner
{
    public static KubernetesPlan Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var buckets = TeamIdentityPlanner.Plan(config).ToDictionary(t => t.Team, t => ResourceRef.Name(t.Bucket.LogicalName), StringComparer.Ordinal);

        // Patches of objects the installed serving stack creates become its install-time values instead.
        var absorbed = PlatformObjects(config).ToLookup(o => InstalledObjects.IsAbsorbed(config, o));

        var teams = config.Teams
            .OrderBy(t => t.Team, StringComparer.Ordinal)
            .SelectMany(team => Team(config, team, buckets[team.Team]));

        return new KubernetesPlan([.. absorbed[false], .. teams])
        {
            InstalledValues = [.. absorbed[true]],
        };
    }

    /// <summary>
    /// The objects shared by all teams, in apply order, including the patches of objects Istio, Knative or KServe install
    /// (<see cref="ServingStackPlanner"/> turns those into release values when the stack installs them).
    /// </summary>
    public static IReadOnlyList<KubernetesObject> PlatformObjects(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            .. MeshWideMtls.For(config),
            .. KnativeSystemSidecars.For(config),
            .. LocalGatewayCallers.For(config),
            .. ClusterLocalCa.For(config),
            .. LocalGateway.For(config),
            .. KserveIngressConfig.For(config),
            .. PublicHttpsGateway.For(config),
            .. KnativeIngressConfig.For(config),
            .. KnativePodSpecFeatures.For(config),
            .. IapInMesh.For(config),
            .. GatewayServices.For(config),
            .. MeshDefaultDeny.For(config),
        ];
    }

    private static IEnumerable<KubernetesObject> Team(PlatformConfig config, TeamConfig team, ResourceRef bucket) =>
    [
        .. TeamIsolation.For(team),
        .. TeamServiceAccount.For(config, team),
        .. DexAuth.For(config, team),
        .. MeshDefaultDeny.ForTeam(team),
        .. TeamNetworkPolicies.For(config, team),
        .. NamespaceQuota.For(team),
        .. TeamMemberAccess.For(config, team),
        .. team.Models.SelectMany(model => Model(config, team, model, bucket)),
    ];

    /// <summary>Everything one model adds: its InferenceService, its caller policy, its IAP route.</summary>
    private static IEnumerable<KubernetesObject> Model(PlatformConfig config, TeamConfig team, ModelConfig model, ResourceRef bucket) =>
    [
        .. InferenceServices.For(config, team, model, bucket),
        .. ModelCallers.For(config, team, model),
        .. IapPathRoutes.For(config, team, model),
    ];
}
