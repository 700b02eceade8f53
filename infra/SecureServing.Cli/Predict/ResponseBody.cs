using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureServing.Cli.Predict;

/// <summary>Shows a response body: JSON pretty-printed, text as it came, binary content summarised.</summary>
internal static class ResponseBody
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        // Output is for a terminal, not for embedding in HTML: keep non-ASCII text and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(byte[] body, string? mediaType)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        if ((IsJsonMediaType(mediaType) || mediaType is null) && TryPrettyJson(body, out var pretty))
        {
            return pretty;
        }

        var text = TryDecodeText(body);
        return text ?? $"[{body.Length} bytes of {mediaType ?? "binary content"}, not shown]";
    }

    /// <summary>The parsed JSON body, when the reply has one.</summary>
    public static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null &&
        (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool TryPrettyJson(byte[] body, out string pretty)
    {
        using var document = TryParse(body);
        if (document is null)
        {
            pretty = string.Empty;
            return false;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(writer);
        }

        pretty = Encoding.UTF8.GetString(buffer.ToArray());
        return true;
    }

    private static string? TryDecodeText(byte[] body)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
