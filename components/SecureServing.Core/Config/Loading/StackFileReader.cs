using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using SecureServing.Core.Validation.Rules;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// Reads <c>Pulumi.&lt;stack&gt;.yaml</c> (Pulumi's stack-file format: a <c>config:</c> map of namespaced keys with
/// structured values; <c>secure:</c> values stay opaque) into a <see cref="PlatformConfig"/> with defaults filled in.
/// Mistakes become findings; missing values become empty placeholders that the rules skip. Keys, enum spellings and
/// defaults come from <see cref="StackFileContract"/>.
/// </summary>
internal static partial class StackFileReader
{
    public const string Namespace = StackFileContract.Namespace;

    public static PlatformConfig? Read(YamlNode root, string stack, LoadContext ctx)
    {
        var file = YamlMap.Of(root, "", ctx, "a map with a `config:` key (Pulumi's stack-file format)", StackFileContract.File);
        if (file is null)
        {
            return null;
        }

        file.Allow(StackFileContract.PulumiFileKeys);
        var configNode = file.Value("config");
        if (configNode is null)
        {
            ctx.Report(RuleCatalog.MissingKey, "config", null, "The stack file has no `config:` map.", "Put the settings under `config:` (Pulumi's stack-file format).");
        }

        file.Finish();

        // Config keys are full names (`secure-serving:network`), so the config map's own path is empty.
        var config = configNode is null ? null : YamlMap.Of(configNode, "", ctx, "a map of config keys", StackFileContract.Settings, where: $"under `config:` in `{ctx.File}` (Pulumi's stack-file format)");
        if (config is null)
        {
            return null;
        }

        var bare = new Dictionary<string, (Rule, string)>(StringComparer.Ordinal);
        foreach (var key in config.Keys)
        {
            if (!key.Contains(':', StringComparison.Ordinal) && StackFileContract.BareSettingKeys.Contains(key))
            {
                bare[key] = (RuleCatalog.UnknownKey, $"write the key with its namespace, `{Namespace}{key}`, so it cannot be confused with another project's.");
            }
            else if (StackFileContract.Settings.OtherProvidersKeys!.IsMatch(key))
            {
                config.Allow(key); // other providers' settings (kubernetes:, random:, pulumi:) are theirs to check
            }
        }

        config.Allow(StackFileContract.GcpProviderKeys);
        var projectId = Required(config, "gcp:project", Formats.ProjectId().IsMatch, "a GCP project ID (6-30 lowercase letters, digits, hyphens)");
        var region = Required(config, "gcp:region", Formats.Region().IsMatch, "a GCP region such as `europe-west4`");
        var deploymentName = config.String(Namespace + "deploymentName", required: true) ?? "";
        var organizationId = Required(config, Namespace + "organizationId", Formats.Numeric().IsMatch, "the numeric organization ID (`gcloud organizations list`)");
        var projectNumber = Required(config, Namespace + "projectNumber", Formats.Numeric().IsMatch, "the numeric project number (`gcloud projects describe`)");
        var protect = config.Bool(Namespace + "protect");

        var ingress = ReadIngress(config);
        var isProduction = protect ?? stack is "prod" or "production";
        var cluster = ReadCluster(config, deploymentName, isProduction, region);
        var config1 = new PlatformConfig
        {
            Stack = stack,
            DeploymentName = deploymentName,
            ProjectId = projectId,
            Region = region,
            OrganizationId = organizationId,
            ProjectNumber = projectNumber,
            IsProduction = isProduction,
            Network = ReadNetwork(config, deploymentName),
            Cluster = cluster,
            Perimeter = ReadPerimeter(config, deploymentName, stack, projectNumber),
            RegistryDns = ReadRegistryDns(config),
            Iap = ReadIap(config, ingress.Hostname),
            Mesh = ReadMesh(config),
            Ingress = ingress,
            Versions = ReadVersions(config),
            Serving = ReadServing(config, cluster.Provider),
            Teams = [],
            Acknowledgements = AcknowledgementReader.Read(config, Namespace + "acknowledge"),
            BinaryAuthorization = ReadBinaryAuthorization(config, isProduction),
            Kms = ReadKms(config),
            Labels = ReadLabels(config),
        };
        config.Finish(bare);
        return config1;
    }

    private static string Required(YamlMap map, string key, Func<string, bool> valid, string what)
    {
        var value = map.String(key, required: true);
        if (value is null)
        {
            return "";
        }

        if (!valid(value))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{value}`; it must be {what}.", $"Set `{key}` to {what}.");
        }

        return value;
    }

    private static void Check(YamlMap map, string key, string? value, Func<string, bool> valid, string what)
    {
        if (value is not null && !valid(value))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{value}`; it must be {what}.", $"Set `{key}` to {what}.");
        }
    }

    internal static void CheckMembers(LoadContext ctx, string path, IReadOnlyList<string> members, Func<string, bool> valid, string what)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (!valid(members[i]))
            {
                var item = KeyPaths.Item(path, i);
                ctx.Report(RuleCatalog.InvalidValue, item, null, $"`{item}` is `{members[i]}`; it must be {what}.", $"Write it as {what}.");
            }
        }
    }

    private static NetworkConfig ReadNetwork(YamlMap config, string deploymentName)
    {
        var net = config.Map(Namespace + "network", required: true);
        var result = new NetworkConfig
        {
            Name = net?.String("name") ?? $"{deploymentName}-vpc",
            SubnetCidr = net?.String("subnetCidr", required: true) ?? "",
            PodsCidr = net?.String("podsCidr", required: true) ?? "",
            ServicesCidr = net?.String("servicesCidr", required: true) ?? "",
            MasterCidr = net?.String("masterCidr", required: true) ?? "",
            Egress = net?.Enum(StackFileContract.Network.Egress) ?? StackFileContract.Network.Egress.Default,
        };
        net?.Finish();
        return result;
    }

    private static ClusterConfig ReadCluster(YamlMap config, string deploymentName, bool isProduction, string region)
    {
        var cl = config.Map(Namespace + "cluster");
        var provider = cl?.Enum(StackFileContract.Cluster.Provider) ?? StackFileContract.Cluster.Provider.Default;

        var networks = new List<AuthorizedNetwork>();
        foreach (var (node, path) in cl?.Items("masterAuthorizedNetworks") ?? [])
        {
            if (YamlMap.Of(node, path, config.Ctx, "a map `{cidr, name}`", StackFileContract.Cluster.AuthorizedNetwork) is { } m)
            {
                networks.Add(new AuthorizedNetwork(m.String("cidr", required: true) ?? "", m.String("name") ?? $"network-{networks.Count}"));
                m.Finish();
            }
        }

        var pools = new List<NodePoolConfig>();
        if (cl?.Value("nodePools") is null)
        {
            pools.Add(new NodePoolConfig { Name = StackFileContract.Cluster.DefaultPoolName });
        }

        foreach (var (node, path) in cl?.Items("nodePools") ?? [])
        {
            if (YamlMap.Of(node, path, config.Ctx, shape: StackFileContract.Cluster.NodePool) is { } m)
            {
                var pool = new NodePoolConfig { Name = m.String("name", required: true) ?? "" };
                pool = pool with
                {
                    MachineType = m.String("machineType") ?? pool.MachineType,
                    MinNodes = m.Int("minNodes") ?? pool.MinNodes,
                    MaxNodes = m.Int("maxNodes") ?? pool.MaxNodes,
                    DiskSizeGb = m.Int("diskSizeGb") ?? pool.DiskSizeGb,
                    Spot = m.Bool("spot") ?? pool.Spot,
                };
                pool = ReadNodePoolHardening(m, pool);
                pool = WorkloadReader.Pool(m, pool);
                if (pool.MaxNodes < 1 || pool.MinNodes > pool.MaxNodes)
                {
                    config.Ctx.Report(RuleCatalog.InvalidValue, KeyPaths.Child(path, "maxNodes"), null,
                        $"`{path}` has minNodes {pool.MinNodes} and maxNodes {pool.MaxNodes}; maxNodes must be at least 1 and at least minNodes.",
                        "Set maxNodes >= minNodes >= 0.");
                }

                var disk = StackFileContract.Cluster.DiskSizeGb;
                if (pool.DiskSizeGb < disk.Minimum)
                {
                    config.Ctx.Report(RuleCatalog.InvalidValue, KeyPaths.Child(path, "diskSizeGb"), null,
                        $"`{KeyPaths.Child(path, "diskSizeGb")}` is {pool.DiskSizeGb}; GKE needs at least {disk.Minimum} GB.", $"Set diskSizeGb to {disk.Minimum} or more ({disk.Default} is the default).");
                }

                Check(m, "machineType", m.Has("machineType") ? pool.MachineType : null, Formats.MachineType().IsMatch, "a Compute Engine machine type such as `e2-standard-4`");
                pools.Add(pool);
                m.Finish();
            }
        }

        if (provider == ClusterProvider.Gke && pools.Count == 0 && cl?.Value("nodePools") is not null)
        {
            config.Ctx.Report(RuleCatalog.InvalidValue, cl.Child("nodePools"), null, $"`{cl.Child("nodePools")}` is empty; a GKE cluster needs at least one node pool.", "Add a node pool, or remove `nodePools` for the default one.");
        }

        var writtenNotSecret = false;
        var kubeconfig = cl?.Secret("kubeconfig", Namespace + "cluster", "kubeconfig", out writtenNotSecret);
        if (provider == ClusterProvider.Existing && kubeconfig is null && !writtenNotSecret)
        {
            config.Ctx.Report(RuleCatalog.KubeconfigMissing, KeyPaths.Child(Namespace + "cluster", "kubeconfig"), null,
                $"`{Namespace}cluster.provider` is `existing` but `{Namespace}cluster.kubeconfig` is not set as a Pulumi secret.");
        }

        var result = new ClusterConfig
        {
            Provider = provider,
            Name = cl?.String("name") ?? $"{deploymentName}-gke",
            ReleaseChannel = cl?.Enum(StackFileContract.Cluster.ReleaseChannel) ?? StackFileContract.Cluster.ReleaseChannel.Default,
            Endpoint = cl?.Enum(StackFileContract.Cluster.Endpoint) ?? StackFileContract.Cluster.Endpoint.Default,
            MasterAuthorizedNetworks = networks,
            NodePools = pools,
            DeletionProtection = cl?.Bool("deletionProtection") ?? StackFileContract.Cluster.DeletionProtection.Default,
            NodeTag = cl?.String("nodeTag") ?? $"{deploymentName}-node",
            Kubeconfig = kubeconfig,
        };
        result = ReadClusterHardening(cl, result, isProduction, region);
        cl?.Finish();
        return result;
    }

    private static PerimeterConfig ReadPerimeter(YamlMap config, string deploymentName, string stack, string projectNumber)
    {
        var pm = config.Map(Namespace + "perimeter", required: true);
        var ctx = config.Ctx;

        var policy = new AccessPolicyRef();
        if (pm?.Map("accessPolicy", required: true) is { } ap)
        {
            policy = new AccessPolicyRef { Id = ap.String("id"), Create = ap.Bool("create") ?? StackFileContract.Perimeter.AccessPolicyCreate.Default, Title = ap.String("title") };
            if (policy.Id is not null && policy.Create)
            {
                ctx.Report(RuleCatalog.InvalidValue, ap.Path, null, $"`{ap.Path}` has both `id` and `create: true`.", "Use `{id}` for an existing policy or `{create: true, title}` for a new one (one per organization).");
            }
            else if (policy.Id is null && !policy.Create)
            {
                ctx.Report(RuleCatalog.MissingKey, ap.Child("id"), null, $"`{ap.Path}` needs `id` (an existing access policy) or `create: true` with `title`.", "Add `id: \"<policy number>\"` (`gcloud access-context-manager policies list --organization ORG`).");
            }
            else if (policy.Create && string.IsNullOrWhiteSpace(policy.Title))
            {
                ctx.Report(RuleCatalog.MissingKey, ap.Child("title"), null, $"`{ap.Path}` has `create: true` but no `title`.", "Add `title:` for the new access policy.");
            }

            Check(ap, "id", policy.Id, Formats.Numeric().IsMatch, "the numeric access policy ID");
            policy = ReadPolicyScope(ap, policy, projectNumber);
            ap.Finish();
        }

        var levels = new List<AccessLevelConfig>();
        foreach (var (node, path) in pm?.Items("accessLevels") ?? [])
        {
            if (YamlMap.Of(node, path, ctx, shape: StackFileContract.Perimeter.AccessLevel) is { } m)
            {
                var level = new AccessLevelConfig
                {
                    Name = m.String("name", required: true) ?? "",
                    Title = m.String("title"),
                    Members = m.Strings("members") ?? [],
                    IpSubnetworks = m.Strings("ipSubnetworks") ?? [],
                };
                CheckMembers(ctx, m.Child("members"), level.Members, Formats.AccessLevelMember().IsMatch, "`user:EMAIL` or `serviceAccount:EMAIL` (access levels do not support groups)");
                level = ReadLevelConditions(m, level);
                if (!HasCondition(level))
                {
                    ctx.Report(RuleCatalog.InvalidValue, path, node, $"`{path}` has no condition (`members`, `ipSubnetworks`, `regions`, `vpcNetworkSources`, `devicePolicy`), so it matches nothing.", "Add `members` or `ipSubnetworks`, or remove the access level.");
                }

                levels.Add(level);
                m.Finish();
            }
        }

        var mirror = pm?.String("imageMirrorIdentity") ?? $"serviceAccount:{projectNumber}@cloudbuild.gserviceaccount.com";
        if (pm is not null)
        {
            Check(pm, "imageMirrorIdentity", mirror, Formats.AccessLevelMember().IsMatch, "`serviceAccount:EMAIL` or `user:EMAIL`");
        }

        var services = pm?.Strings("restrictedServices") ?? StackFileContract.Perimeter.RestrictedServices.Default!;
        if (pm is not null)
        {
            CheckMembers(ctx, pm.Child("restrictedServices"), services, Formats.ServiceName().IsMatch, "a service name such as `storage.googleapis.com`");
        }

        var buckets = (pm?.Strings("buckets") ?? []).Select(b => b.StartsWith("gs://", StringComparison.Ordinal) ? b[5..].TrimEnd('/') : b).ToList();
        if (pm is not null)
        {
            CheckMembers(ctx, pm.Child("buckets"), buckets, Formats.Bucket().IsMatch, "a bucket name (`gs://` optional)");
        }

        var mode = pm?.Enum(StackFileContract.Perimeter.Mode) ?? StackFileContract.Perimeter.Mode.Default;
        var result = new PerimeterConfig
        {
            IngressPolicies = (pm is null ? null : ReadIngressPolicies(pm, levels)) ?? [],
            EgressPolicies = (pm is null ? null : ReadEgressPolicies(pm)) ?? [],
            DryRun = pm is null ? null : ReadDryRun(pm, mode, levels),
            AccessPolicy = policy,
            Name = pm?.String("name") ?? $"{deploymentName.Replace('-', '_')}_perimeter",
            Title = pm?.String("title") ?? $"SecureServing {stack}",
            Mode = mode,
            RestrictedServices = services,
            AccessLevels = levels,
            ImageMirrorIdentity = mirror,
            Buckets = buckets,
        };
        pm?.Finish();
        return result;
    }

    private static RegistryDnsConfig ReadRegistryDns(YamlMap config)
    {
        var rd = config.Map(Namespace + "registryDns");
        var result = new RegistryDnsConfig();
        if (rd is null)
        {
            return result;
        }

        var domains = rd.Strings("domains");
        if (domains is not null)
        {
            CheckMembers(config.Ctx, rd.Child("domains"), domains, Formats.Hostname().IsMatch, "a DNS domain such as `gcr.io`");
            result = result with { Domains = domains };
        }

        if (rd.String("vip") is { } vip && !StackFileContract.RegistryDns.Vip.Allows(vip))
        {
            config.Ctx.Report(RuleCatalog.RegistryDnsVip, rd.Child("vip"), rd.Value("vip"), $"`{rd.Child("vip")}` is `{vip}`; only `restricted` (restricted.googleapis.com, 199.36.153.4/30) is allowed.");
        }

        rd.Finish();
        return result;
    }

    private static IapConfig ReadIap(YamlMap config, string ingressHostname)
    {
        var iap = config.Map(Namespace + "iap");
        var ctx = config.Ctx;
        var result = new IapConfig { Hostname = ingressHostname.Length > 0 ? ingressHostname : null };
        if (iap is null)
        {
            return result;
        }

        var hostname = iap.String("hostname");
        Check(iap, "hostname", hostname, Formats.Hostname().IsMatch, "a DNS hostname such as `models.example.com`");
        var client = OAuthClientConfig.Managed;
        var clientNode = iap.Value("oauthClient");
        var clientPath = iap.Child("oauthClient");
        if (clientNode is YamlScalarNode { Value: var text })
        {
            if (StackFileContract.Iap.OAuthClient.RetiredSpellings.ContainsKey(text ?? ""))
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, clientPath, clientNode, $"`{clientPath}` is `{text}`: creating OAuth clients needs the IAP OAuth Admin API, which was shut down on 2026-03-19.");
            }
            else if (!StackFileContract.Iap.OAuthClient.Spellings.Contains(text ?? "", StringComparer.Ordinal))
            {
                ctx.Report(RuleCatalog.InvalidValue, clientPath, clientNode, $"`{clientPath}` is `{text}`; it must be `managed` or a map `{{clientId, clientSecret}}`.", "Use `oauthClient: managed` for the Google-managed client.");
            }
        }
        else if (clientNode is not null && YamlMap.Of(clientNode, clientPath, ctx, "`managed` or a map `{clientId, clientSecret}`", StackFileContract.Iap.OAuthClient.Map) is { } oc)
        {
            var clientId = oc.String("clientId");
            Check(oc, "clientId", clientId, Formats.OAuthClientId().IsMatch, "an OAuth client ID ending in `.apps.googleusercontent.com`");
            var secret = oc.Secret("clientSecret", Namespace + "iap", "oauthClient.clientSecret", out var writtenNotSecret);
            if (clientId is not null && secret is null && !writtenNotSecret)
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, oc.Child("clientSecret"), null,
                    $"`{oc.Child("clientSecret")}` is not set although `clientId` is; the secret of an existing client cannot be read by API any more.",
                    $"Run `pulumi config set --secret --path '{oc.Child("clientSecret")}'` with the secret from the console, or use `oauthClient: managed`.");
            }
            else if (clientId is null && (secret is not null || writtenNotSecret))
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, oc.Child("clientId"), null,
                    $"`{oc.Child("clientId")}` is not set although `clientSecret` is; a client cannot be created by API any more.",
                    "Add the `clientId` of the client you created in the console, or use `oauthClient: managed`.");
            }

            client = new OAuthClientConfig { ClientId = clientId, ClientSecret = secret };
            oc.Finish();
        }

        var accessors = iap.Strings("accessors") ?? [];
        CheckMembers(ctx, iap.Child("accessors"), accessors, Formats.Member().IsMatch, "an IAM member such as `group:ml-users@example.com`");
        var audience = iap.String("audience");
        Check(iap, "audience", audience, Formats.IapAudience().IsMatch, "`/projects/NUMBER/global/backendServices/ID`");

        result = result with
        {
            Enabled = iap.Bool("enabled") ?? StackFileContract.Iap.Enabled.Default,
            Hostname = hostname ?? result.Hostname,
            OAuthClient = client,
            Accessors = accessors,
            Audience = audience,
            VerifyJwtInMesh = iap.Bool("verifyJwtInMesh") ?? StackFileContract.Iap.VerifyJwtInMesh.Default,
        };
        iap.Finish();
        return result;
    }

    private static MeshConfig ReadMesh(YamlMap config)
    {
        var mesh = config.Map(Namespace + "mesh");
        if (mesh is null)
        {
            return new MeshConfig();
        }

        LocalGatewayConfig? localGateway = null;
        if (mesh.Map("localGateway") is { } lg)
        {
            localGateway = new LocalGatewayConfig();
            localGateway = localGateway with
            {
                Mode = lg.Enum(StackFileContract.Mesh.LocalGatewayMode) ?? localGateway.Mode,
                TlsSecret = lg.String("tlsSecret") ?? localGateway.TlsSecret,
            };
            lg.Finish();
        }

        DexConfig? dex = null;
        if (mesh.Map("dex") is { } dx)
        {
            dex = new DexConfig
            {
                Issuer = dx.String("issuer") ?? "",
                JwksUri = dx.String("jwksUri") ?? "",
                Audiences = dx.Strings("audiences") ?? [],
                RequiredGroups = dx.Strings("requiredGroups") ?? [],
            };
            dx.Finish();
        }

        var defaults = new MeshConfig();
        var result = new MeshConfig
        {
            Mtls = mesh.Enum(StackFileContract.Mesh.Mtls) ?? defaults.Mtls,
            LocalGateway = localGateway,
            DisableIstioVirtualHost = mesh.Bool("disableIstioVirtualHost") ?? defaults.DisableIstioVirtualHost,
            KnativeLocalGatewayTls = mesh.Enum(StackFileContract.Mesh.KnativeLocalGatewayTls) ?? defaults.KnativeLocalGatewayTls,
            OutOfMeshCallers = mesh.Bool("outOfMeshCallers") ?? defaults.OutOfMeshCallers,
            Dex = dex,
        };
        mesh.Finish();
        return result;
    }

    private static IngressConfig ReadIngress(YamlMap config)
    {
        var ing = config.Map(Namespace + "ingress", required: true);
        var hostname = ing?.String("hostname", required: true) ?? "";
        if (ing is not null)
        {
            Check(ing, "hostname", hostname.Length == 0 ? null : hostname, Formats.Hostname().IsMatch, "a DNS hostname such as `models.example.com`");
        }

        var defaults = new IngressConfig { Hostname = hostname };
        if (ing is null)
        {
            return defaults;
        }

        var tls = ing.Enum(StackFileContract.Ingress.Tls) ?? defaults.Tls;
        var tlsSecret = ing.String("tlsSecret");
        if (tls == IngressTls.Secret && string.IsNullOrWhiteSpace(tlsSecret))
        {
            config.Ctx.Report(RuleCatalog.IngressTlsSecretMissing, ing.Child("tlsSecret"), null, $"`{ing.Child("tls")}` is `secret` but `{ing.Child("tlsSecret")}` names no secret.");
        }

        var result = defaults with
        {
            Tls = tls,
            TlsSecret = tlsSecret ?? defaults.TlsSecret,
            ClusterIssuer = ing.String("clusterIssuer") ?? defaults.ClusterIssuer,
            DomainTemplate = ing.String("domainTemplate") ?? defaults.DomainTemplate,
            LoadBalancerService = ing.Bool("loadBalancerService") ?? defaults.LoadBalancerService,
        };
        ing.Finish();
        return result;
    }

    private static ServingConfig ReadServing(YamlMap config, ClusterProvider provider)
    {
        var serving = config.Map(StackFileContract.Serving.Map.Name);
        var result = new ServingConfig
        {
            Install = serving?.Bool(StackFileContract.Serving.Install.Name) ?? provider == ClusterProvider.Gke,
        };
        serving?.Finish();
        return result;
    }

    private static PlatformVersions ReadVersions(YamlMap config)
    {
        var v = config.Map(Namespace + "versions");
        var defaults = new PlatformVersions();
        if (v is null)
        {
            return defaults;
        }

        string Version(string key, string fallback)
        {
            var value = v.String(key);
            Check(v, key, value, Formats.Version().IsMatch, "a release version such as `1.2.3`");
            return value ?? fallback;
        }

        var result = new PlatformVersions
        {
            Istio = Version("istio", defaults.Istio),
            Knative = Version("knative", defaults.Knative),
            Kserve = Version("kserve", defaults.Kserve),
            CertManager = Version("certManager", defaults.CertManager),
        };
        v.Finish();
        return result;
    }
}
