using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureServing.Core.Rendering;

/// <summary>
/// Writes <c>gcp-resources.json</c>: an indented JSON array of <c>{"type", "name", "properties"}</c> in the plan's
/// order, properties in the order the planner built them, LF line endings and a trailing newline. Characters such
/// as <c>+</c>, <c>&lt;</c> or <c>'</c> are written as themselves so the file diffs and reads as plain text.
/// </summary>
public static class GcpResourcesJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<RenderedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var resource in resources)
            {
                writer.WriteStartObject();
                writer.WriteString("type", resource.Type);
                writer.WriteString("name", resource.Name);
                writer.WritePropertyName("properties");
                resource.Properties.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
