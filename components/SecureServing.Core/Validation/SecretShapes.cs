using System.Text.RegularExpressions;

namespace SecureServing.Core.Validation;

/// <summary>
/// The one list of credential shapes: what the secret-in-clear scan looks for in every value and in the whole text of
/// every file (comments included), and what <see cref="Redact"/> removes from every finding. Each pattern marks the
/// sensitive part as group <c>s</c> (the whole match when it has none). Every pattern stays linear on hostile text
/// (a 1 MiB run of one character): repetitions that must be followed by something are bounded, and a token is
/// only looked for where a run of token characters starts.
/// </summary>
public static partial class SecretShapes
{
    /// <summary>Shown instead of a secret.</summary>
    public const string Placeholder = "[redacted]";

    /// <summary>A credential shape: what it is (for messages) and how to find it.</summary>
    public sealed record Shape(string What, Regex Pattern);

    public static IReadOnlyList<Shape> All { get; } =
    [
        new("a PEM private key", PemPrivateKey()),
        new("a Google OAuth client secret (`GOCSPX-...`)", GoogleOAuthClientSecret()),
        new("a Google API key (`AIza...`)", GoogleApiKey()),
        new("a Google OAuth access token (`ya29.`...)", GoogleOAuthToken()),
        new("an AWS access key ID (`AKIA...`)", AwsAccessKeyId()),
        new("an AWS secret access key", AwsSecretKey()),
        new("a GitHub token (`ghp_...`, `github_pat_...`)", GitHubToken()),
        new("a Slack token (`xox...`)", SlackToken()),
        new("a Slack webhook URL", SlackWebhook()),
        new("a JSON Web Token (`eyJ...`)", Jwt()),
        new("kubeconfig credentials (`client-key-data`, `token`, `password`)", KubeconfigCredential()),
        new("credentials in a URL (`user:password@host`)", UrlUserInfo()),
    ];

    // The header, then the base64 body and the footer, so a redaction removes the key and not only its header.
    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,20}-----[A-Za-z0-9+/=\s]{0,16384}(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,20}-----)?")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"GOCSPX-[A-Za-z0-9_-]{8,}")]
    private static partial Regex GoogleOAuthClientSecret();

    [GeneratedRegex(@"AIza[0-9A-Za-z_-]{35}")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"ya29\.[0-9A-Za-z_-]{20,}")]
    private static partial Regex GoogleOAuthToken();

    [GeneratedRegex(@"(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16,64}(?![A-Z0-9])")]
    private static partial Regex AwsAccessKeyId();

    /// <summary>40 base64 characters after a key naming an AWS secret (<c>aws:secretKey: ...</c>, <c>aws_secret_access_key = ...</c>).</summary>
    [GeneratedRegex(@"(?i:aws[a-z0-9_.:-]{0,30}secret[a-z0-9_.:-]{0,30})[""']?[ \t]{0,8}[:=][ \t]{0,8}[""']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(@"(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"xox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/services/(?<s>[A-Za-z0-9/_-]{10,})")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    /// <summary>A kubeconfig's credential fields with a value, in a kubeconfig pasted as text.</summary>
    [GeneratedRegex(@"(client-key-data|client-certificate-data|id-token|refresh-token|auth-provider)[""']?[ \t]{0,8}:[ \t]{0,8}[""']?(?<s>[A-Za-z0-9+/=._-]{8,})|(?s:kind:[ \t]{0,8}Config\b.{0,2000}?\b(token|password)[ \t]{0,8}:[ \t]{0,8}(?<s>[^\s""']{4,}))")]
    private static partial Regex KubeconfigCredential();

    /// <summary>A URL whose user-info carries a password: <c>scheme://user:password@host</c>.</summary>
    // Any "://" (no scheme check: a long run of scheme characters before it, as in `a-b.https://u:p@h`, must not hide it).
    [GeneratedRegex(@"://(?<s>[^/\s:@?#""']{1,256}:[^/\s@?#""']{0,256})@")]
    private static partial Regex UrlUserInfo();

    /// <summary>A long run of token characters; <see cref="LooksLikeToken"/> decides whether it is one.</summary>
    [GeneratedRegex(@"[A-Za-z0-9+/_=-]{20,}")]
    private static partial Regex TokenLike();

    /// <summary>The first credential shape in <paramref name="text"/>, with the match; null when there is none.</summary>
    public static (Shape Shape, Group Secret)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var shape in All)
        {
            if (shape.Pattern.Match(text) is { Success: true } m)
            {
                return (shape, SecretPart(m));
            }
        }

        return null;
    }

    /// <summary>Every credential shape in <paramref name="text"/>: the shape and the sensitive part.</summary>
    public static IEnumerable<(Shape Shape, Group Secret)> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return All.SelectMany(shape => shape.Pattern.Matches(text).Select(m => (shape, SecretPart(m))));
    }

    /// <summary>True when the text holds a credential shape or a random-looking token (mixed case, digits, high entropy).</summary>
    public static bool LooksSecret(string text) =>
        Find(text) is not null || TokenLike().Matches(text).Any(m => LooksLikeToken(m.Value));

    /// <summary>
    /// <paramref name="text"/> with every credential shape and every random-looking token replaced by
    /// <see cref="Placeholder"/>; a URL keeps its scheme and host (<c>https://[redacted]@host</c>).
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var shape in All)
        {
            text = shape.Pattern.Replace(text, m =>
            {
                var secret = SecretPart(m);
                return m.Value[..(secret.Index - m.Index)] + Placeholder + m.Value[(secret.Index - m.Index + secret.Length)..];
            });
        }

        return TokenLike().Replace(text, m => LooksLikeToken(m.Value) ? Placeholder : m.Value);
    }

    private static Group SecretPart(Match m) => m.Groups["s"] is { Success: true } s ? s : m;

    /// <summary>Upper- and lowercase letters and digits, and at least 3.5 bits of entropy per character.</summary>
    private static bool LooksLikeToken(string run)
    {
        if (!run.Any(char.IsAsciiLetterUpper) || !run.Any(char.IsAsciiLetterLower) || !run.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var entropy = run.GroupBy(c => c).Sum(g =>
        {
            var p = (double)g.Count() / run.Length;
            return -p * Math.Log2(p);
        });
        return entropy >= 3.5;
    }
}
