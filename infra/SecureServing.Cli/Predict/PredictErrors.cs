namespace SecureServing.Cli.Predict;

/// <summary>A user mistake found before any request: bad options, unknown team or model, invalid input file.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>No credential could be obtained for the chosen <c>--auth</c> mode. The message never contains a secret.</summary>
internal sealed class CredentialException(string message) : Exception(message);
