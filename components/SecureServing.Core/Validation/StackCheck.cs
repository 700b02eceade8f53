namespace SecureServing.Core.Validation;

/// <summary>Entry point shared by <c>check</c>, <c>render</c>, <c>predict</c> and the Pulumi program.</summary>
public static class StackCheck
{
    /// <summary>
    /// Loads <c>Pulumi.&lt;stack&gt;.yaml</c> and <c>stacks/&lt;stack&gt;/*.yaml</c> under <paramref name="repoRoot"/>,
    /// validates them, runs every guardrail and returns all findings at once. Never throws for a user mistake.
    /// </summary>
    public static CheckReport Run(string repoRoot, string stack) =>
        throw new NotImplementedException("owned by the config/validation work (issue 3)");
}
