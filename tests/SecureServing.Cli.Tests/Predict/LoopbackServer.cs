using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureServing.Cli.Tests.Predict;

/// <summary>One request as the server received it, bytes and all.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>What the server answers.</summary>
internal sealed record ServerReply(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static ServerReply Json(int status, string json, params (string Name, string Value)[] headers) =>
        new(status, ReasonOf(status), [new("Content-Type", "application/json"), .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], Encoding.UTF8.GetBytes(json));

    public static ServerReply Text(int status, string text, params (string Name, string Value)[] headers) =>
        new(status, ReasonOf(status), [new("Content-Type", "text/plain"), .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], Encoding.UTF8.GetBytes(text));

    public static ServerReply Empty(int status, params (string Name, string Value)[] headers) =>
        new(status, ReasonOf(status), [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], []);

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, one request per connection (Connection: close), that
/// records every request and answers with a handler. A connection that does not start with an HTTP request line
/// (e.g. a TLS ClientHello) is closed at once. Disposing stops it and cancels handlers that are still waiting.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, CancellationToken, Task<ServerReply>> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly Task acceptLoop;

    public LoopbackServer(Func<RecordedRequest, ServerReply> handler)
        : this((request, _) => Task.FromResult(handler(request)))
    {
    }

    public LoopbackServer(Func<RecordedRequest, CancellationToken, Task<ServerReply>> handler)
    {
        this.handler = handler;
        listener.Start();
        acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stop.Token);
                if (request is null)
                {
                    return;
                }

                requests.Enqueue(request);
                var reply = await handler(request, stop.Token);
                await WriteReplyAsync(stream, reply, stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0 || buffer.Count > MaxHeaderBytes)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            if (!char.IsAsciiLetterUpper((char)buffer[0]))
            {
                return null; // not HTTP (a TLS ClientHello starts with 0x16): hang up.
            }
        }

        var head = Encoding.Latin1.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        var body = buffer.Skip(headerEnd + 4).ToList();
        var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new RecordedRequest(requestLine[0], requestLine[1], headers, [.. body]);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task WriteReplyAsync(NetworkStream stream, ServerReply reply, CancellationToken cancellationToken)
    {
        var head = new StringBuilder($"HTTP/1.1 {reply.Status} {reply.Reason}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(reply.Body.Length).Append("\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(reply.Body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
