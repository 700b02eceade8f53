using SecureServing.Core.Access;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// What the evaluator reads, ignores as carrying no traffic decision, or reports as unknown: resource quotas and
/// defaults are inert; Knative's feature flags are read key by key, and only the ones that place a revision's pods are
/// taken as having no bearing on who reaches them.
/// </summary>
public sealed class UnmodeledObjectsTests
{
    private const string Team = "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n---\n";

    [Fact]
    public void Resource_quotas_and_limit_ranges_carry_no_traffic_decision_but_a_sidecar_resource_does()
    {
        var inert = AccessKit.State(Team + """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: team-quota, namespace: team}
            spec: {hard: {requests.cpu: "8"}}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: container-defaults, namespace: team}
            spec: {limits: [{type: Container, default: {cpu: 500m}}]}
            """);
        var sidecar = AccessKit.State(Team + "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: team}\nspec: {egress: [{hosts: [./*]}]}\n");

        Assert.Null(inert.UnmodeledAffecting("team"));
        Assert.Equal("Sidecar", sidecar.UnmodeledAffecting("team")?.Object.Kind);
    }

    [Fact]
    public void Knatives_placement_feature_flags_are_read_and_any_other_flag_is_unknown()
    {
        static ClusterState Features(string data) => AccessKit.State(
            $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: config-features, namespace: knative-serving}}\ndata: {data}\npatch: true\n");

        Assert.Empty(Features("{kubernetes.podspec-nodeselector: enabled, kubernetes.podspec-tolerations: enabled, kubernetes.podspec-runtimeclassname: enabled}").Unmodeled);
        var hostNetwork = Features("{kubernetes.podspec-hostnetwork: enabled}").Unmodeled;
        Assert.Equal("config-features key `kubernetes.podspec-hostnetwork` is not modeled", Assert.Single(hostNetwork).Why);
        Assert.Null(Assert.Single(hostNetwork).Scope);
    }
}
