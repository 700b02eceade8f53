using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// The project's policy: default rule <c>ALWAYS_DENY</c>, allowlist <c>REGION-docker.pkg.dev/PROJECT/**</c> plus
/// <c>binaryAuthorization.admitImages</c>, <c>globalPolicyEvaluationMode: ENABLE</c>
/// </summary>
/// <remarks>
/// Only the stack's Artifact Registry runs, plus Google's GKE system images, which Google's global policy admits (that
/// is what <c>globalPolicyEvaluationMode: ENABLE</c> evaluates first). Enforced in production,
/// <c>DRYRUN_AUDIT_LOG_ONLY</c> elsewhere; the cluster evaluates it (<c>PROJECT_SINGLETON_POLICY_ENFORCE</c>) in both.
/// </remarks>
public static class BinaryAuthorizationPlanner
{
    public static readonly string PolicyName = GcpNames.Child(BinaryAuthorizationSpec.Component, "policy");

    public const string ClusterEnforce = "PROJECT_SINGLETON_POLICY_ENFORCE";
    public const string ClusterDisabled = "DISABLED";
    public const string Enforced = "ENFORCED_BLOCK_AND_AUDIT_LOG";
    public const string DryRun = "DRYRUN_AUDIT_LOG_ONLY";

    /// <summary>The stack's Artifact Registry: every repository of the project in the stack's region.</summary>
    public static string StackRegistryPattern(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return $"{config.Region}-docker.pkg.dev/{config.ProjectId}/**";
    }

    /// <summary>Every admitted pattern: the stack's Artifact Registry first, then <c>binaryAuthorization.admitImages</c>.</summary>
    public static IReadOnlyList<string> AdmitPatterns(PlatformConfig config) =>
        [.. new[] { StackRegistryPattern(config) }.Concat(config.BinaryAuthorization.AdmitImages).Distinct(StringComparer.Ordinal)];

    /// <summary><c>binaryAuthorization.evaluationMode</c> of the GKE cluster.</summary>
    public static string ClusterEvaluationMode(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.BinaryAuthorization.Mode == BinaryAuthorizationMode.Disabled ? ClusterDisabled : ClusterEnforce;
    }

    /// <summary>Null for <c>mode: disabled</c>.</summary>
    public static BinaryAuthorizationSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var mode = config.BinaryAuthorization.Mode;
        if (mode == BinaryAuthorizationMode.Disabled)
        {
            return null;
        }

        return new BinaryAuthorizationSpec
        {
            Policy = new BinaryAuthorizationPolicySpec
            {
                LogicalName = PolicyName,
                Project = config.ProjectId,
                Description = $"SecureServing {config.Stack}: only the stack's Artifact Registry and GKE system images"
                    + (mode == BinaryAuthorizationMode.Enforced ? "" : " (dry run: others are admitted and logged)"),
                GlobalPolicyEvaluationMode = "ENABLE",
                AdmitPatterns = AdmitPatterns(config),
                EvaluationMode = "ALWAYS_DENY",
                EnforcementMode = mode == BinaryAuthorizationMode.Enforced ? Enforced : DryRun,
            },
            Protect = config.IsProduction,
        };
    }

    /// <summary>
    /// True when Binary Authorization admits <paramref name="image"/> through an admitted pattern (tag and digest
    /// ignored; a trailing <c>**</c> matches any depth, a trailing <c>*</c> the rest of one path segment).
    /// </summary>
    public static bool Admits(IEnumerable<string> patterns, string image)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(image);
        var path = image;
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            path = path[..at];
        }

        var colon = path.LastIndexOf(':');
        if (colon > path.LastIndexOf('/'))
        {
            path = path[..colon];
        }

        return patterns.Any(p => Matches(p, path));
    }

    private static bool Matches(string pattern, string path)
    {
        if (pattern.EndsWith("**", StringComparison.Ordinal))
        {
            return path.StartsWith(pattern[..^2], StringComparison.Ordinal) && path.Length > pattern.Length - 2;
        }

        if (pattern.EndsWith('*'))
        {
            var prefix = pattern[..^1];
            return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && !path[prefix.Length..].Contains('/', StringComparison.Ordinal);
        }

        return string.Equals(pattern, path, StringComparison.Ordinal);
    }
}
