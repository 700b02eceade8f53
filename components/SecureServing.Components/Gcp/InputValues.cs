using Pulumi;

namespace SecureServing.Components.Gcp;

/// <summary>
/// Spec values as Pulumi inputs, with the plan's convention that null values and empty collections are inputs left
/// unset (never an explicit empty list, which a provider may treat differently from "not set").
/// </summary>
internal static class InputValues
{
    /// <summary>The list, or null (input unset) when empty.</summary>
    public static InputList<T> ListOrUnset<T>(IEnumerable<T> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null! : (InputList<T>)list;
    }

    /// <summary>The outputs as a list input, or null (input unset) when empty.</summary>
    public static InputList<string> ListOrUnset(IEnumerable<Output<string>> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null! : (InputList<string>)list;
    }

    /// <summary>The map, or null (input unset) when empty.</summary>
    public static InputMap<string> MapOrUnset(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return null!;
        }

        var map = new InputMap<string>();
        foreach (var (key, value) in values)
        {
            map.Add(key, value);
        }

        return map;
    }

    public static Input<string>? Optional(string? value) => value is null ? null : (Input<string>)value;

    public static Input<int>? Optional(int? value) => value is { } v ? v : null;

    public static Input<bool>? Optional(bool? value) => value is { } v ? v : null;
}
