using SecureServing.Core.Validation;

namespace SecureServing.Cli.Predict;

/// <summary>
/// Runs <c>predict</c> or <c>health</c>: validated stack -> team and model -> URL -> input -> credential -> one HTTP
/// call -> explanation. Every user-facing line passes through a <see cref="SecretRedactor"/>.
/// </summary>
internal static class ModelCallRunner
{
    private const int MaxFindingsShown = 10;

    public static async Task<int> RunAsync(
        ModelCallRequest request, PredictEnvironment environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var redactor = new SecretRedactor(null);
        try
        {
            var timeout = Timeout(request.TimeoutSeconds);
            var urlOverride = request.Url is null ? null : EndpointResolver.ParseOverride(request.Url);
            var target = LoadTarget(request, environment, error);
            if (target is null)
            {
                return (int)ExitCode.UsageOrConfig;
            }

            var endpoint = EndpointResolver.Resolve(target, request.Operation, urlOverride);
            var body = request.Input is null ? null : InputFile.Read(request.Input);
            var mode = request.Auth is null ? AuthSelection.DefaultMode(target) : AuthSelection.Parse(request.Auth);
            CheckAuthOptions(request, mode);

            var credential = mode switch
            {
                AuthMode.Iap => await IapTokenSource.AcquireAsync(
                    AuthSelection.IapAudience(target.Config, request.Audience), request.Credentials, environment.GetVariable, timeout, cancellationToken).ConfigureAwait(false),
                AuthMode.Dex => DexCredentialSource.Acquire(request.TokenFile, environment.GetVariable, error),
                _ => RequestCredential.None,
            };
            redactor = new SecretRedactor(credential.Secret);

            var method = request.Operation == ModelOperation.Predict ? HttpMethod.Post : HttpMethod.Get;
            if (request.Verbose)
            {
                error.WriteLine(redactor.Redact($"{method} {endpoint} [{Describe(endpoint.Route)}]"));
                error.WriteLine(redactor.Redact($"auth: {mode.ToString().ToLowerInvariant()}: {credential.Source}" +
                    (credential.Audience is null ? string.Empty : $"; audience {credential.Audience}") + $"; {credential.HeaderDescription}"));
            }

            var result = await ModelHttpCall.SendAsync(method, endpoint, body, credential, timeout, cancellationToken).ConfigureAwait(false);
            if (request.Verbose)
            {
                error.WriteLine(result is HttpReply reply
                    ? $"HTTP {reply.StatusCode} {reply.ReasonPhrase} in {reply.Elapsed.TotalMilliseconds:0} ms"
                    : $"no response after {result.Elapsed.TotalMilliseconds:0} ms");
            }

            var outcome = OutcomeExplainer.Explain(new CallContext(target, request.Operation, endpoint, credential, timeout), result);
            if (!string.IsNullOrEmpty(outcome.Output))
            {
                output.WriteLine(redactor.Redact(outcome.Output));
            }

            WriteError(error, redactor, outcome.Errors);
            return (int)outcome.Code;
        }
        catch (UsageException ex)
        {
            WriteError(error, redactor, [ex.Message]);
            return (int)ExitCode.UsageOrConfig;
        }
        catch (CredentialException ex)
        {
            WriteError(error, redactor, [ex.Message]);
            return (int)ExitCode.CredentialFailure;
        }
    }

    private static TimeSpan Timeout(double seconds) =>
        seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--timeout {seconds} is out of range: give seconds between 0 and 3600.");

    private static ModelTarget? LoadTarget(ModelCallRequest request, PredictEnvironment environment, TextWriter error)
    {
        var root = CliCommon.FindRepoRoot(request.Repo);
        if (root is null)
        {
            throw new UsageException(request.Repo is null
                ? "No Pulumi.yaml at or above the current directory: run inside the repository or pass --repo <folder>."
                : $"--repo {request.Repo.FullName} has no Pulumi.yaml.");
        }

        var report = environment.LoadStack(root, request.Stack);
        if (report.Config is null || report.HasErrors)
        {
            var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
            error.WriteLine($"error: stack '{request.Stack}' has configuration errors, so its model URLs are not known:");
            foreach (var finding in errors.Take(MaxFindingsShown))
            {
                error.WriteLine($"  {finding.File}: {finding.KeyPath}: {finding.Message}");
            }

            if (errors.Count > MaxFindingsShown)
            {
                error.WriteLine($"  ... and {errors.Count - MaxFindingsShown} more.");
            }

            error.WriteLine($"Run `secure-serving check --stack {request.Stack}` for every finding and its fix.");
            return null;
        }

        return ModelTarget.Find(report.Config, request.Team, request.Model);
    }

    private static void CheckAuthOptions(ModelCallRequest request, AuthMode mode)
    {
        var name = mode.ToString().ToLowerInvariant();
        if (mode != AuthMode.Iap && (request.Audience is not null || request.Credentials is not null))
        {
            throw new UsageException($"--audience and --credentials apply to --auth iap; this call uses --auth {name}.");
        }

        if (mode != AuthMode.Dex && request.TokenFile is not null)
        {
            throw new UsageException($"--token-file applies to --auth dex; this call uses --auth {name}.");
        }
    }

    private static string Describe(RouteKind route) => route switch
    {
        RouteKind.IapPath => "IAP path route",
        RouteKind.KnativeHost => "Knative host route",
        _ => "--url",
    };

    private static void WriteError(TextWriter error, SecretRedactor redactor, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            error.WriteLine(redactor.Redact(i == 0 ? "error: " + lines[i] : lines[i]));
        }
    }
}
