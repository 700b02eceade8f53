using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Kubernetes;

/// <summary>How an object reaches the cluster.</summary>
public enum ApplyMode
{
    /// <summary>The stack creates and owns the object (deleted with the stack).</summary>
    Create,

    /// <summary>
    /// The object already exists (installed by Istio, Knative or KServe); the stack merges only the fields in the
    /// manifest into it (server-side apply) and leaves the rest alone. Used for <c>inferenceservice-config</c>,
    /// <c>config-domain</c>, <c>config-network</c>, <c>config-istio</c>, <c>config-features</c>, <c>knative-local-gateway</c>, the
    /// <c>istio-ingressgateway</c> and <c>istio-public-gateway</c> Services and the <c>knative-serving</c> Namespace.
    /// </summary>
    Patch,
}

/// <summary>
/// One Kubernetes object as the cluster should see it: the full manifest (<c>apiVersion</c>, <c>kind</c>,
/// <c>metadata</c>, <c>spec</c>/<c>data</c>) as JSON, how it is applied and who owns it.
/// Values not known offline are placeholders in the manifest, each listed so a component can fill it:
/// <see cref="Secrets"/> (<see cref="Rendering.RenderedValue.Secret"/>, never plaintext) and
/// <see cref="Outputs"/> (<see cref="ResourceRef.Rendered"/>, e.g. <c>${team-fraud-bucket.name}</c>).
/// </summary>
/// <param name="Manifest">The manifest. Treat as read-only; <see cref="KubernetesPlanner"/> builds a fresh one per plan.</param>
/// <param name="Mode">Create or Patch.</param>
/// <param name="Owner"><c>platform</c> or <c>team:&lt;name&gt;</c>.</param>
public sealed record KubernetesObject(JsonObject Manifest, ApplyMode Mode, string Owner)
{
    /// <summary>Owner of the objects shared by all teams.</summary>
    public const string PlatformOwner = "platform";

    /// <summary>Owner string for a team's objects.</summary>
    public static string TeamOwner(string team) => $"team:{team}";

    /// <summary>String fields whose value is <see cref="Rendering.RenderedValue.Secret"/>, to be filled from a Pulumi secret.</summary>
    public IReadOnlyList<SecretField> Secrets { get; init; } = [];

    /// <summary>String fields that contain a <see cref="ResourceRef.Rendered"/> placeholder for another resource's output.</summary>
    public IReadOnlyList<OutputField> Outputs { get; init; } = [];

    public string ApiVersion => (string)Manifest["apiVersion"]!;

    public string Kind => (string)Manifest["kind"]!;

    public string Name => (string)Manifest["metadata"]!["name"]!;

    /// <summary>Null for cluster-scoped objects (Namespace, ClusterIssuer).</summary>
    public string? Namespace => (string?)Manifest["metadata"]!["namespace"];

    /// <summary>API group, empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>Unique within a plan: <c>kind.group/namespace/name</c> (<c>Namespace/fraud-models</c>, <c>Gateway.networking.istio.io/istio-system/public-gateway</c>).</summary>
    public string Key => $"{Kind}{(Group.Length > 0 ? "." + Group : "")}/{(Namespace is null ? "" : Namespace + "/")}{Name}";
}

/// <summary>A manifest string field (path of keys from the root) whose value comes from a Pulumi secret.</summary>
public sealed record SecretField(IReadOnlyList<string> Path, SecretRef Source)
{
    public string PathText => string.Join('.', Path);
}

/// <summary>
/// A manifest string field (path of keys from the root) that contains <see cref="ResourceRef.Rendered"/> of
/// <see cref="Ref"/>; a component replaces that placeholder inside the string with the resource's output.
/// </summary>
public sealed record OutputField(IReadOnlyList<string> Path, ResourceRef Ref)
{
    public string PathText => string.Join('.', Path);
}
