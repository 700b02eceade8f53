using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>How one caller's access to one model changed between two checkouts (null before: the model or caller is new; null after: it is gone).</summary>
public sealed record AccessChange(string ModelKey, string CallerLabel, bool Probe, Outcome? Before, Outcome? After, AccessDecision? Decision)
{
    /// <summary>The model is not in the base at all.</summary>
    public bool NewModel { get; init; }

    /// <summary><c>a pod in namespace fraud-models can now call model recsys-models/two-tower (let in by ...)</c>.</summary>
    public string Sentence
    {
        get
        {
            var path = Probe ? " on its probe path" : "";
            var by = Decision is null ? "" : $" ({(After == Outcome.Allowed ? "let in by" : "decided by")} {Decision.Decider})";
            return (Before, After) switch
            {
                (_, null) => $"model {ModelKey} is gone",
                (null, Outcome.Allowed) when NewModel => $"{CallerLabel} can call new model {ModelKey}{path}{by}",
                (null, _) when NewModel => $"{CallerLabel} may call new model {ModelKey}{path}: unknown{by}",
                (_, Outcome.Allowed) => $"{CallerLabel} can now call model {ModelKey}{path}{by}",
                (Outcome.Allowed, Outcome.Denied) => $"{CallerLabel} can no longer call model {ModelKey}{path}{by}",
                (_, Outcome.Denied) => $"{CallerLabel} is now kept out of model {ModelKey}{path}{by}",
                _ => $"{CallerLabel} may now call model {ModelKey}{path}: unknown{by}",
            };
        }
    }
}

/// <summary>
/// What changed in the access matrix of one stack between two checkouts (a pull request's base and its merge result),
/// caller by caller and model by model, as <c>access --base</c> prints it.
/// </summary>
public static class AccessChanges
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What changes from <paramref name="before"/> to <paramref name="after"/>, caller by caller.</summary>
    /// <param name="before">The base's report; null when the base does not load (everything is then new).</param>
    /// <param name="after">The report of the change under review.</param>
    public static IReadOnlyList<AccessChange> Between(AccessReport? before, AccessReport after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = new Dictionary<(string, string, bool), Outcome>();
        foreach (var row in before?.Matrix.Models ?? [])
        {
            foreach (var cell in row.Cells)
            {
                old[(row.Model.Key, cell.Caller.Id, false)] = cell.Predict.Outcome;
                old[(row.Model.Key, cell.Caller.Id, true)] = cell.Probe.Outcome;
            }
        }

        // A namespace the base did not try was, for it, a namespace nobody lists.
        var unlisted = before?.Matrix.Callers.FirstOrDefault(c => c.Kind == CallerKind.Namespace && c.Id.StartsWith("namespace:unlisted-namespace", StringComparison.Ordinal))?.Id;
        var changes = new List<AccessChange>();
        foreach (var row in after.Matrix.Models)
        {
            var isNew = before?.Matrix.Models.All(m => m.Model.Key != row.Model.Key) ?? true;
            foreach (var cell in row.Cells)
            {
                foreach (var (probe, decision) in new[] { (false, cell.Predict), (true, cell.Probe) })
                {
                    Outcome? was = old.TryGetValue((row.Model.Key, cell.Caller.Id, probe), out var o) ? o
                        : cell.Caller.Kind == CallerKind.Namespace && unlisted is not null && old.TryGetValue((row.Model.Key, unlisted, probe), out var u) ? u
                        : null;
                    if (was == decision.Outcome || (isNew && decision.Outcome == Outcome.Denied) || (was is null && decision.Outcome == Outcome.Denied))
                    {
                        continue;
                    }

                    changes.Add(new AccessChange(row.Model.Key, cell.Caller.Label, probe, isNew ? null : was, decision.Outcome, decision) { NewModel = isNew });
                }
            }
        }

        foreach (var gone in before?.Matrix.Models.Where(m => after.Matrix.Models.All(a => a.Model.Key != m.Model.Key)) ?? [])
        {
            changes.Add(new AccessChange(gone.Model.Key, "", false, Outcome.Denied, null, null));
        }

        return changes;
    }

    public static string ToText(string stack, bool baseLoads, IReadOnlyList<AccessChange> changes, AccessReport after) =>
        Write(Headline(stack, baseLoads, changes, after) + "\n", changes, after, "  - ", "", "  ! ");

    public static string ToMarkdown(string stack, bool baseLoads, IReadOnlyList<AccessChange> changes, AccessReport after) =>
        Write($"**{Headline(stack, baseLoads, changes, after)}**\n\n", changes, after, "- ",
            (changes.Count > 0 ? "\n" : "") + "Differences from intent (the `check` gate fails):\n\n", "- ❗ ");

    private static string Write(string headline, IReadOnlyList<AccessChange> changes, AccessReport after, string change, string differencesHeader, string difference)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(after);
        var text = new StringBuilder(headline);
        foreach (var c in changes)
        {
            text.Append(change).Append(c.Sentence).Append('\n');
        }

        if (!after.MatchesIntent)
        {
            text.Append(differencesHeader);
            foreach (var d in after.Differences)
            {
                text.Append(difference).Append(d.Summary).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string ToJson(string stack, bool baseLoads, IReadOnlyList<AccessChange> changes, AccessReport after)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(after);
        var json = new JsonObject
        {
            ["stack"] = stack,
            ["baseLoads"] = baseLoads,
            ["matchesIntent"] = after.MatchesIntent,
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
            {
                ["model"] = c.ModelKey,
                ["caller"] = c.CallerLabel,
                ["path"] = c.Probe ? "probe" : "predict",
                ["before"] = c.Before is { } b ? AccessReportText.Word(b) : null,
                ["after"] = c.After is { } a ? AccessReportText.Word(a) : null,
                ["object"] = c.Decision is null ? null : AccessReportText.Object(c.Decision.Decider),
                ["message"] = c.Sentence,
            })]),
            ["differences"] = new JsonArray([.. after.Differences.Select(d => (JsonNode)JsonValue.Create(d.Summary))]),
        };
        return json.ToJsonString(JsonOptions) + "\n";
    }

    private static string Headline(string stack, bool baseLoads, IReadOnlyList<AccessChange> changes, AccessReport after) =>
        $"access {stack}: {(changes.Count == 0 ? "no change in who can call which model" : $"{changes.Count} change(s) in who can call which model")}" +
        (baseLoads ? "" : " (the base does not load: compared with nothing)") +
        (after.MatchesIntent ? "; access matches intent" : $"; {after.Differences.Count} difference(s) from intent");
}
