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
        var redactor = SecretRedactor.Nothing;
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

            var credential = await AcquireAsync(request, mode, target, environment, timeout, error, cancellationToken).ConfigureAwait(false);
            redactor = new SecretRedactor(credential.Secrets);

            var method = request.Operation == ModelOperation.Predict ? HttpMethod.Post : HttpMethod.Get;
            if (request.Verbose)
            {
                error.WriteLine(redactor.Redact($"{method} {endpoint} [{Describe(endpoint.Route)}]"));
                error.WriteLine(redactor.Redact($"auth: {AuthSelection.Name(mode)}: {credential.Source}" +
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
        var name = AuthSelection.Name(mode);
        if (mode is not (AuthMode.Iap or AuthMode.IapDex) && (request.Audience is not null || request.Credentials is not null))
        {
            throw new UsageException($"--audience and --credentials apply to --auth iap and iap+dex; this call uses --auth {name}.");
        }

        if (mode is not (AuthMode.Dex or AuthMode.IapDex) && request.TokenFile is not null)
        {
            throw new UsageException($"--token-file applies to --auth dex and iap+dex; this call uses --auth {name}.");
        }
    }

    private static async Task<RequestCredential> AcquireAsync(
        ModelCallRequest request, AuthMode mode, ModelTarget target, PredictEnvironment environment, TimeSpan timeout, TextWriter error, CancellationToken cancellationToken)
    {
        // The Dex credential is local and checked first, so a missing one fails before any call to Google.
        var why = request.Auth is not null
            ? $"--auth {request.Auth}"
            : $"--auth {AuthSelection.Name(mode)} (the default for '{target.Model.Name}': the stack's mesh checks Dex tokens, secure-serving:mesh.dex)";
        var dex = mode is AuthMode.Dex or AuthMode.IapDex ? DexCredentialSource.Acquire(request.TokenFile, environment.GetVariable, error, why) : null;
        if (mode is not (AuthMode.Iap or AuthMode.IapDex))
        {
            return dex ?? RequestCredential.None;
        }

        var audience = AuthSelection.IapAudience(target.Config, request.Audience);
        var iap = await IapTokenSource.AcquireAsync(audience, request.Credentials, environment.GetVariable, timeout, cancellationToken).ConfigureAwait(false);
        return dex is null ? iap : iap.WithDex(dex);
    }

    private static string Describe(RouteKind route) => route switch
    {
        RouteKind.IapPath => "IAP path route",
        RouteKind.PublicHost => "public Knative host",
        RouteKind.ClusterLocal => "cluster-local address",
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
