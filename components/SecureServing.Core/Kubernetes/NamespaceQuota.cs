using System.Globalization;
using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// A team's share of the cluster, in its namespace, from <c>quota</c> (or the default quota):
/// <list type="bullet">
/// <item>A ResourceQuota on the namespace's total requests — <c>requests.cpu</c>, <c>requests.memory</c>,
/// <c>requests.nvidia.com/gpu</c> (GPUs are granted explicitly: 0 by default) — and <c>pods</c>. Requests, not limits:
/// Istio's sidecar carries a 2-CPU limit by default, so a limit quota would be used up by sidecars.</item>
/// <item>A LimitRange whose container defaults give every container a request (a namespace with a requests quota
/// refuses pods whose containers have none; Knative's queue-proxy sets only a CPU request) and a memory limit.</item>
/// </list>
/// See Kubernetes' "Resource Quotas" (https://kubernetes.io/docs/concepts/policy/resource-quotas/) and "Limit Ranges"
/// (https://kubernetes.io/docs/concepts/policy/limit-range/).
/// </summary>
internal static class NamespaceQuota
{
    public const string QuotaName = "team-quota";
    public const string LimitRangeName = "container-defaults";

    /// <summary>LimitRange defaults: a container's request when it sets none.</summary>
    public const string DefaultCpuRequest = "100m";
    public const string DefaultMemoryRequest = "128Mi";
    /// <summary>LimitRange default: a container's memory limit when it sets none.</summary>
    public const string DefaultMemoryLimit = "1Gi";

    public static IEnumerable<KubernetesObject> For(TeamConfig team)
    {
        var owner = KubernetesObject.TeamOwner(team.Team);
        var quota = team.Quota;
        yield return new KubernetesObject(Manifest.New(ApiVersions.Core, "ResourceQuota", QuotaName, team.Namespace)
            .With("spec", new JsonObject
            {
                ["hard"] = new JsonObject
                {
                    ["pods"] = quota.Pods.ToString(CultureInfo.InvariantCulture),
                    ["requests.cpu"] = quota.Cpu,
                    ["requests.memory"] = quota.Memory,
                    [$"requests.{ModelPlacement.GpuResource}"] = quota.Gpu.ToString(CultureInfo.InvariantCulture),
                },
            }), ApplyMode.Create, owner);

        yield return new KubernetesObject(Manifest.New(ApiVersions.Core, "LimitRange", LimitRangeName, team.Namespace)
            .With("spec", new JsonObject
            {
                ["limits"] = Manifest.Array(new JsonObject
                {
                    ["type"] = "Container",
                    ["default"] = new JsonObject { ["memory"] = DefaultMemoryLimit },
                    ["defaultRequest"] = new JsonObject { ["cpu"] = DefaultCpuRequest, ["memory"] = DefaultMemoryRequest },
                }),
            }), ApplyMode.Create, owner);
    }
}
