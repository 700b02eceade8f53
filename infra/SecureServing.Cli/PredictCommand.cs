using System.CommandLine;
using SecureServing.Cli.Predict;

namespace SecureServing.Cli;

/// <summary><c>predict</c>: call a protected model the way the upstream guides test it (logic in Predict/).</summary>
internal static class PredictCommand
{
    public static Command Create() => Create(PredictEnvironment.Process);

    public static Command Create(PredictEnvironment environment) => ModelCallCommand.Create(ModelOperation.Predict, environment);
}
