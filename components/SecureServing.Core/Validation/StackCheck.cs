using SecureServing.Core.Config;
using SecureServing.Core.Validation.Rules;

namespace SecureServing.Core.Validation;

/// <summary>Entry point shared by <c>check</c>, <c>render</c>, <c>predict</c> and the Pulumi program.</summary>
public static class StackCheck
{
    /// <summary>Every rule over the loaded model, in order. Loading rules (syntax, types, keys, secrets) run in the loader.</summary>
    private static readonly Action<RuleContext>[] Rules =
    [
        NameRules.Check,
        DerivedNameRules.Check,
        DuplicateNameRules.Check,
        NetworkRules.Check,
        ClusterRules.Check,
        HardeningRules.Check,
        NamespaceRules.Check,
        MeshRules.Check,
        IapRules.Check,
        IngressRules.Check,
        PerimeterRules.Check,
        RegistryRules.Check,
        VersionRules.Check,
        WorkloadRules.Check,
    ];

    /// <summary>
    /// Loads <c>Pulumi.&lt;stack&gt;.yaml</c> and <c>stacks/&lt;stack&gt;/*.yaml</c> under <paramref name="repoRoot"/>,
    /// validates them, runs every guardrail and returns all findings at once. Never throws for a user mistake.
    /// The report's config is null when any error remains (after acknowledgements).
    /// </summary>
    public static CheckReport Run(string repoRoot, string stack) => Run(repoRoot, stack, includeAccess: true);

    /// <summary>
    /// As <see cref="Run(string, string)"/>; with <paramref name="includeAccess"/> false, without the access gate
    /// (<see cref="AccessRules"/>), which runs only on a configuration every other rule accepts.
    /// </summary>
    public static CheckReport Run(string repoRoot, string stack, bool includeAccess)
    {
        var load = ConfigLoader.Load(repoRoot, stack);
        var findings = new List<Finding>(load.Findings);
        if (load.Config is { } config)
        {
            var sink = new FindingSink();
            var ctx = new RuleContext(config, load.StackFile, load.Sources, sink);
            foreach (var rule in Rules)
            {
                rule(ctx);
            }

            findings.AddRange(sink.Items);
        }

        var acknowledged = AcknowledgementPolicy.Apply(findings, load.Config, load.StackFile, load.Sources).ToList();
        if (includeAccess && load.Config is { } accepted && !acknowledged.Any(f => f.Severity == Severity.Error))
        {
            var sink = new FindingSink();
            AccessRules.Check(new RuleContext(accepted, load.StackFile, load.Sources, sink));
            acknowledged.AddRange(sink.Items);
        }

        var final = acknowledged
            .Distinct()
            .OrderBy(f => f.File == load.StackFile ? 0 : 1)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.KeyPath, StringComparer.Ordinal)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var hasErrors = final.Any(f => f.Severity == Severity.Error);
        return new CheckReport(stack, hasErrors ? null : load.Config, final);
    }
}
