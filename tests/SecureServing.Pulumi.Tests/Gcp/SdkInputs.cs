using System.Reflection;
using Pulumi;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>
/// The inputs of the Pulumi SDK resources the GCP plan renders, read by reflection from the SDK assemblies this
/// project restores (Pulumi.Gcp, Pulumi.Random): a resource class is found by the type token of its
/// <c>[ResourceType("…")]</c> attribute (Pulumi.Gcp derives its own), its inputs are the members of its <c>…Args</c> class (the constructor's
/// second parameter) carrying Pulumi's <c>[Input("name", required)]</c> attribute, and a nested block's inputs are
/// those of the <c>…Args</c> class the member holds. Nothing here is copied from the SDK, so a version bump changes
/// what the checks compare with.
/// </summary>
internal static class SdkInputs
{
    /// <summary>What an input holds: a plain value (string, number, bool, list of them), a map whose keys are data,
    /// one nested block, or a list of nested blocks (<see cref="Input.Block"/> is the block's args type).</summary>
    public enum Shape { Value, Map, Block, Blocks }

    public sealed record Input(string Name, bool Required, Shape Shape, Type? Block);

    private static readonly Assembly[] Sdks = [typeof(global::Pulumi.Gcp.Provider).Assembly, typeof(global::Pulumi.Random.Provider).Assembly];

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> ResourcesByToken = new(FindResources);

    private static readonly Dictionary<Type, IReadOnlyDictionary<string, Input>> InputsByArgs = [];

    /// <summary>The <c>…Args</c> class of the SDK resource registered as <paramref name="token"/>, or null if the SDKs have no such resource.</summary>
    public static Type? ArgsOf(string token) =>
        ResourcesByToken.Value.TryGetValue(token, out var resource)
            ? resource.GetConstructors().Select(c => c.GetParameters()).Single(p => p.Length == 3 && p[0].ParameterType == typeof(string)
                && typeof(ResourceArgs).IsAssignableFrom(p[1].ParameterType))[1].ParameterType
            : null;

    /// <summary>The input that holds a resource's labels (<c>labels</c>, or <c>resourceLabels</c> on a cluster), or null if it takes none.</summary>
    public static string? LabelsInput(string token) =>
        ArgsOf(token) is { } args ? new[] { "labels", "resourceLabels" }.FirstOrDefault(Of(args).ContainsKey) : null;

    /// <summary>The inputs of an args class (a resource's or a nested block's), by input name.</summary>
    public static IReadOnlyDictionary<string, Input> Of(Type args)
    {
        lock (InputsByArgs)
        {
            if (!InputsByArgs.TryGetValue(args, out var inputs))
            {
                inputs = Read(args);
                InputsByArgs[args] = inputs;
            }

            return inputs;
        }
    }

    private static IReadOnlyDictionary<string, Input> Read(Type args)
    {
        var inputs = new Dictionary<string, Input>(StringComparer.Ordinal);
        for (var type = args; type is not null && type != typeof(ResourceArgs); type = type.BaseType)
        {
            const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetFields(Declared).Cast<MemberInfo>().Concat(type.GetProperties(Declared)))
            {
                if (member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(InputAttribute)) is not { } attribute)
                {
                    continue;
                }

                var name = (string)attribute.ConstructorArguments[0].Value!;
                var required = attribute.ConstructorArguments.Count > 1 && attribute.ConstructorArguments[1].Value is true;
                var (shape, block) = ShapeOf(member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType);
                inputs.Add(name, new Input(name, required, shape, block));
            }
        }

        return inputs;
    }

    /// <summary><c>Input&lt;XArgs&gt;</c> is a block, <c>InputList&lt;XArgs&gt;</c> a list of blocks, <c>InputMap&lt;T&gt;</c> a map, anything else a value.</summary>
    private static (Shape, Type?) ShapeOf(Type type)
    {
        if (!type.IsGenericType)
        {
            return (Shape.Value, null);
        }

        var definition = type.GetGenericTypeDefinition();
        var item = type.GetGenericArguments()[0];
        var isArgs = typeof(ResourceArgs).IsAssignableFrom(item);
        return definition == typeof(InputMap<>) ? (Shape.Map, null)
            : definition == typeof(Input<>) && isArgs ? (Shape.Block, item)
            : definition == typeof(InputList<>) && isArgs ? (Shape.Blocks, item)
            : (Shape.Value, null);
    }

    private static IReadOnlyDictionary<string, Type> FindResources()
    {
        var byToken = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in Sdks.SelectMany(a => a.GetExportedTypes()).Where(t => t.IsSubclassOf(typeof(CustomResource))))
        {
            if (type.GetCustomAttribute<ResourceTypeAttribute>() is { } attribute)
            {
                byToken[attribute.Type] = type;
            }
        }

        return byToken;
    }
}
