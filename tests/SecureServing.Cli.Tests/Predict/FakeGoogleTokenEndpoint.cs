using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>
/// A service-account key generated for the test (fresh RSA key, PEM) whose <c>token_uri</c> points at a
/// <see cref="LoopbackServer"/>, and the OAuth token endpoint behaviour Google.Apis.Auth expects there: it POSTs a
/// signed JWT assertion (with <c>target_audience</c> for an ID token) and reads <c>{"id_token": ...}</c> back.
/// </summary>
internal sealed class FakeGoogleTokenEndpoint
{
    public const string TokenPath = "/token";
    public const string ClientEmail = "predict-caller@acme-ml-dev.iam.gserviceaccount.com";

    /// <summary>One key for the whole test run: generating a 2048-bit key per test costs more than the tests.</summary>
    private static readonly Lazy<RSA> SharedKey = new(() => RSA.Create(2048));

    private readonly RSA key = SharedKey.Value;

    public FakeGoogleTokenEndpoint(string serverBaseUrl, string? keyFile = null)
    {
        KeyFile = keyFile ?? Path.Combine(Directory.CreateTempSubdirectory("ss-predict-key-").FullName, "key.json");
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "acme-ml-dev",
            ["private_key_id"] = "test-key-1",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "100000000000000000001",
            ["token_uri"] = serverBaseUrl + TokenPath,
        };
        File.WriteAllText(KeyFile, json.ToJsonString());
    }

    public string KeyFile { get; }

    /// <summary>Claims of every verified assertion received, in order.</summary>
    public List<JsonObject> Assertions { get; } = [];

    /// <summary>Every ID token handed out, in order.</summary>
    public List<string> IssuedTokens { get; } = [];

    /// <summary>When set, every token request is refused with this OAuth error (e.g. invalid_grant).</summary>
    public string? RefuseWith { get; set; }

    /// <summary>An ID token as Google would return it: a JWT (unsigned here) with an expiry an hour away.</summary>
    public static string IdTokenFor(string audience) =>
        $"{Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8.ToArray())}." +
        $"{Base64Url(Encoding.UTF8.GetBytes($$"""{"aud":"{{audience}}","email":"{{ClientEmail}}","iss":"https://accounts.google.com","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}"""))}." +
        "c2lnbmF0dXJl";

    /// <summary>
    /// Answers a token request: checks the assertion's RS256 signature with the key's public half, records its claims,
    /// and returns an ID token for its target_audience.
    /// </summary>
    public ServerReply Handle(RecordedRequest request)
    {
        var form = request.BodyText.Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => Uri.UnescapeDataString(kv[1].Replace('+', ' ')));
        if (form.GetValueOrDefault("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !form.TryGetValue("assertion", out var assertion))
        {
            return ServerReply.Json(400, """{"error":"invalid_request"}""");
        }

        if (RefuseWith is not null)
        {
            return ServerReply.Json(400, JsonSerializer.Serialize(new { error = RefuseWith, error_description = "refused by the test" }));
        }

        var parts = assertion.Split('.');
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.VerifyData(signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return ServerReply.Json(400, """{"error":"invalid_grant","error_description":"Invalid JWT Signature."}""");
        }

        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!.AsObject();
        var token = IdTokenFor(claims["target_audience"]?.GetValue<string>() ?? string.Empty);
        lock (Assertions)
        {
            Assertions.Add(claims);
            IssuedTokens.Add(token);
        }

        return ServerReply.Json(200, JsonSerializer.Serialize(new { id_token = token }));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
