namespace SecureServing.Core.Config;

/// <summary>
/// <c>secure-serving:binaryAuthorization</c>: the project's Binary Authorization policy and the cluster's
/// evaluation mode. The policy admits only images from the stack's Artifact Registry
/// (<c>REGION-docker.pkg.dev/PROJECT/**</c>), Google's GKE system images and <see cref="AdmitImages"/>.
/// </summary>
public sealed record BinaryAuthorizationConfig
{
    /// <summary>Default <c>enforced</c> in production stacks, <c>dryRun</c> otherwise (set by the loader).</summary>
    public BinaryAuthorizationMode Mode { get; init; } = Contract.StackFileContract.BinaryAuthorization.Mode.Default;

    /// <summary>Further admitted image name patterns (<c>HOST/PATH</c> with <c>*</c> and <c>**</c>), e.g. a mirror repository.</summary>
    public IReadOnlyList<string> AdmitImages { get; init; } = [];
}

/// <summary><c>secure-serving:binaryAuthorization.mode</c>: how the project's Binary Authorization policy treats images outside the allowlist.</summary>
public enum BinaryAuthorizationMode
{
    /// <summary>Images outside the allowlist are refused (and logged).</summary>
    Enforced,
    /// <summary>Images outside the allowlist are admitted and logged (<c>DRYRUN_AUDIT_LOG_ONLY</c>).</summary>
    DryRun,
    /// <summary>No policy, cluster evaluation <c>DISABLED</c>.</summary>
    Disabled,
}
