using System.CommandLine;
using SecureServing.Cli.Predict;

namespace SecureServing.Cli;

/// <summary><c>health</c>: <c>GET /v1/models/&lt;model&gt;</c> through the same route and auth as <c>predict</c>.</summary>
internal static class HealthCommand
{
    public static Command Create() => Create(PredictEnvironment.Process);

    public static Command Create(PredictEnvironment environment) => ModelCallCommand.Create(ModelOperation.Health, environment);
}
