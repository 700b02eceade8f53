using SecureServing.Core.Validation;

namespace SecureServing.Cli.Predict;

/// <summary>
/// What <c>predict</c> and <c>health</c> read from outside the command line: the validated stack, and environment
/// variables (Dex credentials). Tests pass an in-memory configuration and variables; the CLI passes the real ones.
/// </summary>
internal sealed record PredictEnvironment(Func<string, string, CheckReport> LoadStack, Func<string, string?> GetVariable)
{
    public static PredictEnvironment Process { get; } = new(StackCheck.Run, Environment.GetEnvironmentVariable);
}
