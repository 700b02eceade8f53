namespace SecureServing.Cli.Predict;

/// <summary>
/// The credential attached to one request, and what failure messages may say about it: where it came from, for
/// which audience, for which identity. Secrets are only ever put on the request; <see cref="ToString"/> and every
/// description leave them out, and <see cref="Secrets"/> exists so that output can be redacted.
/// </summary>
internal sealed class RequestCredential
{
    private readonly IReadOnlyList<AuthHeader> headers;

    private RequestCredential(AuthMode mode, string source, string? audience, string? identity, IReadOnlyList<AuthHeader> headers)
    {
        Mode = mode;
        Source = source;
        Audience = audience;
        Identity = identity;
        this.headers = headers;
    }

    public static RequestCredential None { get; } = new(AuthMode.None, "no credential (--auth none)", null, null, []);

    public AuthMode Mode { get; }

    /// <summary>Where the credential came from, e.g. "service-account key file key.json (sa@p.iam.gserviceaccount.com)".</summary>
    public string Source { get; }

    /// <summary>The audience an IAP identity token was minted for.</summary>
    public string? Audience { get; }

    /// <summary>The IAM member the Google credential stands for, when known (e.g. <c>serviceAccount:sa@p.iam.gserviceaccount.com</c>).</summary>
    public string? Identity { get; }

    public bool UsesIap => Mode is AuthMode.Iap or AuthMode.IapDex;

    public bool UsesDex => Mode is AuthMode.Dex or AuthMode.IapDex;

    /// <summary>The secret values, for redaction only.</summary>
    public IReadOnlyList<string> Secrets => [.. headers.Select(h => h.Secret)];

    /// <summary>What is sent, with secrets replaced, e.g. <c>Authorization: Bearer [redacted]</c>.</summary>
    public string HeaderDescription => headers.Count == 0 ? "no auth header" : string.Join("; ", headers.Select(h => h.Shown));

    public static RequestCredential Bearer(AuthMode mode, string token, string source, string? audience = null, string? identity = null) =>
        new(mode, source, audience, identity, [new AuthHeader("Authorization", "Bearer " + token, token, $"Authorization: Bearer {SecretRedactor.Placeholder}")]);

    public static RequestCredential SessionCookie(string value, string source) =>
        new(AuthMode.Dex, source, null, null,
            [new AuthHeader("Cookie", $"{DexCredentialSource.CookieName}={value}", value, $"Cookie: {DexCredentialSource.CookieName}={SecretRedactor.Placeholder}")]);

    /// <summary>
    /// IAP and Dex together: this (IAP) credential's token moves to <c>Proxy-Authorization</c>, which IAP reads and
    /// consumes, so that <c>Authorization</c> (or the cookie) carries the Dex credential on to the mesh.
    /// </summary>
    public RequestCredential WithDex(RequestCredential dex)
    {
        var iapHeaders = headers.Select(h => h.Name == "Authorization"
            ? h with { Name = "Proxy-Authorization", Shown = $"Proxy-Authorization: Bearer {SecretRedactor.Placeholder}" }
            : h);
        return new RequestCredential(AuthMode.IapDex, $"IAP: {Source}; Dex: {dex.Source}", Audience, Identity, [.. iapHeaders, .. dex.headers]);
    }

    public void ApplyTo(HttpRequestMessage request)
    {
        foreach (var header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
    }

    public override string ToString() => $"{Mode}: {Source}; {HeaderDescription}";

    private sealed record AuthHeader(string Name, string Value, string Secret, string Shown)
    {
        public override string ToString() => Shown;
    }
}
