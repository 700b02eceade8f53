namespace SecureServing.Cli.Predict;

/// <summary>
/// Replaces a credential's secret in any text before it is written, so a token never reaches the terminal, even when
/// a misconfigured service echoes request headers back in its response.
/// </summary>
internal sealed class SecretRedactor(string? secret)
{
    public const string Placeholder = "[redacted]";

    public string Redact(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Placeholder, StringComparison.Ordinal);
}
