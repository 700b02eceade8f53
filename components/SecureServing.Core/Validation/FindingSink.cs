namespace SecureServing.Core.Validation;

/// <summary>Collects findings; every finding's message ends with its rule's reason, which cites a public source.</summary>
internal sealed class FindingSink
{
    private readonly List<Finding> _items = [];

    public IReadOnlyList<Finding> Items => _items;

    public void Add(Rule rule, string file, string keyPath, int? line, string message, string? fix = null, Severity? severity = null)
    {
        message = message.TrimEnd();
        if (!message.EndsWith('.') && !message.EndsWith('?'))
        {
            message += ".";
        }

        _items.Add(new Finding(rule.Id, severity ?? rule.Severity, file, keyPath.Length == 0 ? KeyPaths.File : keyPath, $"{message} Why: {rule.Why}", fix ?? rule.Fix)
        {
            Line = line,
        });
    }
}
