using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Kubernetes RBAC for a team's <c>members</c>, in the team's namespace only: a Role that reads and debugs what runs
/// there and a RoleBinding of the members to it. Read and debug means <c>get</c>, <c>list</c>, <c>watch</c> on the team's
/// InferenceServices, the Knative services, revisions and routes KServe makes of them, pods and their logs, events,
/// and the namespace's quota and container defaults. Nothing else:
/// <list type="bullet">
/// <item>no secrets (and no wildcard that could reach them);</item>
/// <item>no write verb at all: every object in the namespace is the platform's (Pulumi creates them), so a member's
/// change would be drift, and a changed AuthorizationPolicy or NetworkPolicy would open the namespace;</item>
/// <item>no <c>pods/exec</c>, <c>pods/attach</c>, <c>pods/portforward</c> (all <c>create</c>): a shell or a port-forward
/// reaches the model around the mesh's authorization and can read the pod's Workload Identity token.</item>
/// </list>
/// Subjects (GKE's user names are e-mail addresses): <c>user:EMAIL</c> as User, <c>serviceAccount:EMAIL</c> as User
/// (a Google service account's user name is its e-mail), <c>group:EMAIL</c> as Group only with Google Groups for RBAC
/// (<c>secure-serving:cluster.securityGroup</c>; the group must be a member of <c>gke-security-groups@</c>, which is not
/// knowable offline). <c>domain:</c> members, and groups without it, cannot be bound; <c>check</c> warns
/// (<c>team-member-not-bound</c>). See GKE's "Configure Google Groups for RBAC"
/// (https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac).
/// Members still need IAM permission to reach the cluster (<c>container.clusters.get</c>, e.g.
/// <c>roles/container.clusterViewer</c>); that grant gives no Kubernetes access by itself.
/// </summary>
internal static class TeamMemberAccess
{
    public const string RoleName = "team-member-read";
    public const string BindingName = "team-members";
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static readonly IReadOnlyList<string> ReadVerbs = ["get", "list", "watch"];

    /// <summary>The Role's rules: (API group, resources), each with <see cref="ReadVerbs"/>.</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> Resources)> Rules =
    [
        ("serving.kserve.io", ["inferenceservices", "inferenceservices/status"]),
        ("serving.knative.dev", ["services", "configurations", "revisions", "routes"]),
        ("", ["pods", "pods/log", "events", "resourcequotas", "limitranges"]),
        ("events.k8s.io", ["events"]),
    ];

    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team)
    {
        var owner = KubernetesObject.TeamOwner(team.Team);
        yield return new KubernetesObject(Manifest.New(ApiVersions.Rbac, "Role", RoleName, team.Namespace)
            .With("rules", Manifest.Array(Rules.Select(r => (JsonNode)new JsonObject
            {
                ["apiGroups"] = Manifest.Strings([r.Group]),
                ["resources"] = Manifest.Strings(r.Resources),
                ["verbs"] = Manifest.Strings(ReadVerbs),
            }))), ApplyMode.Create, owner);

        var subjects = team.Members.Select(m => Subject(config, m)).OfType<JsonObject>().ToList();
        if (subjects.Count == 0)
        {
            yield break;
        }

        yield return new KubernetesObject(Manifest.New(ApiVersions.Rbac, "RoleBinding", BindingName, team.Namespace)
            .With("roleRef", new JsonObject { ["apiGroup"] = RbacGroup, ["kind"] = "Role", ["name"] = RoleName })
            .With("subjects", Manifest.Array(subjects)), ApplyMode.Create, owner);
    }

    /// <summary>The RBAC subject of an IAM member, or null when it cannot be bound (see <see cref="Unbindable"/>).</summary>
    public static JsonObject? Subject(PlatformConfig config, string member)
    {
        if (Unbindable(config, member) is not null)
        {
            return null;
        }

        var (type, name) = Split(member);
        return new JsonObject { ["kind"] = type == "group" ? "Group" : "User", ["apiGroup"] = RbacGroup, ["name"] = name };
    }

    /// <summary>Why a member gets no RoleBinding subject, or null when it gets one.</summary>
    public static string? Unbindable(PlatformConfig config, string member)
    {
        return Split(member).Type switch
        {
            "user" or "serviceAccount" => null,
            "group" when config.Cluster.SecurityGroup is not null => null,
            "group" => "Kubernetes sees a Google Group only with Google Groups for RBAC (`secure-serving:cluster.securityGroup`)",
            "domain" => "Kubernetes RBAC has no subject for a whole domain",
            _ => "it is not an IAM member with a type prefix",
        };
    }

    /// <summary><c>group:ml@example.com</c> → (<c>group</c>, <c>ml@example.com</c>); no type without a colon.</summary>
    private static (string Type, string Name) Split(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ("", member) : (member[..colon], member[(colon + 1)..]);
    }
}
