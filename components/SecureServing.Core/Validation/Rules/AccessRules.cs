using SecureServing.Core.Access;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// access-differs-from-intent: renders the stack, evaluates who gets through to every model
/// (<see cref="AccessCheck"/>), and reports, model by model, each caller for which that differs from the team and stack
/// files, with the object that lets it in or keeps it out. Runs only on a configuration every other rule accepts (the
/// planners assume a valid one).
/// </summary>
internal static class AccessRules
{
    public static void Check(RuleContext ctx)
    {
        var report = AccessCheck.Evaluate(ctx.Config);
        foreach (var model in report.Differences.GroupBy(d => d.Model.Key))
        {
            var first = model.First();
            var team = ctx.Config.Teams.FirstOrDefault(t => t.Namespace == first.Model.Namespace && t.Models.Any(m => m.Name == first.Model.Name));
            var lines = string.Join(" ", model.Select((d, i) => $"({i + 1}) {d.Summary}."));
            var fix = string.Join(" ", model.Select(d => Fix(d)).Distinct(StringComparer.Ordinal))
                + $" `secure-serving access --stack {ctx.Config.Stack}` shows every hop.";
            if (team is null)
            {
                ctx.Stack(RuleCatalog.AccessDiffersFromIntent, $"{RuleContext.Ns}mesh", $"Model {first.Model.Key}: {lines}", fix);
                continue;
            }

            var path = ctx.TeamItem(team, "models", team.Models.ToList().FindIndex(m => m.Name == first.Model.Name));
            ctx.Team(team, RuleCatalog.AccessDiffersFromIntent, path,
                $"`{path}` (model {first.Model.Key}): {model.Count()} caller(s) differ from what the team and stack files allow: {lines}", fix);
        }
    }

    private static string Fix(AccessDifference d) => (d.Evaluated.Outcome, d.Caller.Kind) switch
    {
        (Outcome.Unknown, _) => $"Replace or remove what the evaluator cannot decide ({d.Evaluated.Decider}), so the outcome can be known.",
        (Outcome.Allowed, CallerKind.Namespace) => $"Remove the namespace from `allowedNamespaces` if it was not meant to call the model; otherwise {d.Evaluated.Decider} admits it where the files do not.",
        (Outcome.Allowed, _) => $"{d.Evaluated.Decider} lets a caller in that no setting means to: close that way in the platform, or change the setting that opens it.",
        _ => $"{d.Evaluated.Decider} keeps out a caller the files mean to admit, so the model does not work for it: change the setting that closes the way, or the platform.",
    };
}
