using System.Text;

namespace SecureServing.Core.Validation;

/// <summary>
/// The text form of a <see cref="CheckReport"/>, shared by <c>check</c> and the Pulumi program (which refuses to
/// deploy with the same messages): findings grouped by file, each as
/// <c>  error [RULE] key.path (line N)</c> / <c>    message</c> / <c>    fix: …</c>, then a summary line.
/// </summary>
public static class CheckReportText
{
    /// <summary>The whole report, as <c>check</c> prints it.</summary>
    public static string ToText(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var file in report.Findings.GroupBy(f => f.File))
        {
            text.Append(file.Key).Append('\n');
            foreach (var f in file)
            {
                text.Append(Finding(f));
            }
        }

        text.Append(Summary(report)).Append('\n');
        return text.ToString();
    }

    /// <summary>One finding's three lines (each ending in a newline), without its file header.</summary>
    public static string Finding(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var where = string.Join(' ', new[] { finding.KeyPath, finding.Line is { } l ? $"(line {l})" : "" }.Where(s => s.Length > 0));
        return $"  {SeverityText(finding)} [{finding.RuleId}] {where}".TrimEnd() + "\n"
            + $"    {finding.Message}\n"
            + $"    fix: {finding.Fix}\n";
    }

    /// <summary>One finding with its file header, as <c>check</c> prints a file with that single finding (no trailing newline).</summary>
    public static string FindingWithFile(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return (finding.File + "\n" + Finding(finding)).TrimEnd('\n');
    }

    /// <summary><c>check STACK: OK (N warning(s))</c> or <c>check STACK: N error(s), N warning(s); refused</c>.</summary>
    public static string Summary(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count - errors;
        return errors == 0
            ? $"check {report.Stack}: OK ({warnings} warning(s))"
            : $"check {report.Stack}: {errors} error(s), {warnings} warning(s); refused";
    }

    /// <summary><c>error</c> or <c>warning</c>.</summary>
    public static string SeverityText(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity == Severity.Error ? "error" : "warning";
    }
}
