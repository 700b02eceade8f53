namespace SecureServing.Cli.Predict;

/// <summary>
/// The Dex credential for <c>--auth dex</c> (a bearer token, validated as in Istio "RequestAuthentication", https://istio.io/latest/docs/reference/config/security/request_authentication/;
/// or the cookie of Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/), first found of:
/// <c>--token-file</c> (a bearer token), <c>SECURE_SERVING_DEX_TOKEN</c> (a bearer token),
/// <c>SECURE_SERVING_DEX_COOKIE</c> (the <c>authservice_session</c> cookie from the browser).
/// Never a command-line value: those end up in shell history and process listings.
/// </summary>
internal static class DexCredentialSource
{
    public const string TokenVariable = "SECURE_SERVING_DEX_TOKEN";
    public const string CookieVariable = "SECURE_SERVING_DEX_COOKIE";
    public const string CookieName = "authservice_session";

    /// <param name="mode">How the mode was chosen, for the message when no credential exists (e.g. "--auth dex").</param>
    public static RequestCredential Acquire(FileInfo? tokenFile, Func<string, string?> environment, TextWriter warnings, string mode = "--auth dex")
    {
        if (tokenFile is not null)
        {
            var token = StripPrefix(ReadTokenFile(tokenFile, warnings), "Bearer ");
            Check(token, $"--token-file {tokenFile.FullName}");
            return RequestCredential.Bearer(AuthMode.Dex, token, $"Dex token from --token-file {tokenFile.FullName}");
        }

        var fromEnv = environment(TokenVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            var token = StripPrefix(fromEnv.Trim(), "Bearer ");
            Check(token, TokenVariable);
            return RequestCredential.Bearer(AuthMode.Dex, token, $"Dex token from {TokenVariable}");
        }

        var cookie = environment(CookieVariable);
        if (!string.IsNullOrWhiteSpace(cookie))
        {
            var value = StripPrefix(cookie.Trim(), CookieName + "=");
            Check(value, CookieVariable);
            return RequestCredential.SessionCookie(value, $"{CookieName} cookie from {CookieVariable}");
        }

        throw new CredentialException(
            $"{mode} needs a Dex credential and none was found. Provide one of: --token-file <file> (a bearer token), " +
            $"the environment variable {TokenVariable} (a bearer token), or {CookieVariable} (the value of the " +
            $"{CookieName} cookie of the dashboard site, from the browser's developer tools; see docs/calling-models.md, section \"Authentication\"). " +
            "Tokens are never accepted as command-line values.");
    }

    private static string ReadTokenFile(FileInfo file, TextWriter warnings)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CredentialException($"--token-file {file.FullName} cannot be read: {ex.Message}");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(file.FullName);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                warnings.WriteLine($"warning: --token-file {file.FullName} is readable by other users; `chmod 600` it.");
            }
        }

        return text;
    }

    private static string StripPrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..].Trim() : value;

    private static void Check(string value, string source)
    {
        if (value.Length == 0)
        {
            throw new CredentialException($"{source} is empty.");
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ';'))
        {
            throw new CredentialException(
                $"{source} contains whitespace, control characters or ';' and cannot be sent in a header; " +
                "it must hold only the token (or cookie value) itself.");
        }
    }
}
