namespace SecureServing.Core.Validation;

public enum Severity { Error, Warning }

/// <summary>
/// One problem in a stack's configuration. Every finding names the file and the key path
/// (e.g. <c>Pulumi.prod.yaml</c> + <c>secure-serving:network.masterCidr</c>), says why it matters and how to fix it.
/// Its key path, message and fix are redacted on the way in (<see cref="SecretShapes.Redact"/>), whoever creates or
/// copies it (<c>with</c> too), so no rule can print a refused value that looks secret.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string File,
    string KeyPath,
    string Message,
    string Fix)
{
    private readonly string _keyPath = SecretShapes.Redact(KeyPath);
    private readonly string _message = SecretShapes.Redact(Message);
    private readonly string _fix = SecretShapes.Redact(Fix);

    public string KeyPath { get => _keyPath; init => _keyPath = SecretShapes.Redact(value); }

    public string Message { get => _message; init => _message = SecretShapes.Redact(value); }

    public string Fix { get => _fix; init => _fix = SecretShapes.Redact(value); }

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
