using SecureServing.Core.Config;

namespace SecureServing.Core.Validation;

/// <summary>
/// Applies <c>acknowledge</c> entries: a valid entry (acknowledgeable rule, non-empty reason) turns that rule's errors
/// in the same file into warnings that carry the reason. Each file acknowledges only its own findings, so a team
/// accepts risks in its own file and the platform team in the stack file.
/// </summary>
internal static class AcknowledgementPolicy
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, PlatformConfig? config, string stackFile, SourceMap sources)
    {
        if (config is null)
        {
            return findings;
        }

        var sink = new FindingSink();
        var accepted = new Dictionary<(string File, string Rule), string>();
        var entries = new List<(string File, string Path, Acknowledgement Ack)>();
        entries.AddRange(config.Acknowledgements.Select((a, i) => (stackFile, KeyPaths.Item(RuleContext.Ns + "acknowledge", i), a)));
        entries.AddRange(config.Teams.SelectMany(t => t.Acknowledgements.Select((a, i) => (t.SourceFile, KeyPaths.Item("acknowledge", i), a))));

        foreach (var (file, path, ack) in entries)
        {
            if (ack.Rule.Length == 0)
            {
                continue; // missing-key or wrong-type already reported
            }

            var rulePath = KeyPaths.Child(path, "rule");
            var rule = RuleCatalog.Find(ack.Rule);
            if (rule is null)
            {
                var ids = RuleCatalog.All.Select(r => r.Id).ToList();
                sink.Add(RuleCatalog.AckUnknownRule, file, rulePath, sources.Line(file, rulePath), $"`{rulePath}` is `{ack.Rule}`, not a rule id.{DidYouMean.Hint(ack.Rule, ids)}",
                    DidYouMean.Suggest(ack.Rule, ids) is { } s ? $"Use `{s}`." : null);
                continue;
            }

            if (!rule.Acknowledgeable)
            {
                var acknowledgeable = string.Join(", ", RuleCatalog.All.Where(r => r.Acknowledgeable).Select(r => $"`{r.Id}`"));
                sink.Add(RuleCatalog.AckNotAllowed, file, rulePath, sources.Line(file, rulePath), $"`{rulePath}`: rule `{rule.Id}` cannot be acknowledged (acknowledgeable rules: {acknowledgeable}).");
                continue;
            }

            if (string.IsNullOrWhiteSpace(ack.Reason))
            {
                var reasonPath = KeyPaths.Child(path, "reason");
                sink.Add(RuleCatalog.AckReasonMissing, file, reasonPath, sources.Line(file, reasonPath), $"`{reasonPath}` is empty: acknowledging `{rule.Id}` needs a reason.");
                continue;
            }

            var reasonKey = KeyPaths.Child(path, "reason");
            if (SecretShapes.LooksSecret(ack.Reason))
            {
                // A reason that holds a secret is no reason: the risk stays refused. The scan may have reported the
                // leak already (a known credential shape); a random-looking token is reported here.
                if (!findings.Any(f => f.File == file && f.RuleId == RuleCatalog.SecretInClear.Id && f.KeyPath == reasonKey))
                {
                    sink.Add(RuleCatalog.SecretInClear, file, reasonKey, sources.Line(file, reasonKey),
                        $"`{reasonKey}` holds what looks like a secret, so acknowledging `{rule.Id}` is not accepted.",
                        "Rotate the secret (it is in the git history) and write the reason in words.");
                }

                continue;
            }

            if (!findings.Any(f => f.File == file && f.RuleId == rule.Id))
            {
                sink.Add(RuleCatalog.AckUnused, file, rulePath, sources.Line(file, rulePath), $"`{rulePath}` acknowledges `{rule.Id}`, which found nothing in `{file}`.");
                continue;
            }

            accepted.TryAdd((file, rule.Id), ack.Reason.Trim());
        }

        var result = findings
            .Select(f => f.Severity == Severity.Error && accepted.TryGetValue((f.File, f.RuleId), out var reason)
                ? f with { Severity = Severity.Warning, Message = $"Acknowledged ({reason}): {f.Message}" }
                : f)
            .ToList();
        result.AddRange(sink.Items);
        return result;
    }
}
