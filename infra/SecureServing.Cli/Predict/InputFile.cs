using System.Text.Json;

namespace SecureServing.Cli.Predict;

/// <summary>The <c>--input</c> request body: read once, checked to be JSON before anything is sent.</summary>
internal static class InputFile
{
    public static byte[] Read(FileInfo file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"--input {file.FullName}: no such file.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--input {file.FullName} cannot be read: {ex.Message}");
        }

        try
        {
            using var _ = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
            throw new UsageException(
                $"--input {file.FullName} is not valid JSON{where}. The KServe v1 protocol expects a JSON body such as " +
                "{\"instances\": [[6.8, 2.8, 4.8, 1.4]]}.");
        }

        // A UTF-8 byte order mark is valid for the parser but not part of a JSON body.
        return bytes.AsSpan().StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
