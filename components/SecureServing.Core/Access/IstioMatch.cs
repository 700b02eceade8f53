namespace SecureServing.Core.Access;

/// <summary>
/// Istio's string matching in AuthorizationPolicy fields and conditions: exact, prefix (<c>abc*</c>), suffix
/// (<c>*abc</c>) and presence (<c>*</c>, any non-empty value). An absent value (no mTLS, no token) matches no pattern,
/// so <c>not*</c> fields match it.
/// </summary>
internal static class IstioMatch
{
    public static bool Matches(string pattern, string? value, bool ignoreCase = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith('*'))
        {
            return value.EndsWith(pattern[1..], comparison);
        }

        return pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], comparison) : string.Equals(pattern, value, comparison);
    }

    public static bool Any(IEnumerable<string> patterns, string? value, bool ignoreCase = false) => patterns.Any(p => Matches(p, value, ignoreCase));

    /// <summary>True when any of <paramref name="values"/> matches any pattern.</summary>
    public static bool AnyOf(IEnumerable<string> patterns, IReadOnlyList<string> values, bool ignoreCase = false) =>
        values.Any(v => Any(patterns, v, ignoreCase));
}
