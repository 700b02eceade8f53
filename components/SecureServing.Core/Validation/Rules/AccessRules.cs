using SecureServing.Core.Access;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// access-differs-from-intent: renders the stack, evaluates who gets through to every model
/// (<see cref="AccessCheck"/>), and reports each caller and model where that differs from the team and stack files.
/// Runs only on a configuration every other rule accepts (the planners assume a valid one).
/// </summary>
internal static class AccessRules
{
    public static void Check(RuleContext ctx)
    {
        var report = AccessCheck.Evaluate(ctx.Config);
        foreach (var d in report.Differences)
        {
            var team = ctx.Config.Teams.FirstOrDefault(t => t.Namespace == d.Model.Namespace && t.Models.Any(m => m.Name == d.Model.Name));
            var fix = Fix(ctx.Config.Stack, d);
            if (team is null)
            {
                ctx.Stack(RuleCatalog.AccessDiffersFromIntent, $"{RuleContext.Ns}mesh", d.Summary, fix);
                continue;
            }

            var index = team.Models.ToList().FindIndex(m => m.Name == d.Model.Name);
            ctx.Team(team, RuleCatalog.AccessDiffersFromIntent, KeyPaths.Item("models", index), d.Summary, fix);
        }
    }

    private static string Fix(string stack, AccessDifference d)
    {
        var where = $"`secure-serving access --stack {stack}` shows every hop.";
        return (d.Evaluated.Outcome, d.Caller.Kind) switch
        {
            (Outcome.Unknown, _) => $"Replace or remove what the evaluator cannot decide ({d.Evaluated.Decider}), so the outcome can be known; {where}",
            (Outcome.Allowed, CallerKind.Namespace) => $"Remove the namespace from `allowedNamespaces` if it was not meant to call the model; otherwise {d.Evaluated.Decider} admits it where the files do not. {where}",
            (Outcome.Allowed, _) => $"{d.Evaluated.Decider} lets this caller in although no setting means to: close that way in the platform (or change the setting that opens it). {where}",
            (Outcome.Denied, _) => $"{d.Evaluated.Decider} keeps out a caller the files mean to admit: the model would not work for it. {where}",
            _ => where,
        };
    }
}
