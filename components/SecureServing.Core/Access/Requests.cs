using System.Collections.Immutable;

namespace SecureServing.Core.Access;

/// <summary>
/// A JSON Web Token a caller holds, described by what Istio checks: issuer, subject, audiences, claims, and where the
/// public keys that verify its signature are published (<paramref name="SignedWithKeysAt"/>: the issuer's JWKS URL for
/// a genuine token; anything else for a token its holder signed).
/// </summary>
public sealed record Jwt(
    string Issuer,
    string Subject,
    IReadOnlyList<string> Audiences,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Claims,
    string SignedWithKeysAt,
    string Description)
{
    /// <summary>True when its holder signed it (not the issuer): no JWKS the issuer publishes verifies it.</summary>
    public bool Forged { get; init; }

    /// <summary>Istio's request principal, <c>&lt;iss&gt;/&lt;sub&gt;</c>.</summary>
    public string Principal => $"{Issuer}/{Subject}";
}

/// <summary>An HTTP request as it travels: host (authority, no port), path, method, headers (lower-case names) and tokens by header.</summary>
internal sealed record HttpRequest(
    string Host,
    string Path,
    string Method,
    ImmutableDictionary<string, string> Headers,
    ImmutableDictionary<string, Jwt> Tokens)
{
    public const string Authorization = "authorization";

    public static HttpRequest Create(string host, string path, string method = "POST") =>
        new(host, path, method, ImmutableDictionary.Create<string, string>(StringComparer.Ordinal), ImmutableDictionary.Create<string, Jwt>(StringComparer.Ordinal));

    public HttpRequest WithHeader(string name, string value) => this with { Headers = Headers.SetItem(name.ToLowerInvariant(), value) };

    public HttpRequest WithToken(string header, Jwt token) => this with { Tokens = Tokens.SetItem(header.ToLowerInvariant(), token) };

    public HttpRequest WithTokens(IEnumerable<KeyValuePair<string, Jwt>> tokens) => tokens.Aggregate(this, (r, t) => r.WithToken(t.Key, t.Value));

    /// <summary>A header's value; a token's header reads as <c>Bearer …</c> (or the raw token for other headers).</summary>
    public string? Header(string name)
    {
        name = name.ToLowerInvariant();
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        if (name == "host" || name == ":authority")
        {
            return Host;
        }

        return Tokens.TryGetValue(name, out var token) ? (name == Authorization ? "Bearer " : "") + token.Description : null;
    }
}

/// <summary>The identity Istio knows for a request's peer: only under Istio mTLS.</summary>
internal sealed record Peer(string? Principal, string? Namespace)
{
    public static readonly Peer Unauthenticated = new(null, null);
}

/// <summary>What Istio's RequestAuthentication established: the request principal and the token's claims.</summary>
internal sealed record RequestIdentity(Jwt Token, ObjectRef ValidatedBy)
{
    public string Principal => Token.Principal;
}
