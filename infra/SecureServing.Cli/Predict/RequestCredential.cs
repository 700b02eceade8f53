namespace SecureServing.Cli.Predict;

/// <summary>
/// The credential attached to one request, and what the failure messages may say about it: where it came from,
/// for which audience, for which identity. The secret itself is only ever put on the request; <see cref="ToString"/>
/// and every description leave it out, and <see cref="Secret"/> exists so output can be redacted.
/// </summary>
internal sealed class RequestCredential
{
    private readonly string? headerName;
    private readonly string? headerValue;

    private RequestCredential(AuthMode mode, string source, string? audience, string? identity, string? headerName, string? headerValue, string? secret)
    {
        Mode = mode;
        Source = source;
        Audience = audience;
        Identity = identity;
        this.headerName = headerName;
        this.headerValue = headerValue;
        Secret = secret;
    }

    public static RequestCredential None { get; } = new(AuthMode.None, "no credential (--auth none)", null, null, null, null, null);

    public AuthMode Mode { get; }

    /// <summary>Where the credential came from, e.g. "service-account key file key.json (sa@p.iam.gserviceaccount.com)".</summary>
    public string Source { get; }

    /// <summary>The audience an IAP identity token was minted for.</summary>
    public string? Audience { get; }

    /// <summary>The IAM member the credential stands for, when known (e.g. <c>serviceAccount:sa@p.iam.gserviceaccount.com</c>).</summary>
    public string? Identity { get; }

    /// <summary>The secret value, for redaction only.</summary>
    public string? Secret { get; }

    /// <summary>What is sent, with the secret replaced, e.g. <c>Authorization: Bearer [redacted]</c>.</summary>
    public string HeaderDescription => headerName switch
    {
        null => "no auth header",
        "Cookie" => $"Cookie: {DexCredentialSource.CookieName}=[redacted]",
        _ => $"{headerName}: Bearer [redacted]",
    };

    public static RequestCredential Bearer(AuthMode mode, string token, string source, string? audience = null, string? identity = null) =>
        new(mode, source, audience, identity, "Authorization", "Bearer " + token, token);

    public static RequestCredential SessionCookie(string value, string source) =>
        new(AuthMode.Dex, source, null, null, "Cookie", $"{DexCredentialSource.CookieName}={value}", value);

    public void ApplyTo(HttpRequestMessage request)
    {
        if (headerName is not null)
        {
            request.Headers.TryAddWithoutValidation(headerName, headerValue);
        }
    }

    public override string ToString() => $"{Mode}: {Source}; {HeaderDescription}";
}
