using System.Globalization;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// How the loader reads a scalar as a boolean, a count or nothing. These match YAML 1.2's core schema (what editors
/// and the yaml-language-server use), so the generated JSON Schema describes the same values the loader accepts.
/// </summary>
public static class Scalars
{
    /// <summary>Plain scalars that mean "no value" (the key then counts as absent).</summary>
    public static readonly IReadOnlyList<string> NullSpellings = ["", "~", "null", "Null", "NULL"];

    /// <summary>Booleans, quoted or not. <c>yes</c>, <c>on</c> and other YAML 1.1 spellings are refused.</summary>
    public static readonly IReadOnlyDictionary<string, bool> BoolSpellings = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["true"] = true, ["True"] = true, ["TRUE"] = true,
        ["false"] = false, ["False"] = false, ["FALSE"] = false,
    };

    public static bool TryBool(string? text, out bool value) => BoolSpellings.TryGetValue(text ?? "", out value);

    /// <summary>A count: decimal digits only (no sign, no spaces), at most <see cref="int.MaxValue"/>; quoted or not.</summary>
    public static bool TryCount(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// An ECMA-262 pattern for the decimal numbers 0..<paramref name="max"/> (leading zeros allowed), for a count
    /// written as a quoted string.
    /// </summary>
    public static string DigitsUpTo(long max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var digits = max.ToString(CultureInfo.InvariantCulture);
        var alternatives = new List<string>();
        if (digits.Length > 1)
        {
            alternatives.Add($"[0-9]{{1,{digits.Length - 1}}}");
        }

        // Same length as max: a common prefix, one smaller digit, then anything.
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            var last = i == digits.Length - 1;
            if (last)
            {
                alternatives.Add($"{digits[..i]}[0-{d}]");
            }
            else if (d > (i == 0 ? 1 : 0))
            {
                var low = i == 0 ? 1 : 0;
                alternatives.Add($"{digits[..i]}[{low}-{d - 1}][0-9]{{{digits.Length - i - 1}}}");
            }
        }

        return $"^0*(?:{string.Join('|', alternatives)})$";
    }
}
