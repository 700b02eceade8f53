namespace SecureServing.Cli.Predict;

/// <summary>Everything the outcome explanation may refer to: which model, which URL, which credential, which limit.</summary>
internal sealed record CallContext(
    ModelTarget Target,
    ModelOperation Operation,
    ModelEndpoint Endpoint,
    RequestCredential Credential,
    TimeSpan Timeout)
{
    public string Stack => Target.Config.Stack;

    public string Namespace => Target.Team.Namespace;

    public string TeamFile => Target.Team.SourceFile;

    public string StackFile => $"Pulumi.{Target.Config.Stack}.yaml";

    /// <summary>The host the gateway routes on: the Host header when set, else the URL's host.</summary>
    public string RoutedHost => Endpoint.HostHeader ?? Endpoint.Url.Authority;
}

/// <summary>The result shown to the user: the exit code, the response for stdout, explanations for stderr.</summary>
internal sealed record Outcome(ExitCode Code, string? Output, IReadOnlyList<string> Errors);
