namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>binary-authorization</c>: the project's Binary Authorization policy (one per project). The default
/// rule denies every image; the allowlist admits the stack's Artifact Registry and the configured patterns; Google's
/// system policy admits the GKE system images. Enforced in production, dry-run (admitted, audit-logged) elsewhere.
/// </summary>
public sealed record BinaryAuthorizationSpec
{
    public const string Component = "binary-authorization";

    public required BinaryAuthorizationPolicySpec Policy { get; init; }
    /// <summary>Pulumi <c>protect</c>: deleting the policy would reset the project to admit every image.</summary>
    public required bool Protect { get; init; }
}

/// <summary><c>gcp:binaryauthorization/policy:Policy</c>.</summary>
public sealed record BinaryAuthorizationPolicySpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Description { get; init; }
    /// <summary>
    /// <c>ENABLE</c>: Google's global policy for common system images is evaluated first, so GKE's own images (in
    /// kube-system and other GKE-managed namespaces) are admitted without being listed here.
    /// </summary>
    public required string GlobalPolicyEvaluationMode { get; init; }
    /// <summary><c>admissionWhitelistPatterns[].namePattern</c>: always admitted.</summary>
    public required IReadOnlyList<string> AdmitPatterns { get; init; }
    /// <summary><c>defaultAdmissionRule.evaluationMode</c>: <c>ALWAYS_DENY</c> (only the allowlist passes).</summary>
    public required string EvaluationMode { get; init; }
    /// <summary><c>ENFORCED_BLOCK_AND_AUDIT_LOG</c> or <c>DRYRUN_AUDIT_LOG_ONLY</c>.</summary>
    public required string EnforcementMode { get; init; }
}
