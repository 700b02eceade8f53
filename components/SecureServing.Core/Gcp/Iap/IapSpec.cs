using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>iap</c>: the global static IP and Google-managed certificate the IAP-protected GKE Ingress uses,
/// and <c>roles/iap.httpsResourceAccessor</c> for every accessor. The OAuth client is not a GCP resource here:
/// either Google-managed (nothing to create) or bring-your-own, handed to the Kubernetes layer as a secret for the
/// BackendConfig. No <c>gcp:iap/brand</c> or <c>gcp:iap/client</c>: that API was shut down on 2026-03-19.
/// </summary>
public sealed record IapSpec
{
    public const string Component = "iap";

    /// <summary>The hostname IAP serves (<c>iap.hostname</c>, else <c>ingress.hostname</c>).</summary>
    public required string Hostname { get; init; }
    public required GlobalAddressSpec StaticIp { get; init; }
    public required ManagedCertificateSpec Certificate { get; init; }
    /// <summary>
    /// Project-level IAP web IAM: first <c>iap.accessors</c> (sorted by member, unconditional: the platform's own
    /// accessors reach every exposed model), then, per team with an exposed model (sorted by team, then member), the
    /// team's <c>members</c> with an IAM condition limiting them to the IAP hostname and the team's path prefix
    /// <c>/kfserving/&lt;namespace&gt;/</c> (<see cref="IapAccessorSpec.Condition"/>).
    /// </summary>
    public required IReadOnlyList<IapAccessorSpec> Accessors { get; init; }
    public required IapOAuthClientSpec OAuthClient { get; init; }
}

/// <summary><c>gcp:compute/globalAddress:GlobalAddress</c>.</summary>
public sealed record GlobalAddressSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>Also the Ingress annotation value (<see cref="IapNames.StaticIpAnnotation"/>).</summary>
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary><c>EXTERNAL</c>.</summary>
    public required string AddressType { get; init; }
    /// <summary><c>IPV4</c>.</summary>
    public required string IpVersion { get; init; }
    /// <summary>GCP labels (<see cref="GcpLabels"/>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>gcp:compute/managedSslCertificate:ManagedSslCertificate</c>.</summary>
public sealed record ManagedCertificateSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>Also the Ingress annotation value (<see cref="IapNames.PreSharedCertificateAnnotation"/>).</summary>
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary><c>MANAGED</c>.</summary>
    public required string Type { get; init; }
    /// <summary><c>managed.domains</c>.</summary>
    public required IReadOnlyList<string> Domains { get; init; }
}

/// <summary><c>gcp:iap/webIamMember:WebIamMember</c>.</summary>
public sealed record IapAccessorSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary><c>roles/iap.httpsResourceAccessor</c>.</summary>
    public required string Role { get; init; }
    public required string Member { get; init; }
    /// <summary>Null for an unconditional grant (<c>iap.accessors</c>); a team member's grant carries one.</summary>
    public IapConditionSpec? Condition { get; init; }
}

/// <summary>
/// The <c>condition</c> of a <c>gcp:iap/webIamMember:WebIamMember</c>: an IAM condition in CEL on IAP's request
/// attributes (<c>request.host</c>, <c>request.path</c>; IAP normalizes both before it evaluates them).
/// </summary>
public sealed record IapConditionSpec
{
    /// <summary>Short title (required by IAM, at most 100 characters).</summary>
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>e.g. <c>request.host == "models.example.com" &amp;&amp; request.path.startsWith("/kfserving/fraud-models/")</c>.</summary>
    public required string Expression { get; init; }
}

/// <summary>
/// The IAP OAuth client. Managed: the BackendConfig enables IAP without credentials and Google provides the client.
/// Bring-your-own: the Kubernetes layer creates secret <see cref="KubernetesSecretName"/> (keys
/// <c>client_id</c>, <c>client_secret</c>) from <see cref="ClientSecret"/>, a Pulumi secret the core never reads.
/// </summary>
public sealed record IapOAuthClientSpec
{
    public required bool Managed { get; init; }
    public string? ClientId { get; init; }
    public SecretRef? ClientSecret { get; init; }
    /// <summary>Null when <see cref="Managed"/>.</summary>
    public string? KubernetesSecretName { get; init; }
}
