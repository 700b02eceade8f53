using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Contract;

/// <summary>An <c>acknowledge: [{rule, reason}]</c> list, the same in stack and team files.</summary>
public static class AcknowledgementContract
{
    public static readonly MapKey Entry = new("acknowledge[]", "One accepted risk.",
        new TextKey("rule", "Id of an acknowledgeable rule (see the guardrail table).") { Required = true, TypeName = "rule id", KnownValues = () => AcknowledgeableRules },
        new TextKey("reason", "Why the risk is acceptable here; required and not empty."));

    /// <summary>Ids of the rules an acknowledgement may name.</summary>
    public static IEnumerable<string> AcknowledgeableRules => RuleCatalog.All.Where(r => r.Acknowledgeable).Select(r => r.Id);

    public static MapListKey List(string name, string where) =>
        new(name, $"Accepts the risk of an acknowledgeable rule found in {where}, with a reason; the finding stays visible as a warning.", Entry);
}
