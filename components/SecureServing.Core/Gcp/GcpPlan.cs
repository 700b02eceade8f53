using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Every GCP decision for one stack, as typed specs per concern plus <see cref="Resources"/>, the same resources as
/// the Pulumi program registers them (type token, logical name, inputs). Built only by <see cref="GcpPlanner.Plan"/>.
/// </summary>
/// <remarks>
/// <para><b>Components.</b> One Pulumi component per concern; its name is the prefix of its children's logical
/// names: <c>services</c>, <c>network</c>, <c>kms</c>, <c>notifications</c>, <c>binary-authorization</c>, <c>cluster</c>, <c>firewall</c>, <c>registry-dns</c>, <c>image-supply</c>, <c>perimeter</c>,
/// <c>iap</c>, and <c>team-&lt;team&gt;</c> per team.</para>
/// <para><b>Logical names</b> (Pulumi resource names) are <c>&lt;component&gt;-&lt;child&gt;</c>, kebab-case
/// (lower-case a-z, 0-9, single hyphens), deterministic and unique in the plan; they do not contain the stack name
/// (Pulumi URNs already do). Children:
/// <list type="bullet">
/// <item><c>services-&lt;api&gt;</c> (e.g. <c>services-container</c>).</item>
/// <item><c>network-vpc</c>, <c>network-subnet</c>, <c>network-restricted-vip-route</c>, <c>network-router</c>, <c>network-nat</c>.</item>
/// <item><c>kms-key-ring-suffix</c>, <c>kms-key-ring</c>, <c>kms-&lt;secrets|boot-disks&gt;-key</c> and its grant
/// <c>kms-secrets-gke-agent</c> / <c>kms-boot-disks-compute-agent</c>.</item>
/// <item><c>notifications-topic</c>; <c>binary-authorization-policy</c>.</item>
/// <item><c>cluster-node-sa</c>, <c>cluster-node-sa-&lt;role&gt;</c> (e.g. <c>cluster-node-sa-logging-logwriter</c>),
/// <c>cluster-gke</c>, <c>cluster-pool-&lt;pool&gt;</c>.</item>
/// <item><c>firewall-webhook-&lt;knative|kserve|istio|cert-manager&gt;</c>, <c>firewall-egress-deny-all</c>,
/// <c>firewall-egress-&lt;restricted-vip|control-plane|intra-cluster|health-checks&gt;</c>, and for JWKS hosts outside
/// the cluster under <c>egress: restricted</c> <c>firewall-egress-policy</c>, <c>firewall-egress-fqdn</c>,
/// <c>firewall-egress-policy-vpc</c>.</item>
/// <item><c>registry-dns-&lt;domain&gt;-zone|cname|a</c> (e.g. <c>registry-dns-gcr-io-zone</c>).</item>
/// <item><c>image-supply-&lt;registry&gt;</c> (e.g. <c>image-supply-quay-io</c>), <c>image-supply-&lt;registry&gt;-reader</c>, <c>image-supply-vpcsc</c>.</item>
/// <item><c>perimeter-access-policy</c>, <c>perimeter-level-&lt;level&gt;</c>, <c>perimeter-service-perimeter</c>.</item>
/// <item><c>iap-ip</c>, <c>iap-certificate</c>, <c>iap-accessor-&lt;member&gt;</c> (e.g. <c>iap-accessor-group-ml-platform-example-com</c>;
/// a hash suffix only if two members would collide).</item>
/// <item><c>team-&lt;team&gt;-gsa</c>, <c>-workload-identity</c>, <c>-bucket-suffix</c>, <c>-bucket</c>, <c>-bucket-viewer</c>.</item>
/// </list></para>
/// <para><b>GCP names</b> (the <c>name</c>/<c>accountId</c> inputs) are <c>&lt;deploymentName&gt;-&lt;purpose&gt;</c>
/// (e.g. <c>ss-dev-allow-webhook-kserve</c>), except names the config sets (VPC, cluster, node pools, perimeter,
/// access levels). Names over a GCP limit keep their head plus a 6-hex-digit hash (<see cref="GcpNames.Bounded"/>).</para>
/// <para><b>Values known after deploy</b> are <see cref="ResourceRef"/>s, rendered as <c>${logical-name.output}</c>.
/// Resources come in dependency order: every reference points to a resource earlier in <see cref="Resources"/>.
/// Null values and empty lists are left out of the properties, as a component leaves those inputs unset.</para>
/// </remarks>
public sealed record GcpPlan
{
    public required ProjectServicesSpec Services { get; init; }
    /// <summary>Null for <c>provider: existing</c>.</summary>
    public NetworkSpec? Network { get; init; }
    /// <summary>Null unless the stack creates a KMS key (<c>provider: gke</c> with a key set to <c>create</c>).</summary>
    public KmsSpec? Kms { get; init; }
    /// <summary>Null for <c>provider: existing</c> or with notifications off.</summary>
    public NotificationsSpec? Notifications { get; init; }
    /// <summary>Null for <c>binaryAuthorization.mode: disabled</c>.</summary>
    public BinaryAuthorizationSpec? BinaryAuthorization { get; init; }
    /// <summary>Null for <c>provider: existing</c>.</summary>
    public ClusterSpec? Cluster { get; init; }
    /// <summary>Null for <c>provider: existing</c>.</summary>
    public FirewallSpec? Firewall { get; init; }
    /// <summary>Null for <c>provider: existing</c>.</summary>
    public RegistryDnsSpec? RegistryDns { get; init; }
    /// <summary>Null unless the stack installs the serving stack on GKE under <c>egress: restricted</c>.</summary>
    public ImageSupplySpec? ImageSupply { get; init; }
    public required PerimeterSpec Perimeter { get; init; }
    /// <summary>Null when IAP is disabled.</summary>
    public IapSpec? Iap { get; init; }
    /// <summary>Sorted by team name.</summary>
    public required IReadOnlyList<TeamIdentitySpec> Teams { get; init; }

    /// <summary>
    /// Logical names of the GCP resources every Kubernetes object waits for besides the data it uses: the node pools
    /// (webhook pods, and every pod, need nodes), the firewall rules (the control plane reaches the Knative, KServe and
    /// Istio admission webhooks only through them), the registry DNS records (images are pulled through the restricted
    /// VIP), the remote repositories, their readers and the VPC-SC setting the images come through, the IAP address
    /// and certificate the Ingress names in its annotations, and the Binary Authorization policy (no pod is admitted
    /// under the project's default allow-all policy). Empty for <c>cluster.provider: existing</c> without IAP and
    /// without Binary Authorization.
    /// </summary>
    public required IReadOnlyList<string> KubernetesPrerequisites { get; init; }

    /// <summary>
    /// Every resource in a fixed order: services, network, KMS, notifications, Binary Authorization, cluster,
    /// firewall, registry DNS, image supply, perimeter, IAP, teams.
    /// </summary>
    public required IReadOnlyList<RenderedResource> Resources { get; init; }
}
