namespace SecureServing.Core.Validation;

/// <summary>Every rule <c>check</c> runs, with its metadata. Add a rule here, then in a file under <c>Rules/</c>.</summary>
public static class RuleCatalog
{
    // Provenance of a rule (Rule.Seed, never printed): the design document it comes from. Each rule with one cites the
    // public page instead in its Why text.
    /// <summary>Design document 000: the KFServing GCP/IAP example (IAP in front of the models, its JWT checked in the mesh).</summary>
    private const string IapExampleSeed = "000";
    /// <summary>Design document 001: KServe authentication integration (who may call a model).</summary>
    private const string KserveAuthenticationSeed = "001";
    /// <summary>Design document 002: securing clusters with VPC Service Controls and private GKE.</summary>
    private const string PrivateClusterSeed = "002";
    /// <summary>Design document 003: securing InferenceServices with the service mesh (mTLS, team isolation).</summary>
    private const string ServiceMeshSeed = "003";
    /// <summary>Design document 004: HTTPS in front of the Kubeflow authentication (TLS at the ingress).</summary>
    private const string IngressTlsSeed = "004";

    // Public sources the rules' Why texts cite (title and address), so a user can read the reasoning.
    private const string KubeflowPrivateGke = "Kubeflow, \"Securing Your Clusters\" (VPC Service Controls and private GKE), https://v0-5.kubeflow.org/docs/gke/private-clusters/";
    private const string KserveServiceMesh = "KServe, \"Secure InferenceService with ServiceMesh\", https://kserve.github.io/website/latest/admin/serverless/servicemesh/";
    private const string KfservingGcpIap = "KServe sample \"KFServing GCP/IAP Example\", https://github.com/kserve/kserve/tree/master/docs/samples/gcp-iap";
    private const string IapSignedHeaders = "Google Cloud, \"Securing your app with signed headers\", https://cloud.google.com/iap/docs/signed-headers-howto";
    private const string IstioRequestAuthentication = "Istio, \"RequestAuthentication\", https://istio.io/latest/docs/reference/config/security/request_authentication/";
    private const string IstioSecureGateways = "Istio, \"Secure Gateways\", https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/";
    private const string VpcScPrivateConnectivity = "Google Cloud, \"Private Google Access with VPC Service Controls\", https://cloud.google.com/vpc-service-controls/docs/private-connectivity";
    private const string KubeflowHttps = "Kubeflow, \"Securing the Kubeflow authentication with HTTPS\", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/";

    // ---- Loading and structure ------------------------------------------------------------------------------
    public static readonly Rule StackFileMissing = new("stack-file-missing", Severity.Error, null, false,
        "A stack with no `Pulumi.<stack>.yaml`.",
        "The stack file holds the environment's settings; without it there is nothing to check or deploy.",
        "Create `Pulumi.<stack>.yaml` (start from `Pulumi.dev.yaml`) or pass the right `--stack`.");

    public static readonly Rule YamlSyntax = new("yaml-syntax", Severity.Error, null, false,
        "A stack or team file that is not valid YAML (including duplicate keys).",
        "A file that does not parse cannot be checked, so nothing in it is trusted.",
        "Fix the YAML at the reported line (indentation, quotes, a colon after each key).");

    public static readonly Rule WrongType = new("wrong-type", Severity.Error, null, false,
        "A value of the wrong type (a list where a map belongs, `yes` for a boolean, a secret where a plain value belongs).",
        "A mistyped value would silently fall back to a default or crash the deployment.",
        "Write the value with the type docs/configuration.md, section \"Stack file reference\" (or \"Team files\"), gives for the key.");

    public static readonly Rule MissingKey = new("missing-key", Severity.Error, null, false,
        "A required key that is absent or empty.",
        "The platform has no safe default for it.",
        "Add the key under `config:` in the stack file, or at the top of the team file; docs/configuration.md, sections \"Stack file reference\" and \"Team files\", shows examples.");

    public static readonly Rule UnknownKey = new("unknown-key", Severity.Error, null, false,
        "A key the configuration does not define (with a did-you-mean suggestion).",
        "A misspelt key is ignored silently by most tools, so the setting you meant would never apply.",
        "Rename the key to the suggested one, or remove it.");

    public static readonly Rule InvalidValue = new("invalid-value", Severity.Error, null, false,
        "A value outside the allowed set or format (enum values, IDs, hostnames, node pool sizes, access policy).",
        "GCP or Kubernetes would reject it at deployment time, after part of the stack is already changed.",
        "Use one of the values the message lists.");

    public static readonly Rule OrphanTeamFolder = new("orphan-team-folder", Severity.Error, null, false,
        "A team folder `stacks/<name>/` with no `Pulumi.<name>.yaml`.",
        "Team files there are never deployed; usually a typo in the folder name (e.g. `stacks/prd/`).",
        "Move the team files to an existing stack's folder, or create `Pulumi.<name>.yaml`.");

    public static readonly Rule TeamFileName = new("team-file-name", Severity.Error, null, false,
        "A team file whose name is not `<team>.yaml`.",
        "CODEOWNERS gives each team its own file by name; a mismatch lets one team edit another's settings.",
        "Rename the file to `<team>.yaml` or fix `team:`.");

    public static readonly Rule DuplicateName = new("duplicate-name", Severity.Error, null, false,
        "Two teams, models of one team, node pools or access levels with the same name.",
        "Both would map to the same cloud or Kubernetes resource; the second silently replaces the first.",
        "Give each one a unique name.");

    public static readonly Rule FileTooLarge = new("file-too-large", Severity.Error, null, false,
        "A stack or team file over 1 MiB.",
        "The loader reads whole files into memory; a limit keeps a hostile or generated file from exhausting it (shipped files are a few KB).",
        "Split the settings, or remove what does not belong in the file.");

    public static readonly Rule YamlTooDeep = new("yaml-too-deep", Severity.Error, null, false,
        "Maps and lists nested more than 64 deep.",
        "Deep nesting (tens of thousands of `[`) would overflow the loader's stack; no setting nests more than a few levels.",
        "Flatten the structure at the reported line.");

    public static readonly Rule YamlAliasLimit = new("yaml-alias-limit", Severity.Error, null, false,
        "More than 100 aliases (`*name`) in one file, or an alias inside the node it refers to.",
        "An alias stands for a whole node; a self-referencing one never ends, and many of them multiply the work of every check.",
        "Write the values out instead of repeating them with aliases.");

    public static readonly Rule YamlTooManyNodes = new("yaml-too-many-nodes", Severity.Error, null, false,
        "More than 100,000 nodes in one file, each alias counted as the nodes it stands for.",
        "A few nested aliases (a 1 KB \"billion laughs\" file) expand to billions of nodes and would keep `check` busy for minutes.",
        "Remove the aliases that repeat large nodes.");

    public static readonly Rule YamlMultipleDocuments = new("yaml-multiple-documents", Severity.Error, null, false,
        "A stack or team file with more than one YAML document (a `---` after the first).",
        "Only the first document is read; settings after the `---` would be silently ignored.",
        "Remove the `---` line and merge the documents.");

    public static readonly Rule TeamFileExtension = new("team-file-extension", Severity.Error, null, false,
        "A file in `stacks/<stack>/` that is not named `<team>.yaml` (`.yml`, `.YAML`, no extension, a folder).",
        "Only `<team>.yaml` files are read and owned per team in CODEOWNERS (`stacks/*/<team>.yaml`); any other file there would be silently never deployed, or deployed without its owners' review.",
        "Rename it to `<team>.yaml` (merge it into the existing file if there is one), or move it out of `stacks/`.");

    // ---- Names ------------------------------------------------------------------------------------------------
    public static readonly Rule DeploymentName = new("deployment-name", Severity.Error, PrivateClusterSeed, false,
        "A `deploymentName` longer than 25 characters or not lowercase letters, digits and hyphens starting with a letter.",
        "It prefixes every resource name; the Kubeflow private-cluster guide limits the deployment name to 25 characters so derived names stay within GCP limits. Source: " + KubeflowPrivateGke + ".",
        "Use a short name such as `ss-prod`.");

    public static readonly Rule ClusterName = new("cluster-name", Severity.Error, null, false,
        "A GKE cluster, VPC or node pool name that is not 1-40 lowercase letters, digits and hyphens starting with a letter.",
        "GKE rejects the name at creation time.",
        "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.");

    public static readonly Rule ReservedPoolName = new("reserved-pool-name", Severity.Error, null, false,
        "A node pool named `default-pool` in a cluster the stack creates.",
        "GKE gives that name to the pool it creates with the cluster, which the stack removes; the provider deletes the pool of that name whenever it removes the default pool again, yours included (hashicorp/terraform-provider-google#13501).",
        "Choose another name; a system pool that must match `default-pool` for an organization policy can be `system-default-pool`.");

    public static readonly Rule VpcScName = new("vpc-sc-name", Severity.Error, PrivateClusterSeed, false,
        "A perimeter or access-level name with anything but letters, digits and underscores.",
        "Access Context Manager refuses hyphens in these names (the Kubeflow guide: 'the name for the level can't have any hyphens'). Source: " + KubeflowPrivateGke + ".",
        "Replace hyphens with underscores, e.g. `ss_prod_builders`.");

    public static readonly Rule NamespaceName = new("namespace-name", Severity.Error, null, false,
        "A team namespace or allowed namespace that is not a DNS-1123 label.",
        "Kubernetes rejects the namespace.",
        "Use at most 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");

    public static readonly Rule ModelName = new("model-name", Severity.Error, null, false,
        "A model name that is not a DNS-1123 label starting with a letter (at most 45 characters).",
        "The name becomes an InferenceService and Knative service name, and a hostname label with the namespace.",
        "Use lowercase letters, digits and hyphens, starting with a letter, e.g. `sklearn-iris`.");

    public static readonly Rule TeamName = new("team-name", Severity.Error, null, false,
        "A team name that is not a DNS-1123 label of at most 20 characters.",
        "It names the team's service account, bucket and IAM bindings.",
        "Use lowercase letters, digits and hyphens, e.g. `fraud`.");

    public static readonly Rule DerivedNameInvalid = new("derived-name-invalid", Severity.Error, null, false,
        "A name the platform gives a cloud or Kubernetes resource (service account ID, bucket, Pub/Sub topic, Knative host, Secret, ClusterIssuer, DNS zone) that the target API would refuse.",
        "The name is only checked by the API at deployment time, after part of the stack is already changed; Cloud Storage also refuses \"google\" anywhere in a bucket name and a \"goog\" prefix (Cloud Storage, \"Bucket naming rules\", https://cloud.google.com/storage/docs/buckets#naming), Kubernetes names are DNS-1123 (Kubernetes, \"Object Names and IDs\", https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).",
        "Change the config key the message names; the message gives the derived name and the rule it breaks.");

    public static readonly Rule DerivedNameCollision = new("derived-name-collision", Severity.Error, null, false,
        "Two config entries whose derived names are the same after every transformation (case folding, hyphen runs, shortening): a team named `nodes` and the node service account, access levels differing in case, two models with one Knative host.",
        "Both would map to one cloud or Kubernetes resource; the second silently replaces or shares the first (its identity, its bucket, its hostname).",
        "Rename one of the two entries the message names.");

    // ---- Network ----------------------------------------------------------------------------------------------
    public static readonly Rule CidrSyntax = new("cidr-syntax", Severity.Error, null, false,
        "A CIDR that does not parse or has host bits set (`10.0.0.1/24`).",
        "GCP rejects it, or it covers a different range than the one you wrote.",
        "Write the network address with its prefix, e.g. `10.10.0.0/20`.");

    public static readonly Rule CidrOverlap = new("cidr-overlap", Severity.Error, PrivateClusterSeed, false,
        "Overlapping subnet, pods, services and control-plane ranges, or any of them overlapping the restricted Google APIs VIP 199.36.153.4/30.",
        "Overlapping ranges break routing between nodes, pods, services and the control plane; the restricted VIP must stay reachable for Google APIs inside the perimeter. Source: " + VpcScPrivateConnectivity + ".",
        "Pick disjoint ranges; the message names both.");

    public static readonly Rule MasterCidrSize = new("master-cidr-size", Severity.Error, null, false,
        "A control-plane range (`masterCidr`) that is not a /28.",
        "GKE requires a /28 for a private cluster's control plane.",
        "Use a /28 such as `172.16.0.0/28`.");

    public static readonly Rule OpenToWorld = new("open-to-world", Severity.Error, PrivateClusterSeed, false,
        "`0.0.0.0/0` or `::/0` in authorized networks, access-level IP ranges or any CIDR list.",
        "It opens the control plane or the perimeter to the whole internet, undoing the private cluster. Source: " + KubeflowPrivateGke + ".",
        "List the specific ranges of your offices, VPN or CI runners.");

    public static readonly Rule RangeTooBroad = new("range-too-broad", Severity.Error, null, true,
        "An authorized network or access-level IP range broader than /8 (IPv6: /32), or a list of them covering more addresses than one /8.",
        "A range that broad admits a large share of the internet (`0.0.0.0/1` plus `128.0.0.0/1` is all of it) while looking like a restriction.",
        "List the specific ranges of your offices, VPN or CI runners.");

    // ---- Cluster ----------------------------------------------------------------------------------------------
    public static readonly Rule PublicEndpointInProd = new("public-endpoint-in-prod", Severity.Error, PrivateClusterSeed, false,
        "`cluster.endpoint: public` in a production stack.",
        "A public control-plane IP is reachable from the internet; private GKE is meant to remove public addresses. Source: " + KubeflowPrivateGke + ".",
        "Use `endpoint: dns` (IAM-guarded, no public IP) or `private`.");

    public static readonly Rule AuthorizedNetworksIgnored = new("authorized-networks-ignored", Severity.Warning, null, false,
        "`masterAuthorizedNetworks` with `endpoint: dns`.",
        "The DNS-based endpoint is guarded by IAM; authorized networks only apply to IP endpoints, so the list gives a false sense of protection.",
        "Remove the list, or use `endpoint: private`.");

    public static readonly Rule DeletionProtectionOffInProd = new("deletion-protection-off-in-prod", Severity.Error, null, true,
        "`cluster.deletionProtection: false` in a production stack.",
        "One mistaken `pulumi destroy` or replacement would delete the production cluster and every model on it.",
        "Set `deletionProtection: true`.");

    public static readonly Rule KubeconfigMissing = new("kubeconfig-missing", Severity.Error, null, false,
        "`cluster.provider: existing` without `cluster.kubeconfig` as a Pulumi secret.",
        "An existing cluster is reached only through its kubeconfig, which holds credentials.",
        "Run `pulumi config set --secret --path 'secure-serving:cluster.kubeconfig' < kubeconfig`.");

    // ---- Hardened organization (production) -------------------------------------------------------------------
    public static readonly Rule BinaryAuthorizationNotEnforced = new("binary-authorization-not-enforced", Severity.Error, null, true,
        "`binaryAuthorization.mode` other than `enforced` in a production stack.",
        "Without enforcement any image, from any registry, runs in the cluster; a hardened organization (Cloud Foundation Fabric's hardened dataset enforces `container.managed.enableBinaryAuthorization`) refuses such a cluster. See Binary Authorization overview, https://cloud.google.com/binary-authorization/docs/overview.",
        "Set `binaryAuthorization.mode: enforced` once the dry-run audit logs show only admitted images.");

    public static readonly Rule SecretsNotEncrypted = new("secrets-not-encrypted", Severity.Error, null, true,
        "`cluster.secretsEncryption: none` in a production stack.",
        "Kubernetes Secrets in etcd are then protected by Google-managed keys only: a key you control, rotate and can revoke is what `container.managed.enableSecretsEncryption` requires. See Encrypt secrets at the application layer, https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets.",
        "Set `cluster.secretsEncryption: create` (or an existing key in the cluster's region).");

    public static readonly Rule BootDisksNotCmek = new("boot-disks-not-cmek", Severity.Error, null, true,
        "`cluster.bootDiskEncryption: none` in a production stack.",
        "Node boot disks (images, logs, emptyDir data) would not use a customer-managed key; hardened organizations require CMEK on node pool boot disks (`custom.gkeRequireNodePoolCMEKEncryption`). See Use customer-managed encryption keys (CMEK), https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek.",
        "Set `cluster.bootDiskEncryption: create` (or an existing key in the cluster's region).");

    public static readonly Rule DataNotCmek = new("data-not-cmek", Severity.Error, null, true,
        "`kms.buckets`, `kms.notifications` or `kms.images` set to `none` in a production stack.",
        "The team buckets (the models), the notifications topic or the image cache would then be encrypted with Google-managed keys only, which you cannot rotate, disable or audit; hardened organizations refuse such resources outright (`gcp.restrictNonCmekServices` lists `storage.googleapis.com`, `pubsub.googleapis.com` and `artifactregistry.googleapis.com`). See Customer-managed encryption keys (CMEK), https://cloud.google.com/kms/docs/cmek.",
        "Set the key to `create` (or an existing key in the stack's region).");

    public static readonly Rule KeyRotationOver90Days = new("key-rotation-over-90-days", Severity.Warning, null, false,
        "`kms.rotationDays` above 90 in a production stack whose keys the stack creates.",
        "Each key version then protects more data for longer; hardened organizations refuse keys that rotate less often than every 90 days (Cloud Foundation Fabric's `custom.cloudkmsAllowedRotationPeriod`), so the keys would not be created there. See Key rotation, https://cloud.google.com/kms/docs/key-rotation.",
        "Set `kms.rotationDays` to 90 or less.");

    public static readonly Rule GroupsRbacOff = new("groups-rbac-off", Severity.Error, null, true,
        "A production stack without `cluster.securityGroup`.",
        "Without Google Groups for RBAC every RoleBinding names individual users, so leavers keep cluster access until someone edits the bindings; `container.managed.enableGoogleGroupsRBAC` requires it. See Configure Google Groups for RBAC, https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac.",
        "Set `cluster.securityGroup: gke-security-groups@YOUR-DOMAIN` (create that group in Cloud Identity and nest your groups in it).");

    public static readonly Rule SecurityBulletinsOff = new("security-bulletins-off", Severity.Error, null, true,
        "A production stack whose `cluster.notifications` are off or do not include `securityBulletin`.",
        "Nobody hears of a GKE security bulletin that affects the cluster until it is exploited; `container.managed.enableSecurityBulletinNotifications` requires the notifications. See Cluster notifications, https://cloud.google.com/kubernetes-engine/docs/concepts/cluster-notifications.",
        "Set `cluster.notifications.enabled: true` with `securityBulletin` among `events`, and subscribe your alerting to the topic.");

    public static readonly Rule IntranodeVisibilityOff = new("intranode-visibility-off", Severity.Error, null, true,
        "`cluster.intranodeVisibility: false` in a production stack.",
        "Pod-to-pod traffic on one node then never reaches the VPC network, so flow logs and firewall rules do not see it; hardened organizations require it (`custom.gkeRequireIntraNodeVisibility`). See Set up intranode visibility, https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility.",
        "Set `cluster.intranodeVisibility: true`.");

    public static readonly Rule ClusterLoggingReduced = new("cluster-logging-reduced", Severity.Error, null, true,
        "A production stack whose `cluster.logging` lacks `systemComponents` or `workloads`.",
        "System and workload logs are what an incident investigation starts from; `container.managed.enableCloudLogging` requires Cloud Logging. See About GKE logs, https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs.",
        "List `systemComponents` and `workloads` in `cluster.logging` (or remove the key for the production default).");

    public static readonly Rule RapidChannelInProd = new("rapid-channel-in-prod", Severity.Error, null, true,
        "`cluster.releaseChannel: rapid` in a production stack.",
        "Rapid gets versions before they are proven and without the stability support of regular and stable; hardened organizations allow only REGULAR and STABLE (`custom.gkeAllowedReleaseChannels`). See About release channels, https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels.",
        "Use `releaseChannel: regular` or `stable`.");

    public static readonly Rule SecurityPostureOff = new("security-posture-off", Severity.Error, null, true,
        "`cluster.securityPosture.mode: disabled` in a production stack.",
        "The security posture dashboard is what reports workload misconfigurations (privileged pods, host paths) in the cluster. See About the security posture dashboard, https://cloud.google.com/kubernetes-engine/docs/concepts/about-security-posture-dashboard.",
        "Set `cluster.securityPosture.mode: basic` (free) or `enterprise`.");

    public static readonly Rule PerimeterNotEnforced = new("perimeter-not-enforced", Severity.Error, null, true,
        "`perimeter.mode: dryRun` in a production stack.",
        "A dry-run perimeter only logs violations: data can still be copied out of the project. Dry run is for trying a perimeter out; to try a change next to an enforced perimeter use `perimeter.dryRun`. See Dry run mode for service perimeters, https://cloud.google.com/vpc-service-controls/docs/dry-run-mode.",
        "Set `perimeter.mode: enforced` once the dry-run violation logs are clean.");

    public static readonly Rule IngressFromAnyIdentity = new("ingress-from-any-identity", Severity.Error, null, true,
        "A perimeter ingress policy with `identityType` (any identity, any user or any service account) in a production stack.",
        "Anyone of that kind who can reach the listed sources gets through the perimeter; ingress rules are meant to name the identities that need in. See Ingress and egress rules, https://cloud.google.com/vpc-service-controls/docs/ingress-egress-rules.",
        "List the `identities` that need access instead of `identityType`.");

    public static readonly Rule IngressFromAnySource = new("ingress-from-any-source", Severity.Error, null, true,
        "A perimeter ingress policy with source `accessLevel: \"*\"` (any network, any device) in a production stack.",
        "The identities then get in from anywhere, so a leaked credential works from any machine; sources are what ties access to your networks and devices. See Ingress and egress rules, https://cloud.google.com/vpc-service-controls/docs/ingress-egress-rules.",
        "Use an access level (e.g. your runners' ranges) or `resource: projects/NUMBER` as source, or acknowledge it for callers with no fixed network (e.g. hosted CI runners).");

    public static readonly Rule IngressOpenToAll = new("ingress-open-to-all", Severity.Error, null, false,
        "A perimeter ingress policy from any identity of a kind (`identityType`) and any source (`accessLevel: \"*\"`), in any stack.",
        "That policy lets every account of the kind in from anywhere: for the services it lists the perimeter no longer exists. See Ingress and egress rules, https://cloud.google.com/vpc-service-controls/docs/ingress-egress-rules.",
        "Name the `identities`, and restrict `sources` to access levels or projects.");

    public static readonly Rule EgressToAnyResource = new("egress-to-any-resource", Severity.Error, null, true,
        "A perimeter egress policy to `resources: [\"*\"]` (any project) in a production stack.",
        "Data may then be written to any project outside the perimeter, the exfiltration the perimeter is there to stop. See Ingress and egress rules, https://cloud.google.com/vpc-service-controls/docs/ingress-egress-rules.",
        "List the projects (`projects/NUMBER`) the identities need to reach.");

    public static readonly Rule ServingImagesNotAdmitted = new("serving-images-not-admitted", Severity.Error, null, false,
        "The installed serving stack without `network.egress: restricted` (it then pulls Istio, cert-manager, Knative and KServe from docker.io, quay.io and gcr.io) while the Binary Authorization policy does not admit those images (a warning while `binaryAuthorization.mode: dryRun`).",
        "The policy admits only the stack's Artifact Registry and `binaryAuthorization.admitImages`: the gateways, the webhooks and the sidecar and queue-proxy of every model would be refused, so nothing is served (in dry run: logged). See Policy YAML reference, https://cloud.google.com/binary-authorization/docs/policy-yaml-reference.",
        "Use `network.egress: restricted` (the stack then pulls every image through its own Artifact Registry remote repositories, which the policy admits), or list the upstream repositories in `binaryAuthorization.admitImages` (e.g. `docker.io/istio/*`, `quay.io/jetstack/*`, `gcr.io/knative-releases/**`, `docker.io/kserve/*`).");

    public static readonly Rule ImageNotAdmitted = new("image-not-admitted", Severity.Error, null, false,
        "A model `image` that the Binary Authorization policy does not admit, as the cluster pulls it (a warning while `binaryAuthorization.mode: dryRun`).",
        "The policy admits only the stack's Artifact Registry (with the installed serving stack under `network.egress: restricted`, that includes the remote repositories images from proxied registries are pulled through) and `binaryAuthorization.admitImages`; the model's pods would be refused (in dry run: logged). See Policy YAML reference, https://cloud.google.com/binary-authorization/docs/policy-yaml-reference.",
        "Push the image to the stack's Artifact Registry (`REGION-docker.pkg.dev/PROJECT/...`), or ask the platform team to add its repository to `binaryAuthorization.admitImages`.");

    // ---- Namespaces -------------------------------------------------------------------------------------------
    public static readonly Rule NamespaceClaimedTwice = new("namespace-claimed-twice", Severity.Error, null, false,
        "Two team files claiming the same namespace.",
        "Namespace isolation and team identities assume one team per namespace; two teams would share credentials and policies.",
        "Give each team its own namespace.");

    public static readonly Rule SystemNamespace = new("system-namespace", Severity.Error, ServiceMeshSeed, false,
        "A team namespace, or an entry of a team's `allowedNamespaces`, that is a system namespace (default, istio-system, knative-serving, kserve, kube-system, cert-manager, gke-*, ...).",
        "Team policies there would apply to the platform itself, and allowing one admits every platform workload in it: knative-serving is the activator, which proxies for any caller (knative-extensions/net-istio#554), and istio-system holds the gateways every caller passes through. Source: " + KserveServiceMesh + ".",
        "Use a namespace of its own, e.g. `<team>-models`, and list only the namespaces of the workloads that call the models.");

    // ---- Mesh guardrails ---------------------------------------------------------------------------------------
    public static readonly Rule SidecarOffWithAuthorization = new("sidecar-off-with-authorization", Severity.Error, IapExampleSeed, true,
        "A model with `sidecarInjection: false` in a team whose namespace authorization is on.",
        "Without the Istio sidecar there is no mesh authorization for the model (the KFServing IAP example warns this is unlikely to be suitable for production). Source: " + KfservingGcpIap + ".",
        "Remove `sidecarInjection: false`.");

    public static readonly Rule ActivatorBypassesIsolation = new("activator-bypasses-isolation", Severity.Error, ServiceMeshSeed, true,
        "A model with `activator: on` in a team with namespace isolation.",
        "With the activator on the request path the AuthorizationPolicy only sees knative-serving as the caller and cannot check the originating namespace (knative-extensions/net-istio#554). Source: " + KserveServiceMesh + ".",
        "Set `activator: \"off\"` (targetBurstCapacity 0).");

    public static readonly Rule TopLevelVirtualService = new("top-level-virtual-service", Severity.Error, null, false,
        "`mesh.disableIstioVirtualHost: false` unless the local gateway is open to callers outside the mesh (`outOfMeshCallers` with `mtls: namespace` and `knativeLocalGatewayTls: none`).",
        "KServe's top-level virtual service routes every caller through the cluster-local gateway, so a model sees only the gateway's identity and its policy cannot check the caller's namespace (Secure InferenceService with ServiceMesh, https://kserve.github.io/website/latest/admin/serverless/servicemesh: disable it for namespace isolation); the gateway admits only the public gateway, so those routes would be refused.",
        "Set `disableIstioVirtualHost: true` (the default); callers in the mesh call `<model>-predictor.<namespace>.svc.cluster.local`.");

    public static readonly Rule OutOfMeshCallersBlocked = new("out-of-mesh-callers-blocked", Severity.Error, null, false,
        "`mesh.outOfMeshCallers: true` under `mesh.mtls: mesh`, or under `mtls: namespace` while `knativeLocalGatewayTls` is `istioMutual`.",
        "A caller outside the mesh sends plaintext and has no identity. Under mesh-wide STRICT the only port of entry with routes would be the cluster-local gateway opened to plaintext, which admits every pod to every model and undoes the strict mTLS the stack asks for; KServe's dedicated local gateway has routes only through the top-level virtual service, which hides every caller's namespace (Secure InferenceService with ServiceMesh, https://kserve.github.io/website/latest/admin/serverless/servicemesh). An ISTIO_MUTUAL local gateway refuses plaintext callers.",
        "Inject sidecars into the calling workloads (label their namespace `istio-injection=enabled`) and list their namespace in the team's `allowedNamespaces`; or, under `mtls: namespace` only, set `knativeLocalGatewayTls: none` and acknowledge `out-of-mesh-callers-bypass-isolation`.");

    public static readonly Rule OutOfMeshCallersBypassIsolation = new("out-of-mesh-callers-bypass-isolation", Severity.Error, null, true,
        "`mesh.outOfMeshCallers: true` (with `mtls: namespace` and `knativeLocalGatewayTls: none`) while a team has namespace isolation.",
        "Plaintext callers carry no identity, so the cluster-local gateway cannot tell them from any other pod: it admits everyone, and every model admits the gateway, so every pod in the cluster, in the mesh or not, reaches every model (Istio authorization: source identities need mutual TLS, https://istio.io/latest/docs/reference/config/security/authorization-policy/).",
        "Move the callers into the mesh (sidecar injection) and list their namespace in `allowedNamespaces`, then remove `outOfMeshCallers`.");

    public static readonly Rule LocalGatewayWithoutMtls = new("local-gateway-without-mtls", Severity.Error, null, false,
        "`mesh.knativeLocalGatewayTls: none` without `mesh.outOfMeshCallers`.",
        "Without Istio mTLS on knative-local-gateway the cluster-local gateway sees no caller's identity, so it cannot admit the public gateway's IAP route while refusing everyone else; under `mtls: mesh` the mesh-wide DestinationRule also makes clients send mTLS it cannot accept.",
        "Set `knativeLocalGatewayTls: istioMutual` (the default).");

    public static readonly Rule IapJwtNotVerified = new("iap-jwt-not-verified", Severity.Error, KserveAuthenticationSeed, false,
        "IAP enabled with `verifyJwtInMesh: false`.",
        "Without the IAP JWT check on the public gateway, anything that reaches the gateway pods without passing the load balancer is trusted, and exposed models admit the public gateway's identity. Source: " + IapSignedHeaders + ".",
        "Set `iap.verifyJwtInMesh: true`.");

    public static readonly Rule IapAudienceProject = new("iap-audience-project", Severity.Error, null, false,
        "An `iap.audience` whose project number is not `secure-serving:projectNumber`.",
        "The public gateway admits only IAP JWTs whose audience is this project's backend: for GKE the `aud` claim is `/projects/PROJECT_NUMBER/global/backendServices/SERVICE_ID` (Securing your app with signed headers, https://cloud.google.com/iap/docs/signed-headers-howto); an audience of another project would admit that project's IAP users and refuse this one's.",
        "Copy the audience from this project's backend service (`gcloud compute backend-services describe <name> --global --format='value(id)'`), or remove `iap.audience` to admit any backend service of this project.");

    public static readonly Rule DexIncomplete = new("dex-incomplete", Severity.Error, KserveAuthenticationSeed, false,
        "`mesh.dex` without an https `issuer`, `jwksUri` or at least one audience.",
        "Istio's RequestAuthentication and AuthorizationPolicy check the token's issuer and audience; without them any token from anywhere would pass. Source: " + IstioRequestAuthentication + ".",
        "Set `dex.issuer`, `dex.jwksUri` (https) and `dex.audiences`.");

    public static readonly Rule DexNotEnforced = new("dex-not-enforced", Severity.Error, KserveAuthenticationSeed, false,
        "A team with `authorization: false` while `mesh.dex` is configured.",
        "Dex claims (issuer, audience, groups) are checked only by the team's AuthorizationPolicies; without them the team's models accept callers with no Dex token at all (a RequestAuthentication alone accepts requests without a token). Source: " + IstioRequestAuthentication + ".",
        "Remove `authorization: false` (the default is `true`).");

    // ---- IAP --------------------------------------------------------------------------------------------------
    public static readonly Rule IapOAuthAdminApi = new("iap-oauth-admin-api", Severity.Error, null, false,
        "Anything that needs the IAP OAuth Admin API (`brand`, `supportEmail`, `createOAuthClient`, ...) or an OAuth client with only one of `clientId`/`clientSecret`.",
        "The IAP OAuth Admin API (google_iap_brand, google_iap_client) was shut down on 2026-03-19; brands and clients can no longer be created by API.",
        "Use `oauthClient: managed` (Google-managed client) or a client you created in the console, with `clientId` and `clientSecret` as a Pulumi secret.");

    public static readonly Rule IapNoAccessors = new("iap-no-accessors", Severity.Error, null, false,
        "IAP enabled with an empty `iap.accessors`.",
        "Nobody could pass IAP, so the exposed models would be unreachable, and someone would be tempted to grant allUsers.",
        "List groups or users in `iap.accessors`, e.g. `group:ml-platform@example.com`.");

    public static readonly Rule ConsumerIapMember = new("consumer-iap-member", Severity.Error, null, false,
        "A `domain:` member of a consumer email domain (`domain:gmail.com`, `domain:googlemail.com`, ...) in `iap.accessors` or a team's `members`.",
        "A `domain:` principal stands for every account of that domain (IAM principals, https://cloud.google.com/iam/docs/principals-overview); for a consumer domain that is everyone with a personal Google account, so IAP would let the whole internet through. `allUsers` and `allAuthenticatedUsers` are refused by the member format for the same reason.",
        "List the groups or users who call the models, e.g. `group:fraud-ml@example.com`, or your organization's own Cloud Identity domain.");

    public static readonly Rule SecretInClear = new("secret-in-clear", Severity.Error, null, false,
        "A plaintext value under a secret-like key (clientSecret, password, token, privateKey, kubeconfig, ...) or a PEM private key, in a stack or team file.",
        "Stack and team files are committed; a secret in clear (in a value, a comment or a URL's user-info) is leaked to everyone with read access and to the git history.",
        "Rotate the secret, then store it with `pulumi config set --secret --path '<key>'`; team files never hold secrets, not even in comments.");

    // ---- VPC Service Controls and registries -------------------------------------------------------------------
    public static readonly Rule BucketOutsidePerimeter = new("bucket-outside-perimeter", Severity.Error, PrivateClusterSeed, false,
        "A model `storageUri` on a `gs://` bucket that is neither `{teamBucket}` nor in `perimeter.buckets`, while storage.googleapis.com is restricted.",
        "VPC Service Controls block reads from buckets outside the perimeter, so the model download would fail. Source: " + KubeflowPrivateGke + ".",
        "Copy the model into the team bucket (`{teamBucket}/path`) or list the bucket (in a project inside the perimeter) in `perimeter.buckets`.");

    public static readonly Rule ImageMirrorWithoutAccessLevel = new("image-mirror-without-access-level", Severity.Error, PrivateClusterSeed, false,
        "An enforced perimeter where neither an access level lists `perimeter.imageMirrorIdentity` nor an ingress policy lets it call `artifactregistry.googleapis.com` (or `*`) on the stack's project (`*` or `projects/NUMBER`) (a warning in dry-run).",
        "Images are mirrored into the perimeter by Cloud Build; the Kubeflow guide creates an access level for it, without which mirroring is blocked. Source: " + KubeflowPrivateGke + ".",
        "Add the identity to an access level's `members`, or to the `from.identities` of an ingress policy that allows `artifactregistry.googleapis.com` on the stack's project.");

    public static readonly Rule ImageRegistryUnreachable = new("image-registry-unreachable", Severity.Error, null, false,
        "Under `network.egress: restricted`, a model `image` from a registry the nodes cannot reach (not gcr.io, *.gcr.io or *-docker.pkg.dev, nor, with the installed serving stack, docker.io, quay.io, gcr.io or ghcr.io, which its remote repositories proxy), or a model format only KServe's Triton runtime serves (onnx, triton), whose image on nvcr.io cannot be proxied.",
        "Without NAT the nodes reach only Google APIs through the restricted VIP (VPC Service Controls: Private Google Access with VPC Service Controls, https://cloud.google.com/vpc-service-controls/docs/private-connectivity); other registries are reachable only through an Artifact Registry remote repository, and this stack proxies only public registries that need no upstream credentials (Artifact Registry: Create remote repositories, https://cloud.google.com/artifact-registry/docs/repositories/remote-repo).",
        "Pull the image from a proxied registry or Artifact Registry, serve the model in another format, or use `network.egress: nat`.");

    public static readonly Rule RegistryDnsVip = new("registry-dns-vip", Severity.Error, PrivateClusterSeed, false,
        "`registryDns.vip` other than `restricted`.",
        "Only restricted.googleapis.com (199.36.153.4/30) enforces VPC Service Controls; private.googleapis.com would let data leave the perimeter. Source: " + VpcScPrivateConnectivity + ".",
        "Set `registryDns.vip: restricted`.");

    public static readonly Rule RegistryDnsMissingDomain = new("registry-dns-missing-domain", Severity.Error, PrivateClusterSeed, false,
        "A perimeter restricting storage or registries while `registryDns.domains` lacks gcr.io or pkg.dev.",
        "Image pulls resolve to public IPs the private cluster cannot reach; the Kubeflow guide adds private DNS zones for gcr.io pointing at the restricted VIP. Source: " + KubeflowPrivateGke + ".",
        "List both `gcr.io` and `pkg.dev` in `registryDns.domains`.");

    // ---- Ingress ----------------------------------------------------------------------------------------------
    public static readonly Rule IngressTlsSecretMissing = new("ingress-tls-secret-missing", Severity.Error, IngressTlsSeed, false,
        "`ingress.tls: secret` without `ingress.tlsSecret`.",
        "The Istio gateway's HTTPS server needs the name of an existing TLS secret in istio-system. Source: " + IstioSecureGateways + ".",
        "Set `ingress.tlsSecret` to the secret's name, or use `tls: certManager`.");

    public static readonly Rule LoadBalancerBypassesIap = new("load-balancer-bypasses-iap", Severity.Error, IapExampleSeed, false,
        "`ingress.loadBalancerService: true` while IAP is enabled.",
        "IAP must be the only way in: a LoadBalancer Service gives the gateway a second public IP that skips IAP, leaving only the in-mesh JWT check, and with IAP on its port 80 serves plain HTTP (no redirect, because IAP's load balancer sends HTTP to it); the LoadBalancer patch of " + KubeflowHttps + " is for clusters without IAP. Source: " + KfservingGcpIap + ".",
        "Set `ingress.loadBalancerService: false` (IAP's GKE Ingress fronts the gateway), or disable IAP.");

    // ---- Serving stack --------------------------------------------------------------------------------------
    public static readonly Rule VersionUnsupported = new("version-unsupported", Severity.Error, null, false,
        "A `secure-serving:versions` release outside the supported lines of Istio, Knative Serving (net-istio), KServe or cert-manager, or a combination one of them does not support.",
        "Each project names the releases it supports and tests together (Istio: Supported Releases, https://istio.io/latest/docs/releases/supported-releases/; cert-manager: Supported Releases, https://cert-manager.io/docs/releases/; the Knative Serving, net-istio and KServe release notes on GitHub); outside them an install or upgrade breaks at deploy time, after part of the stack has changed.",
        "Use a version the message names; docs/configuration.md lists the supported lines and their sources.");

    // ---- Serving workloads and tenancy -----------------------------------------------------------------------------
    public static readonly Rule AcceleratorNotInRegion = new("accelerator-not-in-region", Severity.Error, null, true,
        "A node pool `accelerator.type` that Compute Engine does not offer in `gcp:region`, where that is knowable offline (a warning names pairs the offline table cannot decide).",
        "GKE refuses to create the pool, after the rest of the stack is changed. The table is from \"GPU regions and zones availability\" (https://cloud.google.com/compute/docs/gpus/gpu-regions-zones); which zones of the region have the GPU, the project's GPU quota and capacity are not knowable offline.",
        "Pick a GPU type the region offers (`gcloud compute accelerator-types list --filter=\"zone~^REGION\"`); if the table is out of date, acknowledge with a reason.");

    public static readonly Rule AcceleratorMachineType = new("accelerator-machine-type", Severity.Error, null, false,
        "A node pool whose `machineType` cannot carry its `accelerator` (wrong machine series, or not that many GPUs).",
        "L4, A100, H100 and newer GPUs come attached to their accelerator-optimized machine types in a fixed number; T4, V100, P4 and P100 attach to N1 machines only (\"GPU machine types\", https://cloud.google.com/compute/docs/gpus). GKE refuses any other pairing.",
        "Use the machine type the message names, e.g. `g2-standard-8` for one `nvidia-l4`.");

    public static readonly Rule GpuModelWithoutAcceleratorPool = new("gpu-model-without-accelerator-pool", Severity.Error, null, false,
        "A model with `resources.gpu` on a stack with no accelerator node pool, on a `nodePool` without an accelerator, or asking for more GPUs than a node of its pool has.",
        "Its pods could never be scheduled: only GPU nodes offer `nvidia.com/gpu` (\"Run GPUs in GKE Standard node pools\", https://cloud.google.com/kubernetes-engine/docs/how-to/gpus; KServe places a model on such nodes with a node selector and tolerations, \"InferenceService Node Scheduling\", https://kserve.github.io/website/docs/model-serving/node-scheduling/isvc-node-scheduling).",
        "Add a node pool with `accelerator` to `secure-serving:cluster.nodePools` and set the model's `nodePool` to it.");

    public static readonly Rule UnknownNodePool = new("unknown-node-pool", Severity.Error, null, false,
        "A model `nodePool` that names no pool of `secure-serving:cluster.nodePools`.",
        "The node selector would match no node, so the model's pods would stay pending forever.",
        "Use the name of a pool in the stack file (with a did-you-mean), or remove `nodePool`.");

    public static readonly Rule SandboxOnlyPool = new("sandbox-only-pool", Severity.Error, null, false,
        "A GKE cluster whose every node pool has `sandbox: true`.",
        "GKE Sandbox needs at least one node pool without it: system workloads (kube-dns, metrics, the mesh's control plane) cannot run in gVisor (\"GKE Sandbox\", https://cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods).",
        "Keep a node pool without `sandbox` for the system pods (prod calls it `system-default-pool`).");

    public static readonly Rule NoSystemPool = new("no-system-pool", Severity.Error, null, false,
        "A GKE cluster whose every node pool has `sandbox: true` or a `NoSchedule`/`NoExecute` taint (an accelerator pool has one by default), though not all are sandboxed.",
        "The system pods (kube-dns, metrics-server, istiod and the gateways, Knative, KServe, cert-manager) tolerate neither GKE Sandbox's taint nor yours, so they would never be scheduled (\"Taints and Tolerations\", https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/).",
        "Add a node pool with neither `sandbox` nor taints for the system pods (prod calls it `system-default-pool`).");

    public static readonly Rule SandboxPlacement = new("sandbox-placement", Severity.Error, null, false,
        "A model with `sandbox: true` on a stack without a sandbox pool or with a `nodePool` that is not one, or a model without `sandbox: true` on a sandbox pool.",
        "Sandbox nodes are tainted so that only pods with the `gvisor` runtime class run there, and that runtime class exists only on sandbox nodes (\"GKE Sandbox\", https://cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods): either way the pods would never be scheduled.",
        "Put sandboxed models on a pool with `sandbox: true` and other models elsewhere.");

    public static readonly Rule ModelNotSandboxedInProd = new("model-not-sandboxed-in-prod", Severity.Error, null, true,
        "A model without `sandbox: true` in a production stack whose cluster the stack creates.",
        "A model server runs what its model files hold, and some formats are code: scikit-learn and XGBoost models saved with pickle or joblib run code as they load (\"pickle — Python object serialization\", https://docs.python.org/3/library/pickle.html). Outside gVisor an escape from that container reaches the node's kernel and every pod on the node, the mesh's control plane on the system pool among them; hardened organizations require GKE Sandbox on every pool but the system pool (`custom.gkeRequireNodePoolSandbox`). See GKE Sandbox, https://cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods.",
        "Set `sandbox: true` on the model (the stack needs a node pool with `sandbox: true`), or acknowledge it, e.g. for a model whose GPU GKE Sandbox does not support.");

    public static readonly Rule ScaleToZeroWithoutActivator = new("scale-to-zero-without-activator", Severity.Error, null, false,
        "A model with `minReplicas: 0` and `activator: \"off\"`.",
        "Scale to zero needs the Knative activator: it holds requests while a revision has no pods and wakes it up (\"Configuring scale to zero\", https://knative.dev/docs/serving/autoscaling/scale-to-zero/). With `activator: \"off\"` the namespace policy admits no request from the activator, so a model at zero could never be woken.",
        "Set `minReplicas` to 1 or more, or `activator: \"on\"` (which needs an acknowledgement under namespace isolation).");

    public static readonly Rule QuotaTooSmall = new("quota-too-small", Severity.Error, null, false,
        "A team whose models' `minReplicas` times their `resources` (or their pod count) already exceed the team's `quota` (or the default quota).",
        "Kubernetes refuses pods beyond the namespace's ResourceQuota (\"Resource Quotas\", https://kubernetes.io/docs/concepts/policy/resource-quotas/), so those replicas would never start. Only what the files state is counted: sidecars and KServe's defaults add more.",
        "Raise `quota` (the message gives the total), or lower `minReplicas` or `resources`.");

    public static readonly Rule TeamMemberNotBound = new("team-member-not-bound", Severity.Warning, null, false,
        "A team member that cannot be bound to the namespace's read-only Role: a `group:` member without `secure-serving:cluster.securityGroup`, or a `domain:` member.",
        "Kubernetes sees Google Groups only with Google Groups for RBAC (\"Configure Google Groups for RBAC\", https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac) and has no subject for a domain; the member keeps IAP access to the models but gets no Kubernetes access.",
        "Set `secure-serving:cluster.securityGroup: gke-security-groups@YOUR-DOMAIN` (and make the team's group a member of it), or list `user:` members.");

    // ---- Access (the rendered plan as a whole) -----------------------------------------------------------------
    public static readonly Rule AccessDiffersFromIntent = new("access-differs-from-intent", Severity.Error, null, false,
        "A stack whose rendered plan, evaluated as Istio, Knative, KServe and IAP would handle each request, lets a caller reach a model that its team and stack files do not allow, or keeps out one they do.",
        "Guardrails judge settings one at a time; only the whole rendered plan says who really gets through, and a way in that nobody meant is a hole (an unknown outcome is one nobody can vouch for).",
        "Change what opens (or closes) the way named in the message; `secure-serving access --stack <stack>` prints every caller, every hop and the object that decides.");

    // ---- Acknowledgements -------------------------------------------------------------------------------------
    public static readonly Rule AckUnknownRule = new("ack-unknown-rule", Severity.Error, null, false,
        "An `acknowledge` entry naming a rule that does not exist.",
        "A misspelt acknowledgement would leave you believing a risk was accepted on purpose.",
        "Use a rule id from docs/guardrails.md, section \"Guardrails and validation rules\".");

    public static readonly Rule AckNotAllowed = new("ack-not-allowed", Severity.Error, null, false,
        "An `acknowledge` entry for a rule that cannot be acknowledged.",
        "Those rules refuse configurations that are broken or leak, not trade-offs.",
        "Fix the configuration instead; only rules marked acknowledgeable accept an acknowledgement.");

    public static readonly Rule AckReasonMissing = new("ack-reason-missing", Severity.Error, null, false,
        "An `acknowledge` entry without a non-empty `reason`.",
        "Reviewers need to know why the risk is accepted.",
        "Add `reason:` explaining why the risk is acceptable here.");

    public static readonly Rule AckUnused = new("ack-unused", Severity.Warning, null, false,
        "An `acknowledge` entry for a rule that found nothing in that file.",
        "A stale acknowledgement would silently accept the risk if it came back later.",
        "Remove the entry.");

    /// <summary>Every rule, in the order of the guardrail table.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        StackFileMissing, YamlSyntax, WrongType, MissingKey, UnknownKey, InvalidValue, OrphanTeamFolder, TeamFileName,
        DuplicateName, FileTooLarge, YamlTooDeep, YamlAliasLimit, YamlTooManyNodes, YamlMultipleDocuments, TeamFileExtension,
        DeploymentName, ClusterName, ReservedPoolName, VpcScName, NamespaceName, ModelName, TeamName, DerivedNameInvalid, DerivedNameCollision,
        CidrSyntax, CidrOverlap, MasterCidrSize, OpenToWorld, RangeTooBroad,
        PublicEndpointInProd, AuthorizedNetworksIgnored, DeletionProtectionOffInProd, KubeconfigMissing,
        BinaryAuthorizationNotEnforced, SecretsNotEncrypted, BootDisksNotCmek, DataNotCmek, KeyRotationOver90Days, GroupsRbacOff, SecurityBulletinsOff, IntranodeVisibilityOff,
        ClusterLoggingReduced, RapidChannelInProd, SecurityPostureOff, PerimeterNotEnforced,
        IngressFromAnyIdentity, IngressFromAnySource, IngressOpenToAll, EgressToAnyResource, ImageNotAdmitted, ServingImagesNotAdmitted,
        NamespaceClaimedTwice, SystemNamespace,
        SidecarOffWithAuthorization, ActivatorBypassesIsolation, TopLevelVirtualService, OutOfMeshCallersBlocked, OutOfMeshCallersBypassIsolation, LocalGatewayWithoutMtls,
        IapJwtNotVerified, IapAudienceProject, DexIncomplete, DexNotEnforced,
        IapOAuthAdminApi, IapNoAccessors, ConsumerIapMember, SecretInClear,
        BucketOutsidePerimeter, ImageMirrorWithoutAccessLevel, ImageRegistryUnreachable, RegistryDnsVip, RegistryDnsMissingDomain,
        IngressTlsSecretMissing, LoadBalancerBypassesIap,
        VersionUnsupported,
        AcceleratorNotInRegion, AcceleratorMachineType, GpuModelWithoutAcceleratorPool, UnknownNodePool, SandboxOnlyPool, NoSystemPool, SandboxPlacement, ModelNotSandboxedInProd,
        ScaleToZeroWithoutActivator, QuotaTooSmall, TeamMemberNotBound,
        AccessDiffersFromIntent,
        AckUnknownRule, AckNotAllowed, AckReasonMissing, AckUnused,
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>The guardrail table of docs/guardrails.md (header + one line per rule).</summary>
    public static string GuardrailTable() =>
        "| Rule | Severity | Refuses | Why | Fix |\n|---|---|---|---|---|\n" + string.Join("\n", All.Select(r => r.GuardrailTableRow)) + "\n";
}
