using System.Collections;
using System.Reflection;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// Every one-value change of a configuration, each with the config key it changes: every settable property of the
/// records below <see cref="PlatformConfig"/> (the first item of each list of records, the first team and its first
/// model) is set to another value of its type (a flipped bool, each other enum value, a longer string, one more, a list
/// without its first item, or with one where it is empty). A concern whose output changes with a key reads that key. The key is found in the config
/// contract by name (<see cref="StackFileContract"/>, <see cref="TeamFileContract"/>); a property with no key of its own
/// (a derived setting, the parts of a key's value) counts as the deepest key above it, one with no key at all is skipped; a flat record over a
/// nested part of the file finds its key one map down.
/// </summary>
internal static class ConfigChanges
{
    public sealed record Change(string Key, PlatformConfig Config);

    /// <summary>Top-level properties whose key is not their name.</summary>
    private static readonly Dictionary<string, string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        [nameof(PlatformConfig.ProjectId)] = "gcp:project",
        [nameof(PlatformConfig.Region)] = "gcp:region",
        [nameof(PlatformConfig.IsProduction)] = StackFileContract.Protect.Name,
    };

    public static IEnumerable<Change> Of(PlatformConfig config) =>
        Walk(config, [], changed => (PlatformConfig)changed)
            .Select(c => KeyOf(c.Path) is { } key ? new Change(key, c.Config) : null)
            .OfType<Change>();

    private static IEnumerable<(IReadOnlyList<string> Path, PlatformConfig Config)> Walk(object node, IReadOnlyList<string> path, Func<object, PlatformConfig> replace)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(node);
            IReadOnlyList<string> at = [.. path, property.Name];
            PlatformConfig With(object? changed)
            {
                var clone = Clone(node);
                property.SetValue(clone, changed);
                return replace(clone);
            }

            foreach (var variant in Variants(property.PropertyType, value))
            {
                yield return (at, With(variant));
            }

            if (value is not null && IsRecord(value.GetType()) && value is not KmsKeyChoice)
            {
                foreach (var change in Walk(value, at, With))
                {
                    yield return change;
                }
            }
            else if (value is IList { Count: > 0 } list && ItemType(property.PropertyType) is { } item && IsRecord(item))
            {
                foreach (var change in Walk(list[0]!, [.. at, "[]"], first => With(WithFirst(list, item, first))))
                {
                    yield return change;
                }
            }
        }
    }

    private static IEnumerable<object?> Variants(Type type, object? value)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(bool))
        {
            yield return value is not true;
        }
        else if (plain.IsEnum)
        {
            foreach (var other in Enum.GetValues(plain).Cast<object>().Where(v => !v.Equals(value)))
            {
                yield return other;
            }
        }
        else if (plain == typeof(KmsKeyChoice))
        {
            // One value, not two fields: flipping only the mode would name an existing key without its name.
            foreach (var other in new[] { KmsKeyChoice.Create, KmsKeyChoice.None, KmsKeyChoice.Existing("x") }.Where(c => !c.Equals(value)))
            {
                yield return other;
            }
        }
        else if (plain == typeof(int))
        {
            yield return value is int i ? i + 1 : 1;
        }
        else if (plain == typeof(string))
        {
            yield return value is string s ? s + "x" : "x";
        }
        else if (ItemType(type) is { } scalar && (scalar == typeof(string) || scalar.IsEnum))
        {
            var items = ((IEnumerable?)value ?? Array.Empty<object>()).Cast<object>().ToList();
            var changed = Array.CreateInstance(scalar, items.Count == 0 ? 1 : items.Count - 1);
            if (items.Count == 0)
            {
                changed.SetValue(scalar == typeof(string) ? "x" : Enum.GetValues(scalar).GetValue(0), 0);
            }
            else
            {
                for (var i = 1; i < items.Count; i++)
                {
                    changed.SetValue(items[i], i - 1);
                }
            }

            yield return changed;
        }
        else if (ItemType(type) is { } item && IsRecord(item) && value is IList { Count: > 0 })
        {
            yield return Array.CreateInstance(item, 0);
        }
    }

    /// <summary>The contract key of a property path (<c>Cluster.NodePools.[].MachineType</c> is
    /// <c>secure-serving:cluster.nodePools[].machineType</c>; a team's keys are written <c>&lt;team&gt;.yaml: models[].format</c>).</summary>
    private static string? KeyOf(IReadOnlyList<string> path)
    {
        var teams = path[0] == nameof(PlatformConfig.Teams);
        var map = teams ? TeamFileContract.File : StackFileContract.Settings;
        var segments = path.Skip(teams ? 2 : 0).ToList();
        var key = "";
        var inList = false;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] == "[]")
            {
                continue;
            }

            string[] names = i == 0 && !teams
                ? [TopLevelKeys.GetValueOrDefault(segments[i]) ?? StackFileContract.Namespace + segments[i]]
                : [segments[i]];
            var found = map?.Keys.FirstOrDefault(k => names.Contains(k.Name, StringComparer.OrdinalIgnoreCase));
            var via = "";
            if (found is null && map is not null)
            {
                // A flat record over a nested part of the file (IngressPolicyConfig.IdentityType is from.identityType).
                foreach (var part in map.Keys.OfType<MapKey>())
                {
                    if (part.Keys.FirstOrDefault(k => names.Contains(k.Name, StringComparer.OrdinalIgnoreCase)) is { } inner)
                    {
                        (found, via) = (inner, part.Name + ".");
                        break;
                    }
                }
            }

            if (found is null)
            {
                break;
            }

            key = key.Length == 0 ? found.Name : $"{key}{(inList ? "[]" : "")}.{via}{found.Name}";
            inList = found is MapListKey;
            map = found switch
            {
                MapKey m => m,
                MapListKey l => l.Item,
                ChoiceOrMapKey c => c.Map,
                _ => null,
            };
        }

        return key.Length == 0 ? null : teams ? $"<team>.yaml: {key}" : key;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static object Clone(object record) => record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static Array WithFirst(IList list, Type item, object first)
    {
        var copy = Array.CreateInstance(item, list.Count);
        list.CopyTo(copy, 0);
        copy.SetValue(first, 0);
        return copy;
    }
}
