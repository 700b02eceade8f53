using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>One object as the cluster would hold it (after the plan's patches), with where it comes from.</summary>
internal sealed class ClusterObject
{
    public ClusterObject(JsonObject manifest, ObjectOrigin origin)
    {
        Manifest = manifest;
        Origin = origin;
        Kind = Json.Str(manifest, "kind") ?? "";
        ApiVersion = Json.Str(manifest, "apiVersion") ?? "";
        Group = ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        Namespace = Json.Str(manifest, "metadata", "namespace");
        Name = Json.Str(manifest, "metadata", "name") ?? "";
        Labels = Json.Map(manifest, "metadata", "labels");
        Annotations = Json.Map(manifest, "metadata", "annotations");
    }

    public JsonObject Manifest { get; }

    public ObjectOrigin Origin { get; }

    public string Kind { get; }

    public string ApiVersion { get; }

    public string Group { get; }

    public string? Namespace { get; }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyDictionary<string, string> Annotations { get; }

    public JsonObject? Spec => Json.Obj(Manifest, "spec");

    public ObjectRef Ref => new(Kind, Namespace, Name, Origin);

    /// <summary><c>kind.group/namespace/name</c>, unique in a cluster.</summary>
    public string Key => KeyOf(Kind, Group, Namespace, Name);

    public static string KeyOf(string kind, string group, string? ns, string name) => $"{kind}.{group}/{ns}/{name}";
}
