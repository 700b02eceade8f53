using SecureServing.Core.Config;

namespace SecureServing.Cli.Predict;

/// <summary>The model a call is for, with the team and stack configuration that decide its URL, auth and hints.</summary>
internal sealed record ModelTarget(PlatformConfig Config, TeamConfig Team, ModelConfig Model)
{
    /// <summary>
    /// Finds <paramref name="team"/> (a team name or its namespace) and <paramref name="model"/> in the stack;
    /// throws <see cref="UsageException"/> naming what exists when either is unknown.
    /// </summary>
    public static ModelTarget Find(PlatformConfig config, string team, string model)
    {
        var found = config.Teams.FirstOrDefault(t => string.Equals(t.Team, team, StringComparison.Ordinal))
            ?? config.Teams.FirstOrDefault(t => string.Equals(t.Namespace, team, StringComparison.Ordinal));
        if (found is null)
        {
            var known = config.Teams.Count == 0
                ? "the stack has no team files"
                : "teams: " + string.Join(", ", config.Teams.Select(t => $"{t.Team} (namespace {t.Namespace})"));
            throw new UsageException(
                $"Stack '{config.Stack}' has no team or team namespace '{team}' ({known}). " +
                $"Teams are the files stacks/{config.Stack}/<team>.yaml.");
        }

        var foundModel = found.Models.FirstOrDefault(m => string.Equals(m.Name, model, StringComparison.Ordinal));
        if (foundModel is null)
        {
            throw new UsageException(
                $"Team '{found.Team}' has no model '{model}' in stack '{config.Stack}' ({DescribeModels(found)}). " +
                $"Models are listed under `models` in {found.SourceFile}.");
        }

        return new ModelTarget(config, found, foundModel);
    }

    /// <summary>"models: a (IAP route), b" or "the team has no models".</summary>
    public static string DescribeModels(TeamConfig team) => team.Models.Count == 0
        ? "the team has no models"
        : "models: " + string.Join(", ", team.Models.Select(m => m.ExposeViaIap ? $"{m.Name} (IAP route)" : m.Name));
}
