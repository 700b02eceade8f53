using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureServing.Core.Validation;

namespace SecureServing.Cli;

/// <summary>
/// <c>check --stack NAME [--repo DIR] [--format text|json]</c>: loads and validates a stack offline and prints every
/// finding grouped by file. Exit 0 when there is no error (warnings allowed), 1 on errors, 2 on usage errors.
/// </summary>
internal static class CheckCommand
{
    public const int Clean = 0;
    public const int Refused = 1;

    public static Command Create()
    {
        var stack = CliCommon.StackOption();
        var repo = CliCommon.RepoOption();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => "text",
        };
        var command = new Command("check", "Validate a stack's configuration and guardrails offline; exit 1 when anything is refused.")
        {
            stack, repo, format,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var formatValue = parseResult.GetValue(format) ?? "text";
            if (formatValue is not ("text" or "json"))
            {
                error.WriteLine($"check: --format must be text or json, not '{formatValue}'.");
                return CliCommon.UsageError;
            }

            var given = parseResult.GetValue(repo);
            var root = CliCommon.FindRepoRoot(given);
            if (root is null)
            {
                error.WriteLine(given is null
                    ? "check: no Pulumi.yaml in the current directory or above; run inside the repository or pass --repo."
                    : $"check: '{given.FullName}' has no Pulumi.yaml; pass the repository root to --repo.");
                return CliCommon.UsageError;
            }

            var report = StackCheck.Run(root, parseResult.GetValue(stack)!);
            output.Write(formatValue == "json" ? ToJson(report) : ToText(report));
            return report.HasErrors ? Refused : Clean;
        });
        return command;
    }

    /// <summary>Findings grouped by file, in the report's order (stack file first).</summary>
    private static IEnumerable<IGrouping<string, Finding>> ByFile(CheckReport report) =>
        report.Findings.GroupBy(f => f.File);

    private static string Severity(Finding f) => CheckReportText.SeverityText(f);

    /// <summary>The text report; the format lives in the core (<see cref="CheckReportText"/>), shared with the Pulumi program.</summary>
    public static string ToText(CheckReport report) => CheckReportText.ToText(report);

    public static string ToJson(CheckReport report)
    {
        var errors = report.Findings.Count(f => f.Severity == Core.Validation.Severity.Error);
        var files = new JsonArray();
        foreach (var file in ByFile(report))
        {
            var findings = new JsonArray();
            foreach (var f in file)
            {
                findings.Add(new JsonObject
                {
                    ["rule"] = f.RuleId,
                    ["severity"] = Severity(f),
                    ["keyPath"] = f.KeyPath,
                    ["line"] = f.Line,
                    ["message"] = f.Message,
                    ["fix"] = f.Fix,
                });
            }

            files.Add(new JsonObject { ["file"] = file.Key, ["findings"] = findings });
        }

        var json = new JsonObject
        {
            ["stack"] = report.Stack,
            ["ok"] = errors == 0,
            ["errors"] = errors,
            ["warnings"] = report.Findings.Count - errors,
            ["files"] = files,
        };
        return json.ToJsonString(JsonOptions) + "\n";
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
