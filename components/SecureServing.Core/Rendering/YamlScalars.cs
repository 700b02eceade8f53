using System.Text.RegularExpressions;

namespace SecureServing.Core.Rendering;

/// <summary>
/// Decides how a string is written in YAML so every reader keeps it the same string. kubectl, kustomize and Helm
/// read YAML 1.1 (go-yaml), where <c>yes</c>, <c>on</c>, <c>0o17</c>, <c>1_000</c> or <c>12:30</c> are not strings;
/// a port written <c>"8443"</c> or a version <c>"1.30"</c> must stay a string too. The rule is deliberately broad:
/// anything a YAML 1.1 or 1.2 resolver could read as null, bool, number or timestamp is quoted.
/// </summary>
internal static partial class YamlScalars
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off",
        ".inf", "+.inf", "-.inf", ".nan", "<<", "=",
    };

    /// <summary>True when a plain (unquoted) scalar with this text could be read back as something other than this string.</summary>
    public static bool LooksLikeNonString(string value)
    {
        if (value.Length == 0 || Keywords.Contains(value))
        {
            return true;
        }

        // Numbers in every notation (1, -1, +1, .5, 1e3, 0x1F, 0o17, 0b101, 1_000, 1:30 sexagesimal) and
        // timestamps (2026-03-19) all start with a digit, or with a sign or dot followed by a digit or dot;
        // YAML 1.1's float pattern even matches a lone ".".
        var first = value[0];
        if (char.IsAsciiDigit(first) || value == ".")
        {
            return true;
        }

        if (value.Length > 1 && first is '+' or '-' or '.' && (char.IsAsciiDigit(value[1]) || value[1] == '.'))
        {
            return true;
        }

        // YAML 1.1's float pattern needs no digit at all when an exponent follows the dot: ".E+7", "-.e-1".
        return DotExponent().IsMatch(value);
    }

    [GeneratedRegex(@"\A[-+]?\.[eE][-+]?[0-9]+\z")]
    private static partial Regex DotExponent();

    /// <summary>
    /// True when the text is safe to write unquoted in a block mapping for every YAML reader: a conservative
    /// whitelist (names, paths, hosts, e-mail members, <c>${resource.output}</c> references) rather than YAML's full
    /// plain-scalar grammar, where readers disagree on corner cases such as <c>a *b</c> or <c>a,}</c> in keys.
    /// </summary>
    public static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || LooksLikeNonString(value) || !IsSafeFirst(value[0]) || value[^1] is ' ' or ':'
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsSafeChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeFirst(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '/' or '$' or '.';

    private static bool IsSafeChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or '+' or '=' or ':' or '@' or '$' or '{' or '}'
            or '(' or ')' or '~' or ' ' or '#';

    /// <summary>
    /// True for text that reads best as a literal block (<c>|</c> or <c>|-</c>): several lines that start with
    /// visible text, end with at most one newline, and hold no control character, tab or blank at a line end that
    /// an editor's <c>trim_trailing_whitespace</c> could silently change. Anything else is double-quoted.
    /// </summary>
    public static bool SuitsLiteralBlock(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || char.IsWhiteSpace(value[0])
            || value.EndsWith(' ') || value.EndsWith("\n\n", StringComparison.Ordinal)
            || value.Contains(" \n", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c != '\n' && (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF'))
            {
                return false;
            }
        }

        return true;
    }
}
