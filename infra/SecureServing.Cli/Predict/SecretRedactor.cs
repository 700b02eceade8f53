namespace SecureServing.Cli.Predict;

/// <summary>
/// Replaces a credential's secrets in any text before it is written, so a token never reaches the terminal, even
/// when a misconfigured service echoes request headers back in its response.
/// </summary>
internal sealed class SecretRedactor(IEnumerable<string> secrets)
{
    public const string Placeholder = "[redacted]";

    private readonly string[] secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public static SecretRedactor Nothing { get; } = new([]);

    public string Redact(string text) =>
        secrets.Aggregate(text, (current, secret) => current.Replace(secret, Placeholder, StringComparison.Ordinal));
}
