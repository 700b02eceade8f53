using System.CommandLine;
using SecureServing.Core.Access;
using SecureServing.Core.Validation;

namespace SecureServing.Cli;

/// <summary>
/// <c>access --stack NAME [--repo DIR] [--format text|json|markdown] [--base DIR]</c>: evaluates who gets through to every
/// model of the rendered stack and compares it with the team and stack files' intent. Exit 0 when access equals intent,
/// 1 otherwise, 2 on usage errors or a stack that <c>check</c> refuses for another reason. With <c>--base</c>, prints
/// only what changed against another checkout ("namespace X can now call model Y").
/// </summary>
internal static class AccessCommand
{
    public const int MatchesIntent = 0;
    public const int Differs = 1;

    public static Command Create()
    {
        var stack = CliCommon.StackOption();
        var repo = CliCommon.RepoOption();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (default), json or markdown.",
            DefaultValueFactory = _ => "text",
        };
        var baseRepo = new Option<DirectoryInfo?>("--base")
        {
            Description = "Another checkout of the repository (e.g. the pull request's base): print only how access changed from it.",
        };
        var command = new Command("access", "Evaluate who can call each model from the rendered plan; exit 1 when it differs from the team and stack files.")
        {
            stack, repo, format, baseRepo,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var formatValue = parseResult.GetValue(format) ?? "text";
            if (formatValue is not ("text" or "json" or "markdown"))
            {
                error.WriteLine($"access: --format must be text, json or markdown, not '{formatValue}'.");
                return CliCommon.UsageError;
            }

            var given = parseResult.GetValue(repo);
            var root = CliCommon.FindRepoRoot(given);
            if (root is null)
            {
                error.WriteLine(given is null
                    ? "access: no Pulumi.yaml in the current directory or above; run inside the repository or pass --repo."
                    : $"access: '{given.FullName}' has no Pulumi.yaml; pass the repository root to --repo.");
                return CliCommon.UsageError;
            }

            var stackName = parseResult.GetValue(stack)!;
            var (head, refused) = Load(root, stackName);
            if (head is null)
            {
                output.Write(CheckCommand.ToText(refused!));
                error.WriteLine($"access: stack '{stackName}' is refused by `check` for other reasons; fix those first.");
                return CliCommon.UsageError;
            }

            var baseDir = parseResult.GetValue(baseRepo);
            if (baseDir is not null)
            {
                if (!File.Exists(Path.Combine(baseDir.FullName, "Pulumi.yaml")))
                {
                    error.WriteLine($"access: '{baseDir.FullName}' has no Pulumi.yaml; pass the base checkout's root to --base.");
                    return CliCommon.UsageError;
                }

                var (before, _) = Load(baseDir.FullName, stackName);
                var changes = AccessChanges.Between(before, head);
                output.Write(formatValue switch
                {
                    "json" => AccessChanges.ToJson(stackName, before is not null, changes, head),
                    "markdown" => AccessChanges.ToMarkdown(stackName, before is not null, changes, head),
                    _ => AccessChanges.ToText(stackName, before is not null, changes, head),
                });
                return head.MatchesIntent ? MatchesIntent : Differs;
            }

            output.Write(formatValue switch
            {
                "json" => AccessReportText.ToJson(head),
                "markdown" => AccessReportText.ToMarkdown(head),
                _ => AccessReportText.ToText(head),
            });
            return head.MatchesIntent ? MatchesIntent : Differs;
        });
        return command;
    }

    /// <summary>The stack's access report, or the check report that refuses it for reasons other than access.</summary>
    private static (AccessReport? Report, CheckReport? Refused) Load(string root, string stack)
    {
        var report = StackCheck.Run(root, stack, includeAccess: false);
        return report.Config is { } config ? (AccessCheck.Evaluate(config), null) : (null, report);
    }
}
