namespace SecureServing.Core.Validation;

/// <summary>
/// One check <c>check</c> runs. The catalog (<see cref="RuleCatalog"/>) is the single source of rule metadata:
/// the guardrail table of docs/guardrails.md, the findings and the tests all read it.
/// </summary>
/// <param name="Id">Stable rule id, used in findings and in <c>acknowledge</c> entries.</param>
/// <param name="Severity">Default severity of its findings.</param>
/// <param name="Seed">
/// Internal provenance: the design document the rule comes from (000-004), or null for general hygiene. Never printed
/// (users do not have those documents): a rule with a seed cites its public source (title and address, or an upstream
/// issue as <c>owner/repo#number</c>) in <paramref name="Why"/> instead.
/// </param>
/// <param name="Acknowledgeable">Whether a stack or team file may accept the risk with a reason.</param>
/// <param name="Refuses">What the rule refuses, one line.</param>
/// <param name="Why">Why it matters; appended to every finding's message.</param>
/// <param name="Fix">How to fix it (findings may give a more specific fix).</param>
public sealed record Rule(
    string Id,
    Severity Severity,
    string? Seed,
    bool Acknowledgeable,
    string Refuses,
    string Why,
    string Fix)
{
    /// <summary>The rule's row in the guardrail table (docs/guardrails.md).</summary>
    public string GuardrailTableRow =>
        $"| `{Id}` | {(Severity == Severity.Error ? "error" : "warning")} | {Refuses} | {Why} | {Fix}{(Acknowledgeable ? " Or acknowledge it with a reason." : "")} |";
}
