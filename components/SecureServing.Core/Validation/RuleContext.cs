using SecureServing.Core.Config;

namespace SecureServing.Core.Validation;

/// <summary>What a rule sees: the loaded model, where its keys are, and where to report.</summary>
internal sealed class RuleContext(PlatformConfig config, string stackFile, SourceMap sources, FindingSink sink)
{
    public const string Ns = "secure-serving:";

    public PlatformConfig Config { get; } = config;

    public string StackFile { get; } = stackFile;

    public SourceMap Sources { get; } = sources;

    /// <summary>True when the key path is written in the stack file (not a default).</summary>
    public bool Written(string keyPath) => Sources.Has(StackFile, keyPath);

    public void Stack(Rule rule, string keyPath, string message, string? fix = null, Severity? severity = null) =>
        sink.Add(rule, StackFile, keyPath, Sources.Line(StackFile, keyPath), message, fix, severity);

    public void Team(TeamConfig team, Rule rule, string keyPath, string message, string? fix = null, Severity? severity = null) =>
        sink.Add(rule, team.SourceFile, keyPath, Sources.Line(team.SourceFile, keyPath), message, fix, severity);

    /// <summary>The key path of the <paramref name="index"/>-th value of a stack-file list as written (the loader drops unusable items).</summary>
    public string StackItem(string listPath, int index) => Sources.Item(StackFile, listPath, index);

    /// <summary>The key path of the <paramref name="index"/>-th value of a team-file list as written (the loader drops unusable items).</summary>
    public string TeamItem(TeamConfig team, string listPath, int index) => Sources.Item(team.SourceFile, listPath, index);

    /// <summary>Each team's models with their key path <c>models[i]</c>.</summary>
    public IEnumerable<(TeamConfig Team, ModelConfig Model, string Path)> Models() =>
        Config.Teams.SelectMany(t => t.Models.Select((m, i) => (t, m, TeamItem(t, "models", i))));
}
