namespace SecureServing.Cli.Predict;

/// <summary>The parsed command line of <c>predict</c> or <c>health</c>.</summary>
internal sealed record ModelCallRequest(
    ModelOperation Operation,
    string Stack,
    DirectoryInfo? Repo,
    string Team,
    string Model,
    FileInfo? Input,
    string? Url,
    string? Auth,
    string? Audience,
    FileInfo? Credentials,
    FileInfo? TokenFile,
    double TimeoutSeconds,
    bool Verbose);
