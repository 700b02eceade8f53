using System.Text.RegularExpressions;
using SecureServing.Core.Config.Loading;
using SecureServing.Core.Validation;
using KnativeTls = SecureServing.Core.Config.KnativeLocalGatewayTls;
using LocalGatewayModes = SecureServing.Core.Config.LocalGatewayMode;
using ReleaseChannels = SecureServing.Core.Config.ReleaseChannel;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// The stack file <c>Pulumi.&lt;stack&gt;.yaml</c>: Pulumi's stack-file format with the platform's settings under
/// <c>config:</c>. One declaration per key; <see cref="StackFileReader"/> reads through them.
/// </summary>
public static partial class StackFileContract
{
    public const string Namespace = "secure-serving:";

    [GeneratedRegex(@"\A(?!secure-serving:|gcp:)[^:]*:")]
    private static partial Regex OtherProvidersKey();

    /// <summary>Keys of <c>secure-serving:network</c>.</summary>
    public static class Network
    {
        public static readonly TextKey Name = new("name", "VPC name.") { DerivedDefault = "`<deploymentName>-vpc`" };

        public static readonly TextKey SubnetCidr = new("subnetCidr", "Node subnet, e.g. `10.40.0.0/20`.") { Required = true, TypeName = "CIDR" };

        public static readonly TextKey PodsCidr = new("podsCidr", "Secondary range for pods.") { Required = true, TypeName = "CIDR" };

        public static readonly TextKey ServicesCidr = new("servicesCidr", "Secondary range for Services.") { Required = true, TypeName = "CIDR" };

        public static readonly TextKey MasterCidr = new("masterCidr", "Control-plane range of the private cluster; GKE requires a /28.") { Required = true, TypeName = "CIDR /28" };

        public static readonly ChoiceKey<EgressMode> Egress = new("egress",
            "`restricted`: egress only on 443 to the restricted Google APIs VIP (199.36.153.4/30), the control plane and health checks; `nat`: Cloud Router and Cloud NAT for general internet egress.",
            EgressMode.Restricted, ("restricted", EgressMode.Restricted), ("nat", EgressMode.Nat));

        public static readonly MapKey Map = new(Namespace + "network",
            "The VPC and its ranges. All four ranges are IPv4, written without host bits, disjoint from each other and from 199.36.153.4/30.",
            Name, SubnetCidr, PodsCidr, ServicesCidr, MasterCidr, Egress) { Required = true };
    }

    /// <summary>Keys of <c>secure-serving:cluster</c>.</summary>
    public static class Cluster
    {
        public static readonly ChoiceKey<ClusterProvider> Provider = new("provider",
            "`gke` creates a private GKE cluster; `existing` targets any cluster through `kubeconfig`.",
            ClusterProvider.Gke, ("gke", ClusterProvider.Gke), ("existing", ClusterProvider.Existing));

        public static readonly TextKey Name = new("name", "GKE cluster name: at most 40 lowercase letters, digits and hyphens.") { DerivedDefault = "`<deploymentName>-gke`" };

        public static readonly ChoiceKey<ReleaseChannels> ReleaseChannel = new("releaseChannel", "GKE release channel.",
            ReleaseChannels.Regular, ("rapid", ReleaseChannels.Rapid), ("regular", ReleaseChannels.Regular), ("stable", ReleaseChannels.Stable));

        public static readonly ChoiceKey<ControlPlaneEndpoint> Endpoint = new("endpoint",
            "`dns`: DNS-based endpoint guarded by IAM, no public IP; `private`: private IP only (needs a runner inside the VPC); `public`: public IP limited by `masterAuthorizedNetworks`, refused in production.",
            ControlPlaneEndpoint.Dns, ("dns", ControlPlaneEndpoint.Dns), ("private", ControlPlaneEndpoint.Private), ("public", ControlPlaneEndpoint.Public));

        public static readonly MapKey AuthorizedNetwork = new("masterAuthorizedNetworks[]", "One authorized network.",
            new TextKey("cidr", "IPv4 range allowed to reach the control plane; `0.0.0.0/0` is refused.") { Required = true, TypeName = "CIDR" },
            new TextKey("name", "Display name.") { DerivedDefault = "`network-<index>`" });

        public static readonly MapListKey MasterAuthorizedNetworks = new("masterAuthorizedNetworks",
            "Networks allowed to reach a `private` or `public` endpoint; ignored (with a warning) under `endpoint: dns`.", AuthorizedNetwork);

        public static readonly TextKey MachineType = new("machineType", "Compute Engine machine type.") { Default = "e2-standard-4" };

        public static readonly CountKey MinNodes = new("minNodes", "Autoscaling minimum.", 1);

        public static readonly CountKey MaxNodes = new("maxNodes", "Autoscaling maximum: at least 1 and at least `minNodes`.", 3);

        public static readonly CountKey DiskSizeGb = new("diskSizeGb", "Boot disk size in GB; GKE needs at least 10.", 100) { Minimum = 10 };

        public static readonly BoolKey Spot = new("spot", "Run the pool on Spot VMs (cheaper; nodes can be preempted at any time).", false);

        public static readonly CountKey AcceleratorCount = new("count", "GPUs per node; the machine type must carry that many (e.g. `g2-standard-4`: one L4).", 1)
        {
            Minimum = 1,
            Maximum = TeamFileContract.MaxGpusPerNode,
        };

        public static readonly ChoiceKey<GpuDriver> AcceleratorDriver = new("driver",
            "NVIDIA driver GKE installs on the nodes: `default` or `latest` version for the node's GKE version.",
            GpuDriver.Default, ("default", GpuDriver.Default), ("latest", GpuDriver.Latest));

        public static readonly MapKey Accelerator = new("accelerator",
            "GPUs on every node of the pool, drivers installed by GKE. The pool gets the taint `nvidia.com/gpu=present:NoSchedule` unless `taints` is written.",
            new TextKey("type", "Compute Engine accelerator type, e.g. `nvidia-l4` (on `g2-standard-*` machines) or `nvidia-tesla-t4` (on `n1-*`).")
            {
                Required = true,
                Format = Formats.AcceleratorType(),
                TypeName = "accelerator type",
            },
            AcceleratorCount,
            AcceleratorDriver);

        public static readonly ChoiceKey<TaintEffect> TaintEffectKey = new("effect", "Kubernetes taint effect.",
            TaintEffect.NoSchedule,
            ("NoSchedule", TaintEffect.NoSchedule), ("PreferNoSchedule", TaintEffect.PreferNoSchedule), ("NoExecute", TaintEffect.NoExecute))
        {
            Required = true,
        };

        public static readonly MapKey Taint = new("taints[]", "One node taint; models placed on the pool (`nodePool`) tolerate it.",
            new TextKey("key", "Taint key, a Kubernetes qualified name such as `nvidia.com/gpu`.") { Required = true, Format = Formats.TaintKey(), TypeName = "qualified name" },
            new TextKey("value", "Taint value, a Kubernetes label value.") { Required = true, Format = Formats.TaintValue(), TypeName = "label value" },
            TaintEffectKey);

        public static readonly MapListKey Taints = new("taints", "Node taints of the pool.", Taint)
        {
            DefaultText = "none; `[{key: nvidia.com/gpu, value: present, effect: NoSchedule}]` with `accelerator`",
        };

        public static readonly BoolKey Sandbox = new("sandbox",
            "GKE Sandbox (gVisor) nodes: only models with `sandbox: true` run there. A cluster needs at least one pool without it.", false);

        public static readonly MapKey NodePool = new("nodePools[]", "One node pool.",
            new TextKey("name", "Node pool name: lowercase letters, digits and hyphens.") { Required = true },
            MachineType, MinNodes, MaxNodes, DiskSizeGb, Spot, ClusterHardening.ConfidentialNodes, Accelerator, Taints, Sandbox);

        /// <summary>The pool a stack gets when it lists none.</summary>
        public const string DefaultPoolName = "serving";

        public static readonly MapListKey NodePools = new("nodePools", "Node pools of a `gke` cluster; a listed one needs at least one pool.", NodePool)
        {
            DefaultText = $"one pool `{DefaultPoolName}`",
        };

        public static readonly BoolKey DeletionProtection = new("deletionProtection", "GKE deletion protection; `false` is refused in production unless acknowledged.", true);

        public static readonly TextKey NodeTag = new("nodeTag", "Network tag on every node; the firewall rules target it.") { DerivedDefault = "`<deploymentName>-node`" };

        public static readonly SecretKey Kubeconfig = new("kubeconfig",
            "For `provider: existing`: the cluster's kubeconfig, as a Pulumi secret (`pulumi config set --secret --path 'secure-serving:cluster.kubeconfig' < kubeconfig`).");

        public static readonly TextKey SecurityGroup = new("securityGroup",
            "Google Groups for RBAC: `gke-security-groups@DOMAIN`. Team members listed as `group:` are then bound to their namespace's read-only Role by group; without it only `user:` and `serviceAccount:` members are.")
        {
            Format = Formats.SecurityGroup(),
            TypeName = "`gke-security-groups@DOMAIN`",
        };

        public static readonly MapKey Map = new(Namespace + "cluster", "The cluster the platform runs on.",
            Provider, Name, ReleaseChannel, Endpoint, MasterAuthorizedNetworks, NodePools, DeletionProtection, NodeTag, Kubeconfig,
            SecurityGroup, ClusterHardening.SecretsEncryption, ClusterHardening.BootDiskEncryption, ClusterHardening.Notifications,
            ClusterHardening.IntranodeVisibility, ClusterHardening.SecurityPosture, ClusterHardening.Maintenance, ClusterHardening.Logging, ClusterHardening.Monitoring);
    }

    /// <summary>Keys of <c>secure-serving:perimeter</c>.</summary>
    public static class Perimeter
    {
        public static readonly TextKey AccessPolicyId = new("id", "Number of an existing access policy (quote it).") { Format = Formats.Numeric(), TypeName = "string of digits" };

        public static readonly BoolKey AccessPolicyCreate = new("create", "Create a new access policy (one per organization).", false);

        public static readonly MapKey AccessPolicy = new("accessPolicy",
            "The organization's access policy: `{id}` for an existing one, or `{create: true, title}` for a new one.",
            AccessPolicyId, AccessPolicyCreate, new TextKey("title", "Title of a new access policy."), PerimeterPolicies.AccessPolicyScope)
        {
            Required = true,
            RequireOneOf = [[new("id", NotBlank: true)], [new("create", MustBeTrue: true), new("title", NotBlank: true)]],
        };

        public static readonly MapKey AccessLevel = new("accessLevels[]", "One basic access level; a request must match both `members` and `ipSubnetworks` when both are given.",
            new TextKey("name", "Letters, digits and underscores (Access Context Manager refuses hyphens).") { Required = true },
            new TextKey("title", "Display title."),
            new TextListKey("members", "`user:EMAIL` or `serviceAccount:EMAIL` (access levels do not support groups).") { ItemFormat = Formats.AccessLevelMember(), ItemTypeName = "member" },
            new TextListKey("ipSubnetworks", "IPv4 or IPv6 ranges.") { ItemTypeName = "CIDR" },
            PerimeterPolicies.Regions, PerimeterPolicies.VpcNetworkSources, PerimeterPolicies.DevicePolicy);

        public static readonly ChoiceKey<PerimeterMode> Mode = new("mode",
            "`dryRun` writes the perimeter's dry-run spec (violations are logged, not blocked); `enforced` writes its status.",
            PerimeterMode.DryRun, ("dryRun", PerimeterMode.DryRun), ("enforced", PerimeterMode.Enforced));

        public static readonly TextListKey RestrictedServices = new("restrictedServices", "Services the perimeter restricts.")
        {
            Default =
            [
                "storage.googleapis.com", "bigquery.googleapis.com", "containerregistry.googleapis.com", "artifactregistry.googleapis.com",
                "cloudkms.googleapis.com", "pubsub.googleapis.com", "logging.googleapis.com", "binaryauthorization.googleapis.com",
            ],
            ItemFormat = Formats.ServiceName(),
            ItemTypeName = "`*.googleapis.com`",
        };

        public static readonly TextKey ImageMirrorIdentity = new("imageMirrorIdentity",
            "The identity that mirrors images into the perimeter; it must be in an access level when the perimeter is enforced.")
        {
            DerivedDefault = "`serviceAccount:<projectNumber>@cloudbuild.gserviceaccount.com`",
            Format = Formats.AccessLevelMember(),
            TypeName = "member",
        };

        public static readonly MapKey Map = new(Namespace + "perimeter", "VPC Service Controls around the project.",
            AccessPolicy,
            new TextKey("name", "Perimeter name: letters, digits and underscores.") { DerivedDefault = "`<deploymentName with _>_perimeter`" },
            new TextKey("title", "Perimeter title.") { DerivedDefault = "`SecureServing <stack>`" },
            Mode,
            RestrictedServices,
            new MapListKey("accessLevels", "Basic access levels of the perimeter.", AccessLevel),
            ImageMirrorIdentity,
            new TextListKey("buckets", "Buckets in projects inside the perimeter that models may load from, besides each team's own bucket.") { ItemTypeName = "bucket (`gs://` optional)" },
            PerimeterPolicies.IngressPolicies, PerimeterPolicies.EgressPolicies, PerimeterPolicies.DryRun)
        {
            Required = true,
        };
    }

    /// <summary>Keys of <c>secure-serving:registryDns</c>.</summary>
    public static class RegistryDns
    {
        public static readonly TextListKey Domains = new("domains",
            "Private DNS zones that point at the restricted VIP; both default domains are required while storage or a registry is restricted.")
        {
            Default = ["gcr.io", "pkg.dev"],
            ItemFormat = Formats.Hostname(),
            ItemTypeName = "domain",
        };

        public static readonly ChoiceKey<GoogleApisVip> Vip = new("vip",
            "Only `restricted` (restricted.googleapis.com, 199.36.153.4/30) enforces VPC Service Controls.",
            GoogleApisVip.Restricted, ("restricted", GoogleApisVip.Restricted)) { BadValueRule = RuleCatalog.RegistryDnsVip };

        public static readonly MapKey Map = new(Namespace + "registryDns", "Private DNS for the registries.", Domains, Vip);
    }

    /// <summary>Keys of <c>secure-serving:iap</c>.</summary>
    public static class Iap
    {
        /// <summary>Keys and words that only made sense with the shut-down IAP OAuth Admin API.</summary>
        private static readonly Dictionary<string, (Rule, string)> Retired = new[]
        {
            "brand", "supportEmail", "applicationTitle", "oauthBrand", "createBrand", "createOAuthClient", "createClient", "create",
        }.ToDictionary(k => k, k => (RuleCatalog.IapOAuthAdminApi, $"`{k}` needs the IAP OAuth Admin API, which was shut down on 2026-03-19."));

        public static readonly BoolKey Enabled = new("enabled", "Identity-Aware Proxy in front of the models exposed through it.", true);

        public static readonly ChoiceOrMapKey OAuthClient = new("oauthClient",
            "`managed` for the Google-managed OAuth client, or a client created in the console: `clientId` plus `clientSecret` as a Pulumi secret. Brands and clients can no longer be created by API (the IAP OAuth Admin API was shut down on 2026-03-19).",
            "managed",
            new MapKey("oauthClient", "A bring-your-own OAuth client.",
                new TextKey("clientId", "OAuth client ID ending in `.apps.googleusercontent.com`.") { Format = Formats.OAuthClientId() },
                new SecretKey("clientSecret", "The client's secret, as a Pulumi secret (`pulumi config set --secret --path 'secure-serving:iap.oauthClient.clientSecret'`)."))
            {
                Retired = Retired,
            })
        {
            RetiredSpellings = new Dictionary<string, Rule> { ["create"] = RuleCatalog.IapOAuthAdminApi, ["auto"] = RuleCatalog.IapOAuthAdminApi, ["new"] = RuleCatalog.IapOAuthAdminApi },
        };

        public static readonly BoolKey VerifyJwtInMesh = new("verifyJwtInMesh", "Verify the IAP JWT (`x-goog-iap-jwt-assertion`, issuer, keys and audience) on the public gateway; `false` is refused while IAP is on (`iap-jwt-not-verified`).", true);

        public static readonly MapKey Map = new(Namespace + "iap", "Identity-Aware Proxy in front of the serving endpoints.",
            Enabled,
            new TextKey("hostname", "Host IAP serves; its Google-managed certificate is issued for it.") { Format = Formats.Hostname(), TypeName = "hostname", DerivedDefault = "`ingress.hostname`" },
            OAuthClient,
            new TextListKey("accessors", "IAM members granted `roles/iap.httpsResourceAccessor`; must not be empty while IAP is on.") { ItemFormat = Formats.Member(), ItemTypeName = "IAM member" },
            new TextKey("audience", "The IAP backend's JWT audience, once GKE has created the backend service (`gcloud compute backend-services describe <name> --global --format='value(id)'`): then the public gateway admits only that audience. Unset, it admits any backend service of this project (`/projects/<projectNumber>/global/backendServices/*`). Another project's number is refused (`iap-audience-project`).") { Format = Formats.IapAudience(), TypeName = "`/projects/NUMBER/global/backendServices/ID`" },
            VerifyJwtInMesh)
        {
            Retired = Retired,
        };
    }

    /// <summary>Keys of <c>secure-serving:mesh</c>.</summary>
    public static class Mesh
    {
        public static readonly ChoiceKey<MtlsScope> Mtls = new("mtls",
            "`namespace`: STRICT mTLS per team namespace; `mesh`: STRICT mesh-wide plus an ISTIO_MUTUAL DestinationRule.",
            MtlsScope.Namespace, ("namespace", MtlsScope.Namespace), ("mesh", MtlsScope.Mesh));

        public static readonly ChoiceKey<LocalGatewayModes> LocalGatewayMode = new("mode", "`http` (port 8082) or `https` (port 8445).",
            LocalGatewayModes.Https, ("http", LocalGatewayModes.Http), ("https", LocalGatewayModes.Https));

        public static readonly TextKey LocalGatewayTlsSecret = new("tlsSecret", "TLS secret in istio-system for `https`, issued by cert-manager.") { Default = "kserve-cluster-local-tls" };

        public static readonly BoolKey DisableIstioVirtualHost = new("disableIstioVirtualHost", "KServe's `ingress.disableIstioVirtualHost`; `false` is refused unless the local gateway is open (`top-level-virtual-service`).", true);

        public static readonly ChoiceKey<KnativeTls> KnativeLocalGatewayTls = new("knativeLocalGatewayTls", "Istio mTLS on Knative's `knative-local-gateway`, in both `mtls` scopes, so the cluster-local gateway knows who calls it. `none` only together with `outOfMeshCallers` (`local-gateway-without-mtls`).",
            KnativeTls.IstioMutual, ("istioMutual", KnativeTls.IstioMutual), ("none", KnativeTls.None));

        public static readonly BoolKey OutOfMeshCallers = new("outOfMeshCallers", "Workloads outside the mesh call the models, in plaintext through knative-local-gateway: only with `mtls: namespace` and `knativeLocalGatewayTls: none` (`out-of-mesh-callers-blocked`); such callers have no identity, so every pod then reaches every model, which the stack file must acknowledge (`out-of-mesh-callers-bypass-isolation`).", false);

        public static readonly MapKey Map = new(Namespace + "mesh", "Istio mTLS, local gateways and in-mesh JWT checks.",
            Mtls,
            new MapKey("localGateway", "KServe's own local gateway (`kserve-local-gateway`, 8082 HTTP / 8445 HTTPS); absent: none. KServe routes through it only with its top-level virtual service, which this platform allows only with the open local gateway (`outOfMeshCallers`).", LocalGatewayMode, LocalGatewayTlsSecret),
            DisableIstioVirtualHost,
            KnativeLocalGatewayTls,
            OutOfMeshCallers,
            new MapKey("dex", "Dex as OIDC provider, checked in the mesh (RequestAuthentication and AuthorizationPolicy on its claims); absent: none.",
                new TextKey("issuer", "Token issuer, an https URL."),
                new TextKey("jwksUri", "Where the signing keys are, an https URL."),
                new TextListKey("audiences", "Accepted audiences; at least one."),
                new TextListKey("requiredGroups", "Groups a caller's token must carry.")));
    }

    /// <summary>Keys of <c>secure-serving:ingress</c>.</summary>
    public static class Ingress
    {
        public static readonly TextKey Hostname = new("hostname", "Public HTTPS host at the Istio ingress gateway.") { Required = true, Format = Formats.Hostname(), TypeName = "hostname" };

        public static readonly ChoiceKey<IngressTls> Tls = new("tls", "`certManager` issues the certificate; `secret` uses an existing TLS secret in istio-system.",
            IngressTls.CertManager, ("certManager", IngressTls.CertManager), ("secret", IngressTls.Secret));

        public static readonly TextKey TlsSecret = new("tlsSecret", "TLS secret in istio-system; required (explicitly) with `tls: secret`.") { Default = "ingress-tls" };

        public static readonly TextKey ClusterIssuer = new("clusterIssuer",
            "cert-manager ClusterIssuer. The certificate covers `hostname` and `*.hostname`, so an ACME issuer needs a DNS-01 solver.") { Default = "letsencrypt" };

        public static readonly TextKey DomainTemplate = new("domainTemplate", "Knative domain template; the single-level form keeps a `*.hostname` certificate valid.")
        {
            Default = "{{.Name}}-{{.Namespace}}.{{.Domain}}",
        };

        public static readonly BoolKey LoadBalancerService = new("loadBalancerService",
            "Give the public gateway's Service (`istio-public-gateway`) type LoadBalancer; otherwise it is ClusterIP. Refused while IAP is on (`load-balancer-bypasses-iap`: a second public IP that skips IAP). The cluster-local gateway's Service is always ClusterIP.", false);

        public static readonly MapKey Map = new(Namespace + "ingress", "Public HTTPS at the Istio ingress gateway and the Knative domains.",
            Hostname, Tls, TlsSecret, ClusterIssuer, DomainTemplate, LoadBalancerService) { Required = true };
    }

    /// <summary>Keys of <c>secure-serving:versions</c>.</summary>
    public static class Versions
    {
        public static readonly TextKey Istio = Version("istio", "1.30.3");
        public static readonly TextKey Knative = Version("knative", "1.23.0");
        public static readonly TextKey Kserve = Version("kserve", "0.20.0");
        public static readonly TextKey CertManager = Version("certManager", "1.21.1");

        public static readonly MapKey Map = new(Namespace + "versions",
            "What `pulumi up` installs (with `serving.install: false`, what the cluster runs): a combination of supported lines (`version-unsupported`); the webhook firewall ports derive from it.",
            Istio, Knative, Kserve, CertManager);

        private static TextKey Version(string name, string version) =>
            new(name, $"Release of {name} the stack installs (with `serving.install: false`: the cluster runs).") { Default = version, Format = Formats.Version(), TypeName = "`X.Y.Z`" };
    }

    /// <summary>Keys of <c>secure-serving:serving</c>.</summary>
    public static class Serving
    {
        public static readonly BoolKey Install = new("install",
            "`true`: `pulumi up` installs Istio, cert-manager, Knative Serving with net-istio and KServe at `secure-serving:versions`, with their images pulled through Artifact Registry under `network.egress: restricted`; `false`: they must already run in the cluster.",
            true)
        {
            DerivedDefault = "true with `cluster.provider: gke`, else false",
        };

        public static readonly MapKey Map = new(Namespace + "serving", "The serving stack under the platform's objects.", Install);
    }

    public static readonly TextKey DeploymentName = new(Namespace + "deploymentName",
        "Prefix of every resource name: at most 25 lowercase letters, digits and hyphens, starting with a letter.") { Required = true };

    public static readonly BoolKey Protect = new(Namespace + "protect", "Production rules: no public endpoint, deletion protection, Pulumi `protect` on critical resources.", false)
    {
        DerivedDefault = "`true` for stacks named `prod` or `production`, else `false`",
    };

    /// <summary>Pulumi's gcp provider settings accepted beside <c>gcp:project</c> and <c>gcp:region</c> (passed on, not checked).</summary>
    public static readonly IReadOnlyList<string> GcpProviderKeys =
        ["gcp:zone", "gcp:impersonateServiceAccount", "gcp:billingProject", "gcp:userProjectOverride", "gcp:requestTimeout", "gcp:defaultLabels", "gcp:addTerraformAttributionLabel", "gcp:credentials", "gcp:accessToken"];

    /// <summary>The <c>config:</c> map. Other providers' keys (<c>kubernetes:*</c>, <c>random:*</c>, ...) are theirs to check.</summary>
    public static readonly MapKey Settings = new("config", "Stack settings: namespaced keys with structured values.",
    [
        new TextKey("gcp:project", "GCP project ID: 6-30 lowercase letters, digits and hyphens, starting with a letter.") { Required = true, Format = Formats.ProjectId() },
        new TextKey("gcp:region", "GCP region, e.g. `europe-west4`.") { Required = true, Format = Formats.Region() },
        .. GcpProviderKeys.Select(k => new PassThroughKey(k, "A gcp provider setting, passed on to the provider; not checked here.")),
        DeploymentName,
        new TextKey(Namespace + "organizationId", "Numeric organization ID, parent of the access policy (`gcloud organizations list`). Quote it.") { Required = true, Format = Formats.Numeric(), TypeName = "string of digits" },
        new TextKey(Namespace + "projectNumber", "Numeric project number, for the perimeter and the IAP audience (`gcloud projects describe`). Quote it.") { Required = true, Format = Formats.Numeric(), TypeName = "string of digits" },
        Protect,
        Network.Map,
        Cluster.Map,
        Perimeter.Map,
        RegistryDns.Map,
        Iap.Map,
        Mesh.Map,
        Ingress.Map,
        Versions.Map,
        Serving.Map,
        BinaryAuthorization.Map,
        Kms.Map,
        Labels.Map,
        AcknowledgementContract.List(Namespace + "acknowledge", "this stack file"),
    ])
    {
        Required = true,
        OtherProvidersKeys = OtherProvidersKey(),
    };

    /// <summary>Pulumi's stack-file keys besides <c>config</c>.</summary>
    public static readonly IReadOnlyList<string> PulumiFileKeys = ["secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    /// <summary>The whole file.</summary>
    public static readonly MapKey File = new("Pulumi.<stack>.yaml", "A SecureServing stack file (Pulumi's stack-file format).",
    [
        Settings,
        .. PulumiFileKeys.Select(k => new PassThroughKey(k, $"Pulumi's `{k}`, kept as Pulumi writes it.")),
    ]);

    /// <summary>The platform's own keys without their namespace (a key written bare gets a did-you-mean to its full name).</summary>
    public static IEnumerable<string> BareSettingKeys =>
        Settings.Keys.Where(k => k.Name.StartsWith(Namespace, StringComparison.Ordinal)).Select(k => k.Name[Namespace.Length..]);
}
