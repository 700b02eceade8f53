using System.Globalization;
using System.Text;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// The config-key tables of docs/configuration.md, sections "Stack file reference" and "Team files", generated from the config contract: one table per map, in the order
/// the keys are declared, with type, default and what each key does.
/// </summary>
public static class ConfigReference
{
    /// <summary>The tables for the stack file's <c>config:</c> keys.</summary>
    public static string StackFile() => Tables(StackFileContract.Settings, "");

    /// <summary>The tables for a team file.</summary>
    public static string TeamFile() => Tables(TeamFileContract.File, "");

    private static string Tables(MapKey map, string path)
    {
        var text = new StringBuilder();
        var nested = new List<(MapKey Map, string Path)>();
        text.Append("| Key | Type | Default | Notes |\n|---|---|---|---|\n");
        var passThrough = map.Keys.OfType<PassThroughKey>().ToList();
        foreach (var key in map.Keys)
        {
            if (key is PassThroughKey)
            {
                if (key == passThrough[0])
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {string.Join(", ", passThrough.Select(k => $"`{k.Name}`"))} | any | — | {Cell(key.Description)} |\n");
                }

                continue;
            }

            var child = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            if (Nested(key) is { } inner)
            {
                nested.Add((inner, key is MapListKey ? $"{child}[]" : child));
            }

            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(Type(key))} | {Cell(Default(key))} | {Cell(key.Description)} |\n");
        }

        foreach (var (inner, innerPath) in nested)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n`{innerPath}`: {inner.Description}\n\n");
            text.Append(Tables(inner, innerPath));
        }

        return text.ToString();
    }

    private static MapKey? Nested(ConfigKey key) => key switch
    {
        MapKey m => m,
        MapListKey l => l.Item,
        ChoiceOrMapKey c => c.Map,
        _ => null,
    };

    private static string Type(ConfigKey key) => key switch
    {
        TextKey t => t.TypeName,
        BoolKey => "bool",
        CountKey { Maximum: { } max } c => $"integer {c.Minimum ?? 0}-{max}",
        CountKey { Minimum: { } min } => $"integer ≥ {min}",
        CountKey => "integer",
        ChoiceKey c => string.Join(" | ", c.Spellings.Select(s => $"`{s}`")),
        TextListKey l => $"list of {l.ItemTypeName}",
        SecretKey => "Pulumi secret",
        MapKey => "map (below)",
        MapListKey => "list of maps (below)",
        ChoiceOrMapKey c => string.Join(" | ", c.Spellings.Select(s => $"`{s}`")) + " | map (below)",
        _ => "any",
    };

    private static string Default(ConfigKey key) => key switch
    {
        _ when key.Required => "required",
        _ when key.DerivedDefault is not null => key.DerivedDefault,
        TextKey { Default: { } d } => $"`{d}`",
        BoolKey b => b.Default ? "`true`" : "`false`",
        CountKey c => $"`{c.Default}`",
        ChoiceKey { DefaultSpelling: { } d } => $"`{d}`",
        ChoiceOrMapKey c => $"`{c.DefaultSpelling}`",
        TextListKey { Default: { } list } => string.Join(", ", list.Select(v => $"`{v}`")),
        TextListKey or MapListKey { DefaultText: null } => "empty",
        MapListKey l => l.DefaultText!,
        _ => "—",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
