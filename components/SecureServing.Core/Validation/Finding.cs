namespace SecureServing.Core.Validation;

public enum Severity { Error, Warning }

/// <summary>
/// One problem in a stack's configuration. Every finding names the file and the key path
/// (e.g. <c>Pulumi.prod.yaml</c> + <c>secure-serving:network.masterCidr</c>), says why it matters and how to fix it.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string File,
    string KeyPath,
    string Message,
    string Fix)
{
    /// <summary>1-based line of the key in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }
}

/// <summary>
/// The result of loading, validating and guarding one stack. <see cref="Config"/> is null when the stack has any
/// error (loading failed or a guardrail refused it): nothing downstream may act on a refused configuration.
/// </summary>
public sealed record CheckReport(string Stack, Config.PlatformConfig? Config, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
