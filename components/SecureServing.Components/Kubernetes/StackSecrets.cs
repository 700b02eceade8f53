using System.Text.Json;
using Pulumi;
using SecureServing.Core.Config;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Reads a <see cref="SecretRef"/> (config key + path inside its structured value) from the stack configuration as a
/// Pulumi secret output. The plaintext exists only inside Pulumi's secret outputs: it is never logged, and errors name
/// the key and path, never the value.
/// </summary>
public static class StackSecrets
{
    /// <summary>
    /// <c>secure-serving:iap</c> + <c>oauthClient.clientSecret</c> reads <c>Config("secure-serving").RequireSecretObject("iap")</c>
    /// and walks the path; an empty path reads the key itself (<c>RequireSecret</c>).
    /// </summary>
    public static Output<string> Require(SecretRef secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var separator = secret.ConfigKey.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == secret.ConfigKey.Length - 1)
        {
            throw new ArgumentException($"Config key '{secret.ConfigKey}' must look like 'namespace:key'.", nameof(secret));
        }

        var config = new Pulumi.Config(secret.ConfigKey[..separator]);
        var key = secret.ConfigKey[(separator + 1)..];
        if (string.IsNullOrEmpty(secret.Path))
        {
            return config.RequireSecret(key);
        }

        return config.RequireSecretObject<JsonElement>(key).Apply(root => Walk(root, secret));
    }

    private static string Walk(JsonElement root, SecretRef secret)
    {
        var current = root;
        foreach (var segment in secret.Path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new InvalidOperationException($"Stack config '{secret.ConfigKey}' has no value at '{secret.Path}'. Set it with `pulumi config set --secret --path '{secret.ConfigKey}.{secret.Path}'`.");
            }
        }

        return current.ValueKind == JsonValueKind.String
            ? current.GetString()!
            : throw new InvalidOperationException($"Stack config '{secret.ConfigKey}' at '{secret.Path}' must be a text secret.");
    }
}
