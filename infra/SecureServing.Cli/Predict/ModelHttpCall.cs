using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;

namespace SecureServing.Cli.Predict;

/// <summary>One HTTP request to a model: no redirects followed, no cookies stored, one deadline for the whole exchange.</summary>
internal static class ModelHttpCall
{
    private static readonly string UserAgent =
        "secure-serving/" + (typeof(ModelHttpCall).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public static async Task<CallResult> SendAsync(
        HttpMethod method, ModelEndpoint endpoint, byte[]? jsonBody, RequestCredential credential, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            // A redirect is reported, not followed: IAP answers an unauthenticated browser-like call with one.
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = timeout,
            AutomaticDecompression = DecompressionMethods.All,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(method, endpoint.Url);
        if (endpoint.HostHeader is not null)
        {
            request.Headers.Host = endpoint.HostHeader;
        }

        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        credential.ApplyTo(request);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)));
            return new HttpReply(
                (int)response.StatusCode,
                response.ReasonPhrase ?? response.StatusCode.ToString(),
                headers,
                response.Content.Headers.ContentType?.MediaType,
                body,
                clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new NetworkFailure(NetworkFailureKind.Timeout, $"no complete response within {timeout.TotalSeconds:0.##} s", clock.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return Classify(ex, clock.Elapsed);
        }
    }

    internal static NetworkFailure Classify(HttpRequestException ex, TimeSpan elapsed)
    {
        var socket = Inner<SocketException>(ex);
        var detail = Innermost(ex).Message;
        var kind = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => NetworkFailureKind.NameResolution,
            HttpRequestError.SecureConnectionError => NetworkFailureKind.Tls,
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused => NetworkFailureKind.ConnectionRefused,
            HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError => NetworkFailureKind.Connection,
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => NetworkFailureKind.Protocol,
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => NetworkFailureKind.NameResolution,
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused => NetworkFailureKind.ConnectionRefused,
            _ when Inner<AuthenticationException>(ex) is not null => NetworkFailureKind.Tls,
            _ => NetworkFailureKind.Connection,
        };
        return new NetworkFailure(kind, detail, elapsed);
    }

    private static T? Inner<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
