using Pulumi;

namespace SecureServing.Components.Kubernetes;

/// <summary>Which args a manifest field must be present for (<see cref="CreateAndPatchMapping{TCreate, TPatch}"/>).</summary>
[Flags]
internal enum RequiredOn
{
    None = 0,
    Create = 1,
    Patch = 2,
    Both = Create | Patch,
}

/// <summary>
/// How one manifest object maps onto the SDK's create args and its patch args (<c>ObjectMetaArgs</c> and
/// <c>ObjectMetaPatchArgs</c>, <c>ServiceSpecArgs</c> and <c>ServiceSpecPatchArgs</c>, ...), described once: each field is
/// named and read once, in the order given, and written through one setter per args type. The SDK generates the two
/// as unrelated types (both derive only from <c>ResourceArgs</c>, no shared interface), so the setter pair is all that
/// differs between them. A field absent from the manifest is left unset; a nested object or list maps through its own
/// description. Every object is read through <see cref="ManifestFields"/>, so a field not described fails the run.
/// The GCP side's plain counterpart (one source, two args types, no required fields) is <c>TwinArgs</c> (Components/Gcp).
/// </summary>
internal sealed class CreateAndPatchMapping<TCreate, TPatch>
    where TCreate : new()
    where TPatch : new()
{
    private readonly List<Field> _fields = [];

    private enum Side { Create, Patch }

    private sealed record Field(
        Func<ManifestFields, Side, object?> Read,
        Action<TCreate, object> SetCreate,
        Action<TPatch, object> SetPatch,
        RequiredOn Required,
        string? Missing);

    public CreateAndPatchMapping<TCreate, TPatch> String(string key, Action<TCreate, Input<string>> create, Action<TPatch, Input<string>> patch) =>
        Add((fields, _) => fields.String(key), create, patch);

    public CreateAndPatchMapping<TCreate, TPatch> Int(string key, Action<TCreate, int> create, Action<TPatch, int> patch, RequiredOn required = RequiredOn.None, string? missing = null) =>
        Add((fields, _) => fields.Int(key), create, patch, required, missing);

    public CreateAndPatchMapping<TCreate, TPatch> IntOrString(string key, Action<TCreate, InputUnion<int, string>> create, Action<TPatch, InputUnion<int, string>> patch) =>
        Add((fields, _) => fields.IntOrString(key), create, patch);

    public CreateAndPatchMapping<TCreate, TPatch> StringMap(string key, Action<TCreate, InputMap<string>> create, Action<TPatch, InputMap<string>> patch) =>
        Add((fields, _) => fields.StringMap(key), create, patch);

    /// <summary>A nested object, mapped by <paramref name="mapping"/> onto its create or patch args.</summary>
    public CreateAndPatchMapping<TCreate, TPatch> Object<TChild, TChildPatch>(
        string key, CreateAndPatchMapping<TChild, TChildPatch> mapping, Action<TCreate, TChild> create, Action<TPatch, TChildPatch> patch,
        RequiredOn required = RequiredOn.None, string? missing = null)
        where TChild : new()
        where TChildPatch : new() =>
        Add((fields, side) => side == Side.Create
                ? fields.Object(key, typeof(TChild).Name) is { } child ? mapping.Create(child) : null
                : fields.Object(key, typeof(TChildPatch).Name) is { } patchChild ? mapping.Patch(patchChild) : null,
            create, patch, required, missing);

    /// <summary>A list of objects, each mapped by <paramref name="mapping"/>.</summary>
    public CreateAndPatchMapping<TCreate, TPatch> Objects<TChild, TChildPatch>(
        string key, CreateAndPatchMapping<TChild, TChildPatch> mapping, Action<TCreate, List<TChild>> create, Action<TPatch, List<TChildPatch>> patch)
        where TChild : new()
        where TChildPatch : new() =>
        Add((fields, side) => side == Side.Create
                ? fields.Objects(key, typeof(TChild).Name)?.Select(mapping.Create).ToList()
                : fields.Objects(key, typeof(TChildPatch).Name)?.Select(mapping.Patch).ToList(),
            create, patch);

    /// <summary>The create args of <paramref name="fields"/>; throws for a field no description maps.</summary>
    public TCreate Create(ManifestFields fields) => Map(fields, new TCreate(), Side.Create, (field, args, value) => field.SetCreate(args, value));

    /// <summary>The patch args of <paramref name="fields"/>; throws for a field no description maps.</summary>
    public TPatch Patch(ManifestFields fields) => Map(fields, new TPatch(), Side.Patch, (field, args, value) => field.SetPatch(args, value));

    private T Map<T>(ManifestFields fields, T args, Side side, Action<Field, T, object> set)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var required = side == Side.Create ? RequiredOn.Create : RequiredOn.Patch;
        foreach (var field in _fields)
        {
            if (field.Read(fields, side) is { } value)
            {
                set(field, args, value);
            }
            else if (field.Required.HasFlag(required))
            {
                throw new UnmappedManifestFieldException(field.Missing!);
            }
        }

        fields.EnsureAllMapped();
        return args;
    }

    private CreateAndPatchMapping<TCreate, TPatch> Add<TValue, TPatchValue>(
        Func<ManifestFields, Side, object?> read, Action<TCreate, TValue> create, Action<TPatch, TPatchValue> patch,
        RequiredOn required = RequiredOn.None, string? missing = null)
    {
        if (required != RequiredOn.None && missing is null)
        {
            throw new ArgumentException("A required field needs the message that says it is missing.", nameof(missing));
        }

        _fields.Add(new Field(read, (args, value) => create(args, (TValue)value), (args, value) => patch(args, (TPatchValue)value), required, missing));
        return this;
    }
}
