namespace SecureServing.Core.Validation;

/// <summary>How a finding weighs: a stack with an error does not pass <c>check</c> (and is not deployed); a warning is reported and does not stop it.</summary>
public enum Severity { Error, Warning }

/// <summary>
/// One problem in a stack's configuration. Every finding names the file and the key path
/// (e.g. <c>Pulumi.prod.yaml</c> + <c>secure-serving:network.masterCidr</c>), says why it matters and how to fix it.
/// Its key path, message and fix are redacted on the way in (<see cref="SecretShapes.Redact"/>), whoever creates or
/// copies it (<c>with</c> too), so no rule can print a refused value that looks secret; a quoted value longer than
/// <see cref="LongestWord"/> characters without a space is shortened, so a hostile value cannot flood the output.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string File,
    string KeyPath,
    string Message,
    string Fix)
{
    /// <summary>Longest run without whitespace a finding prints in full (addresses in the Why texts are shorter).</summary>
    public const int LongestWord = 160;

    private readonly string _keyPath = Clean(KeyPath);
    private readonly string _message = Clean(Message);
    private readonly string _fix = Clean(Fix);

    public string KeyPath { get => _keyPath; init => _keyPath = Clean(value); }

    public string Message { get => _message; init => _message = Clean(value); }

    public string Fix { get => _fix; init => _fix = Clean(value); }

    /// <summary>1-based line of the key in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Redacts first (a shortened secret would still show its start), then shortens long runs.</summary>
    private static string Clean(string text) => Shorten(SecretShapes.Redact(text));

    private static string Shorten(string text)
    {
        if (text.Length <= LongestWord)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(Math.Min(text.Length, 4096));
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var length = i - start;
            if (length > LongestWord)
            {
                result.Append(text, start, LongestWord / 2).Append("...(").Append(length).Append(" characters)");
            }
            else
            {
                result.Append(text, start, length);
            }

            if (i < text.Length)
            {
                result.Append(text[i]);
            }

            start = i + 1;
        }

        return result.ToString();
    }
}

/// <summary>
/// The result of loading, validating and guarding one stack. <see cref="Config"/> is null when the stack has any
/// error (loading failed or a guardrail refused it): nothing downstream may act on a refused configuration.
/// </summary>
public sealed record CheckReport(string Stack, Config.PlatformConfig? Config, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
