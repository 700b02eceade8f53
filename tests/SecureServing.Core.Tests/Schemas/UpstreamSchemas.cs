using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace SecureServing.Core.Tests.Schemas;

/// <summary>Where an object's schema comes from.</summary>
public enum SchemaSource
{
    /// <summary>None known: the object cannot be validated (a test should treat that as a failure).</summary>
    None,
    /// <summary>A CustomResourceDefinition's <c>openAPIV3Schema</c> in <c>shared/schemas</c>.</summary>
    Crd,
    /// <summary>The Kubernetes OpenAPI v3 documents in <c>shared/schemas/kubernetes</c>.</summary>
    KubernetesOpenApi,
    /// <summary>A schema kept by hand in <see cref="HandKeptSchemas"/> because upstream publishes none.</summary>
    HandKept,
}

/// <summary>
/// Validates Kubernetes manifests against the upstream schemas in <c>shared/schemas</c> (Istio, KServe, Knative,
/// cert-manager and GKE CRDs; the Kubernetes OpenAPI v3 documents, looked up by <c>x-kubernetes-group-version-kind</c>),
/// strictly: an unknown field is an error (<see cref="StrictSchema"/>), as under the API server's strict field
/// validation. <c>metadata</c> is checked against ObjectMeta for every kind (a CRD's schema leaves it open, the API
/// server does not), and names, labels and data keys against the API server's format rules.
/// Files are parsed once and each kind's schema compiled once per test run (static, lazy, thread-safe).
/// </summary>
public static partial class UpstreamSchemas
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static readonly Lazy<string> RootDirectory = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<(string, string), JsonObject>> CrdSchemas = new(LoadCrds);
    private static readonly Lazy<OpenApiIndex> OpenApi = new(LoadOpenApi);
    private static readonly ConcurrentDictionary<(string, string), Lazy<JsonSchema>> Compiled = new();
    private static readonly Lazy<JsonSchema> ObjectMeta = new(() => Compile(OpenApi.Value.Document(ObjectMetaDefinition)));

    /// <summary>The <c>shared/schemas</c> folder: found by walking up from the test's base directory.</summary>
    public static string Root => RootDirectory.Value;

    public static SchemaSource SourceOf(string apiVersion, string kind) =>
        HandKeptSchemas.ByKind.ContainsKey((apiVersion, kind)) ? SchemaSource.HandKept
        : CrdSchemas.Value.ContainsKey((apiVersion, kind)) ? SchemaSource.Crd
        : OpenApi.Value.ByGvk.ContainsKey((apiVersion, kind)) ? SchemaSource.KubernetesOpenApi
        : SchemaSource.None;

    /// <summary>Every problem with <paramref name="manifest"/>, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? "";
        var kind = manifest["kind"]?.GetValue<string>() ?? "";
        var errors = new List<string>();
        if (SourceOf(apiVersion, kind) == SchemaSource.None)
        {
            errors.Add($"no schema for apiVersion `{apiVersion}` kind `{kind}` in {Root} (and none kept by hand)");
            return errors;
        }

        var schema = Compiled.GetOrAdd((apiVersion, kind), key => new Lazy<JsonSchema>(() => CompileFor(key.Item1, key.Item2))).Value;
        errors.AddRange(Describe(schema.Validate(manifest.ToJsonString()), ""));
        if (manifest["metadata"] is JsonObject metadata)
        {
            errors.AddRange(Describe(ObjectMeta.Value.Validate(metadata.ToJsonString()), "metadata"));
            errors.AddRange(ApiServerFormats(kind, metadata));
        }
        else
        {
            errors.Add("metadata: missing");
        }

        if (kind is "ConfigMap" or "Secret")
        {
            foreach (var field in new[] { "data", "stringData", "binaryData" })
            {
                foreach (var (key, _) in manifest[field] as JsonObject ?? [])
                {
                    if (!ConfigMapKey().IsMatch(key) || key.Length > 253)
                    {
                        errors.Add($"{field}.{key}: not a valid key (alphanumerics, '-', '_', '.')");
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>Fails with every problem of <paramref name="manifest"/>, naming the object.</summary>
    public static void AssertValid(JsonObject manifest)
    {
        var errors = Validate(manifest);
        Assert.True(errors.Count == 0,
            $"{manifest["kind"]} {manifest["metadata"]?["namespace"]}/{manifest["metadata"]?["name"]} is not valid:\n  " + string.Join("\n  ", errors));
    }

    private static IEnumerable<string> Describe(ICollection<ValidationError> errors, string prefix) =>
        errors.SelectMany(e => Describe(e, prefix));

    private static IEnumerable<string> Describe(ValidationError error, string prefix)
    {
        var path = (error.Path ?? "#").TrimStart('#').TrimStart('/');
        var where = string.Join(".", new[] { prefix, path }.Where(p => p.Length > 0));
        yield return $"{(where.Length == 0 ? "(root)" : where)}: {error.Kind}";
        if (error is ChildSchemaValidationError child)
        {
            foreach (var nested in child.Errors.SelectMany(kv => kv.Value))
            {
                foreach (var line in Describe(nested, prefix))
                {
                    yield return "  " + line;
                }
            }
        }
    }

    /// <summary>Format rules the API server applies beyond the schema.</summary>
    private static IEnumerable<string> ApiServerFormats(string kind, JsonObject metadata)
    {
        var name = metadata["name"]?.GetValue<string>() ?? "";
        // Namespaces and Services need a DNS-1123 label; every other kind here a DNS-1123 subdomain.
        var label = kind is "Namespace" or "Service";
        if (label ? !(DnsLabel().IsMatch(name) && name.Length <= 63) : !(DnsSubdomain().IsMatch(name) && name.Length <= 253))
        {
            yield return $"metadata.name: `{name}` is not a DNS-1123 {(label ? "label" : "subdomain")}";
        }

        if (metadata["namespace"]?.GetValue<string>() is { } ns && !(DnsLabel().IsMatch(ns) && ns.Length <= 63))
        {
            yield return $"metadata.namespace: `{ns}` is not a DNS-1123 label";
        }

        foreach (var (key, value) in metadata["labels"] as JsonObject ?? [])
        {
            if (!QualifiedName(key))
            {
                yield return $"metadata.labels: key `{key}` is not a qualified name";
            }

            var text = value?.GetValue<string>() ?? "";
            if (text.Length > 63 || !LabelValue().IsMatch(text))
            {
                yield return $"metadata.labels.{key}: value `{text}` is not a valid label value";
            }
        }

        foreach (var (key, _) in metadata["annotations"] as JsonObject ?? [])
        {
            if (!QualifiedName(key))
            {
                yield return $"metadata.annotations: key `{key}` is not a qualified name";
            }
        }
    }

    private static bool QualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var prefix = slash < 0 ? null : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name)
            && (prefix is null || (prefix.Length <= 253 && DnsSubdomain().IsMatch(prefix)));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigMapKey();

    private static JsonSchema CompileFor(string apiVersion, string kind)
    {
        if (HandKeptSchemas.ByKind.TryGetValue((apiVersion, kind), out var handKept))
        {
            return Compile(JsonNode.Parse(handKept)!.AsObject());
        }

        if (CrdSchemas.Value.TryGetValue((apiVersion, kind), out var crd))
        {
            var schema = crd.DeepClone().AsObject();
            // The API server always accepts the type and object metadata of a custom resource, declared or not
            // (Istio's schemas declare only spec and status); metadata is checked against ObjectMeta separately.
            var properties = schema["properties"]?.AsObject() ?? throw new InvalidOperationException($"{apiVersion} {kind}: schema without properties");
            foreach (var (field, type) in new[] { ("apiVersion", "string"), ("kind", "string"), ("metadata", "object") })
            {
                if (!properties.ContainsKey(field))
                {
                    properties[field] = new JsonObject { ["type"] = type };
                }
            }

            return Compile(schema);
        }

        return Compile(OpenApi.Value.Document(OpenApi.Value.ByGvk[(apiVersion, kind)]));
    }

    private static JsonSchema Compile(JsonObject schema)
    {
        StrictSchema.Apply(schema);
        var json = schema.ToJsonString();
        return Task.Run(() => JsonSchema.FromJsonAsync(json)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Upstream files kept in the repository (<c>Schemas/Pinned</c>, copied beside the test binaries) because
    /// <c>shared/schemas</c> lacks them; see the README there. A file of the same name in the schema folder wins.
    /// </summary>
    public static string PinnedDirectory => Path.Combine(AppContext.BaseDirectory, "Schemas", "Pinned");

    /// <summary>Environment variable that names the schema folder explicitly (optional).</summary>
    public const string RootVariable = "SECURE_SERVING_SCHEMAS";

    /// <summary>
    /// <c>$SECURE_SERVING_SCHEMAS</c> if set; else the first <c>shared/schemas</c> found walking up from the test's
    /// base directory, then from this source file's folder (the build may put binaries outside the repository, e.g.
    /// <c>--artifacts-path /tmp/...</c>). From the repository root that is <c>../shared/schemas</c>.
    /// </summary>
    private static string FindRoot() => FindRoot(SourceDirectory());

    private static string FindRoot(string sourceDirectory)
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{RootVariable} is `{configured}`, which is not a folder.");
        }

        var starts = new[] { AppContext.BaseDirectory, sourceDirectory };
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "schemas");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"Upstream schemas not found: no folder `shared/schemas` above {string.Join(" or ", starts)}. " +
            $"The schema tests need the upstream CRD and OpenAPI files at ../shared/schemas from the repository root (or set {RootVariable}).");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";

    private static IReadOnlyDictionary<(string, string), JsonObject> LoadCrds()
    {
        var schemas = new Dictionary<(string, string), JsonObject>();
        var files = Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var document in files.AsParallel().AsOrdered().SelectMany(YamlToJson.Documents))
        {
            if (document is not JsonObject crd || crd["kind"]?.GetValue<string>() != "CustomResourceDefinition")
            {
                continue;
            }

            var group = crd["spec"]!["group"]!.GetValue<string>();
            var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
            foreach (var version in crd["spec"]!["versions"]!.AsArray().OfType<JsonObject>())
            {
                if (version["served"]?.GetValue<bool>() == true && version["schema"]?["openAPIV3Schema"] is JsonObject schema)
                {
                    schemas[($"{group}/{version["name"]!.GetValue<string>()}", kind)] = schema;
                }
            }
        }

        return schemas;
    }

    private static OpenApiIndex LoadOpenApi()
    {
        var definitions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var byGvk = new Dictionary<(string, string), string>();
        var shared = Directory.EnumerateFiles(Path.Combine(Root, "kubernetes"), "*.json").Order(StringComparer.Ordinal).ToList();
        var sharedNames = shared.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var pinned = Directory.EnumerateFiles(PinnedDirectory, "*.json").Where(f => !sharedNames.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal);
        foreach (var file in shared.Concat(pinned))
        {
            var doc = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var (name, schema) in doc["components"]!["schemas"]!.AsObject())
            {
                definitions[name] = schema!.AsObject();
                foreach (var gvk in schema["x-kubernetes-group-version-kind"] as JsonArray ?? [])
                {
                    var group = gvk!["group"]!.GetValue<string>();
                    var version = gvk["version"]!.GetValue<string>();
                    byGvk[(group.Length == 0 ? version : $"{group}/{version}", gvk["kind"]!.GetValue<string>())] = name;
                }
            }
        }

        return new OpenApiIndex(definitions, byGvk);
    }

    /// <summary>The Kubernetes OpenAPI definitions and which one each apiVersion/kind uses.</summary>
    private sealed record OpenApiIndex(IReadOnlyDictionary<string, JsonObject> Definitions, IReadOnlyDictionary<(string, string), string> ByGvk)
    {
        /// <summary>
        /// A standalone schema for <paramref name="root"/>: the definition itself at the root plus every definition it
        /// reaches, under <c>definitions</c> (references rewritten from <c>#/components/schemas/</c>).
        /// </summary>
        public JsonObject Document(string root)
        {
            var reached = new SortedSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([root]);
            while (pending.TryPop(out var name))
            {
                if (reached.Add(name))
                {
                    foreach (var reference in References(Definitions[name]))
                    {
                        pending.Push(reference);
                    }
                }
            }

            var document = Rewrite(Definitions[root]);
            document["definitions"] = new JsonObject(reached.Select(n => KeyValuePair.Create(n, (JsonNode?)Rewrite(Definitions[n]))));
            return document;
        }

        private static IEnumerable<string> References(JsonNode? node) => node switch
        {
            JsonObject obj => obj.SelectMany(kv =>
                kv.Key == "$ref" && kv.Value?.GetValue<string>() is { } r && r.StartsWith(ComponentsPrefix, StringComparison.Ordinal)
                    ? [r[ComponentsPrefix.Length..]]
                    : References(kv.Value)),
            JsonArray array => array.SelectMany(References),
            _ => [],
        };

        private static JsonObject Rewrite(JsonObject definition)
        {
            var copy = definition.DeepClone().AsObject();
            RewriteRefs(copy);
            return copy;
        }

        private static void RewriteRefs(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$ref"]?.GetValue<string>() is { } r && r.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/definitions/" + r[ComponentsPrefix.Length..];
                    }

                    foreach (var (_, child) in obj.ToList())
                    {
                        RewriteRefs(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        RewriteRefs(child);
                    }

                    break;
            }
        }
    }
}
