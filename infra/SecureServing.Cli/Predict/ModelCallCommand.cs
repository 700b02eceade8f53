using System.CommandLine;

namespace SecureServing.Cli.Predict;

/// <summary>The command-line surface shared by <c>predict</c> and <c>health</c>.</summary>
internal static class ModelCallCommand
{
    public const double DefaultTimeoutSeconds = 30;

    public static Command Create(ModelOperation operation, PredictEnvironment environment)
    {
        var command = operation == ModelOperation.Predict
            ? new Command("predict", "Send a KServe v1 prediction request to a model (POST .../v1/models/<model>:predict) with IAP, Dex or no auth, and explain failures.")
            : new Command("health", "Ask whether a model is ready (GET /v1/models/<model>) through the same route and auth as predict.");

        var stack = CliCommon.StackOption();
        var repo = CliCommon.RepoOption();
        var team = new Option<string>("--team", "-t") { Description = "Team name or the team's namespace.", Required = true };
        var model = new Option<string>("--model", "-m") { Description = "Model (InferenceService) name from the team file.", Required = true };
        var input = operation == ModelOperation.Predict
            ? new Option<FileInfo>("--input", "-i") { Description = "JSON request body, e.g. {\"instances\": [[6.8, 2.8, 4.8, 1.4]]}; checked to be JSON before anything is sent.", Required = true }
            : null;
        var url = new Option<string?>("--url")
        {
            Description = "Call this URL instead of the one from the stack. scheme://host[:port] alone (e.g. a port-forward to the " +
                "ingress gateway) keeps the configured path and sends the configured host as Host; a URL with a path is used as is.",
        };
        var auth = new Option<string?>("--auth")
        {
            Description = "iap: Google ID token for the IAP OAuth client; dex: Dex token or authservice_session cookie from the " +
                "environment or --token-file; iap+dex: both (Google token as Proxy-Authorization); none. Default: what the " +
                "model's route needs: iap (iap+dex when the stack configures mesh.dex) on the IAP route, dex on a public " +
                "Knative host when the stack configures mesh.dex, otherwise none.",
        };
        auth.AcceptOnlyFromAmong(AuthSelection.Values);
        var audience = new Option<string?>("--audience")
        {
            Description = "IAP audience: the OAuth client id. Default: iap.oauthClient.clientId; required with the Google-managed client.",
        };
        var credentials = new Option<FileInfo?>("--credentials")
        {
            Description = "Service-account key file for --auth iap or iap+dex. Default: Application Default Credentials.",
        };
        var tokenFile = new Option<FileInfo?>("--token-file")
        {
            Description = $"File holding a Dex bearer token for --auth dex or iap+dex. Otherwise {DexCredentialSource.TokenVariable} or {DexCredentialSource.CookieVariable}.",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the response (and, separately, for an identity token).",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the request, the credential's source and the timing on stderr (never the secret)." };

        command.Options.Add(stack);
        command.Options.Add(repo);
        command.Options.Add(team);
        command.Options.Add(model);
        if (input is not null)
        {
            command.Options.Add(input);
        }

        command.Options.Add(url);
        command.Options.Add(auth);
        command.Options.Add(audience);
        command.Options.Add(credentials);
        command.Options.Add(tokenFile);
        command.Options.Add(timeout);
        command.Options.Add(verbose);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ModelCallRequest(
                operation,
                parseResult.GetValue(stack)!,
                parseResult.GetValue(repo),
                parseResult.GetValue(team)!,
                parseResult.GetValue(model)!,
                input is null ? null : parseResult.GetValue(input),
                parseResult.GetValue(url),
                parseResult.GetValue(auth),
                parseResult.GetValue(audience),
                parseResult.GetValue(credentials),
                parseResult.GetValue(tokenFile),
                parseResult.GetValue(timeout),
                parseResult.GetValue(verbose));
            var config = parseResult.InvocationConfiguration;
            return ModelCallRunner.RunAsync(request, environment, config.Output, config.Error, cancellationToken);
        });
        return command;
    }
}
