using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:iap</c>: Identity-Aware Proxy in front of the serving endpoints.</summary>
public sealed record IapConfig
{
    public bool Enabled { get; init; } = StackFileContract.Iap.Enabled.Default;
    public string? Hostname { get; init; }
    /// <summary>Google-managed OAuth client (default) or a bring-your-own client whose secret is a Pulumi secret.</summary>
    public OAuthClientConfig OAuthClient { get; init; } = OAuthClientConfig.Managed;
    /// <summary>IAM members granted <c>roles/iap.httpsResourceAccessor</c> (group:, user:, serviceAccount:, domain:).</summary>
    public IReadOnlyList<string> Accessors { get; init; } = [];
    /// <summary>Expected IAP JWT audience <c>/projects/NUMBER/global/backendServices/ID</c>, when known.</summary>
    public string? Audience { get; init; }
    /// <summary>Verify the IAP JWT inside the mesh (RequestAuthentication on the ingress gateway).</summary>
    public bool VerifyJwtInMesh { get; init; } = StackFileContract.Iap.VerifyJwtInMesh.Default;
}

/// <summary>The OAuth client IAP uses: the Google-managed one (<see cref="Managed"/>), or a bring-your-own client whose secret is a Pulumi secret.</summary>
public sealed record OAuthClientConfig
{
    public static readonly OAuthClientConfig Managed = new();

    /// <summary>Null for the Google-managed OAuth client.</summary>
    public string? ClientId { get; init; }
    public SecretRef? ClientSecret { get; init; }

    public bool IsManaged => ClientId is null;
}
