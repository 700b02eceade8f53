using System.Text.Json;

namespace SecureServing.Cli.Predict;

/// <summary>
/// Turns a call's result into what the user sees: on success the response (JSON pretty-printed) and exit 0;
/// otherwise what went wrong, which credential and audience were used, and which configuration key controls it.
/// </summary>
internal static class OutcomeExplainer
{
    /// <summary>Longest response body echoed with an error, in characters.</summary>
    public const int MaxErrorBody = 4000;

    public static Outcome Explain(CallContext context, CallResult result) => result switch
    {
        HttpReply { StatusCode: >= 200 and < 300 } reply => Success(context, reply),
        HttpReply reply => HttpError(context, reply),
        NetworkFailure failure => new Outcome(ExitCode.NetworkError, null, NetworkFailureHints.Explain(context, failure)),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    private static Outcome Success(CallContext context, HttpReply reply)
    {
        var output = ResponseBody.Render(reply.Body, reply.MediaType);
        if (context.Operation == ModelOperation.Health && ReportsNotReady(reply))
        {
            return new Outcome(ExitCode.HttpError, output,
            [
                $"Model '{context.Target.Model.Name}' answered at {context.Endpoint} but reports \"ready\": false: " +
                "it is still loading, or failed to load its model from storageUri. " +
                $"`kubectl -n {context.Namespace} describe inferenceservice {context.Target.Model.Name}` shows why.",
            ]);
        }

        return new Outcome(ExitCode.Success, output, []);
    }

    private static Outcome HttpError(CallContext context, HttpReply reply)
    {
        var credential = context.Credential;
        var lines = new List<string>
        {
            $"HTTP {reply.StatusCode} {reply.ReasonPhrase} from {context.Endpoint}",
            $"Credential sent: {credential.Source}" + (credential.Audience is null ? "." : $", audience {credential.Audience}."),
        };
        lines.AddRange(reply.StatusCode switch
        {
            >= 300 and < 400 => HttpErrorHints.Redirect(context, reply),
            401 => HttpErrorHints.Unauthorized(context, reply),
            403 => HttpErrorHints.Forbidden(context, reply),
            404 => HttpErrorHints.NotFound(context, reply),
            502 or 503 or 504 => HttpErrorHints.Upstream(context, reply),
            _ => [],
        });
        var body = ResponseBody.Render(reply.Body, reply.MediaType);
        if (body.Length > 0)
        {
            lines.Add("Response body:");
            lines.Add(body.Length > MaxErrorBody ? body[..MaxErrorBody] + $"\n[... {body.Length - MaxErrorBody} more characters]" : body);
        }

        return new Outcome(ExitCode.HttpError, null, lines);
    }

    private static bool ReportsNotReady(HttpReply reply)
    {
        using var document = ResponseBody.TryParse(reply.Body);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root &&
            root.TryGetProperty("ready", out var ready) && ready.ValueKind == JsonValueKind.False;
    }
}
