namespace SecureServing.Core.Config;

/// <summary>
/// The validated configuration of one stack (environment): the stack file's settings plus every team file
/// under <c>stacks/&lt;stack&gt;/</c>. Produced only by <see cref="ConfigLoader"/> after validation; every
/// downstream decision (GCP specs, Kubernetes manifests, render) reads this and nothing else.
/// </summary>
public sealed record PlatformConfig
{
    /// <summary>Stack name, e.g. <c>dev</c> or <c>prod</c>.</summary>
    public required string Stack { get; init; }

    /// <summary><c>secure-serving:deploymentName</c>: prefix of every resource name; at most 25 characters, the limit Kubeflow sets on its deployment name (Kubeflow "Securing Your Clusters", https://v0-5.kubeflow.org/docs/gke/private-clusters/).</summary>
    public required string DeploymentName { get; init; }

    /// <summary><c>gcp:project</c>: project ID.</summary>
    public required string ProjectId { get; init; }

    /// <summary><c>gcp:region</c>.</summary>
    public required string Region { get; init; }

    /// <summary><c>secure-serving:organizationId</c>: numeric organization ID (parent of the access policy).</summary>
    public required string OrganizationId { get; init; }

    /// <summary><c>secure-serving:projectNumber</c>: numeric project number (perimeter resource, IAP audience).</summary>
    public required string ProjectNumber { get; init; }

    /// <summary>True for stacks where critical resources are protected (<c>secure-serving:protect</c>, default true when the stack is named prod).</summary>
    public bool IsProduction { get; init; }

    public required NetworkConfig Network { get; init; }
    public required ClusterConfig Cluster { get; init; }
    public required PerimeterConfig Perimeter { get; init; }
    public required RegistryDnsConfig RegistryDns { get; init; }
    public required IapConfig Iap { get; init; }
    public required MeshConfig Mesh { get; init; }
    public required IngressConfig Ingress { get; init; }
    public required PlatformVersions Versions { get; init; }
    /// <summary><c>secure-serving:serving</c>; absent from a record built in code: the stack installs nothing.</summary>
    public ServingConfig Serving { get; init; } = new();
    public required IReadOnlyList<TeamConfig> Teams { get; init; }
    public BinaryAuthorizationConfig BinaryAuthorization { get; init; } = new();
    public KmsConfig Kms { get; init; } = new();
    public LabelsConfig Labels { get; init; } = new();

    /// <summary>Risks the stack file acknowledges (<c>secure-serving:acknowledge</c>).</summary>
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];
}

/// <summary>An explicit, reasoned acceptance of a guardrail's risk. Only rules marked acknowledgeable accept one.</summary>
public sealed record Acknowledgement(string Rule, string Reason);

/// <summary>
/// A value that is a Pulumi secret in the stack file (<c>secure: v1:...</c>). The core never sees the plaintext:
/// it keeps only where the secret lives so a Pulumi component can read it with <c>Config.RequireSecret*</c>.
/// </summary>
/// <param name="ConfigKey">Full config key, e.g. <c>secure-serving:iap</c>.</param>
/// <param name="Path">Path inside the key's structured value, e.g. <c>oauthClient.clientSecret</c>; empty for a top-level secret.</param>
public sealed record SecretRef(string ConfigKey, string Path)
{
    public override string ToString() => "[secret]";
}
