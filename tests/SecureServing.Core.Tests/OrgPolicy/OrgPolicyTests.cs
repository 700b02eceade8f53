using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Gcp;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.OrgPolicy;

/// <summary>
/// A hardened organization's GKE policies (Cloud Foundation Fabric's hardened FAST dataset, kept as test data in
/// <c>hardened-gke-constraints.yaml</c> with its source path and commit) against what <c>render</c> writes for the
/// shipped stacks: the prod render satisfies every enforced constraint that applies to a cluster this platform creates.
/// Each constraint is checked on the rendered inputs (Pulumi names for the GKE API fields the constraint reads), on the
/// cluster or on every node pool; node-pool constraints also hold for the cluster's transient default pool
/// (<c>nodeConfig</c>), which GKE creates with the cluster before the stack removes it.
/// </summary>
public sealed partial class OrgPolicyTests
{
    private const string DataFile = "hardened-gke-constraints.yaml";

    /// <summary>The constraint requiring GKE Sandbox on every node pool but one named like GKE's default pool.</summary>
    private const string Sandbox = "custom.gkeRequireNodePoolSandbox";

    private enum On { Cluster, NodePools, NodeConfigs }

    /// <param name="Condition">What the constraint requires, restated from its definition.</param>
    private sealed record Check(On On, string Condition, Func<JsonNode, bool> Holds);

    private static readonly Dictionary<string, Check> Checks = new(StringComparer.Ordinal)
    {
        ["container.managed.disableABAC"] = new(On.Cluster, "legacy ABAC disabled", c => Bool(c, "enableLegacyAbac") == false),
        ["container.managed.disableInsecureKubeletReadOnlyPort"] = new(On.Cluster, "kubelet read-only port off by default for new pools",
            c => Str(c, "nodePoolDefaults.nodeConfigDefaults.insecureKubeletReadonlyPortEnabled") == "FALSE"),
        ["container.managed.disableLegacyClientCertificateIssuance"] = new(On.Cluster, "no client certificate issued",
            c => Bool(c, "masterAuth.clientCertificateConfig.issueClientCertificate") == false),
        ["container.managed.disableRBACSystemBindings"] = new(On.Cluster, "no RBAC bindings to system:authenticated or system:unauthenticated",
            c => Bool(c, "rbacBindingConfig.enableInsecureBindingSystemAuthenticated") == false && Bool(c, "rbacBindingConfig.enableInsecureBindingSystemUnauthenticated") == false),
        ["container.managed.disallowDefaultComputeServiceAccount"] = new(On.NodeConfigs, "nodes run as the dedicated service account, not the Compute Engine default",
            n => Str(n, "serviceAccount") == "${cluster-node-sa.email}"),
        ["container.managed.enableBinaryAuthorization"] = new(On.Cluster, "binaryAuthorization.evaluationMode PROJECT_SINGLETON_POLICY_ENFORCE",
            c => Str(c, "binaryAuthorization.evaluationMode") == "PROJECT_SINGLETON_POLICY_ENFORCE"),
        ["container.managed.enableCloudLogging"] = new(On.Cluster, "Cloud Logging on, with system and workload logs",
            c => Str(c, "loggingService") == "logging.googleapis.com/kubernetes" && Strings(c, "loggingConfig.enableComponents").IsSupersetOf(["SYSTEM_COMPONENTS", "WORKLOADS"])),
        ["container.managed.enableGoogleGroupsRBAC"] = new(On.Cluster, "authenticatorGroupsConfig.securityGroup set",
            c => !string.IsNullOrEmpty(Str(c, "authenticatorGroupsConfig.securityGroup"))),
        ["container.managed.enableNetworkPolicy"] = new(On.Cluster, "network policy enforced (Dataplane V2 enforces it built in)",
            c => Str(c, "datapathProvider") == "ADVANCED_DATAPATH"),
        ["container.managed.enablePrivateNodes"] = new(On.Cluster, "private nodes", c => Bool(c, "privateClusterConfig.enablePrivateNodes") == true),
        ["container.managed.enableSecretsEncryption"] = new(On.Cluster, "databaseEncryption ENCRYPTED with a key",
            c => Str(c, "databaseEncryption.state") == "ENCRYPTED" && !string.IsNullOrEmpty(Str(c, "databaseEncryption.keyName"))),
        ["container.managed.enableSecurityBulletinNotifications"] = new(On.Cluster, "Pub/Sub notifications on, security bulletins not filtered out",
            c => Bool(c, "notificationConfig.pubsub.enabled") == true && !string.IsNullOrEmpty(Str(c, "notificationConfig.pubsub.topic"))
                && (At(c, "notificationConfig.pubsub.filter") is null || Strings(c, "notificationConfig.pubsub.filter.eventTypes").Contains("SECURITY_BULLETIN_EVENT"))),
        ["container.managed.enableShieldedNodes"] = new(On.Cluster, "shielded nodes", c => Bool(c, "enableShieldedNodes") == true),
        ["container.managed.enableWorkloadIdentityFederation"] = new(On.Cluster, "Workload Identity pool set",
            c => !string.IsNullOrEmpty(Str(c, "workloadIdentityConfig.workloadPool"))),
        // resource.config.imageType in ["COS_CONTAINERD"] == false
        ["custom.gkeAllowedNodePoolImages"] = new(On.NodeConfigs, "imageType COS_CONTAINERD", n => Str(n, "imageType") == "COS_CONTAINERD"),
        // resource.releaseChannel.channel in ["REGULAR", "STABLE"] == false
        ["custom.gkeAllowedReleaseChannels"] = new(On.Cluster, "release channel REGULAR or STABLE", c => Str(c, "releaseChannel.channel") is "REGULAR" or "STABLE"),
        // resource.enableKubernetesAlpha == true
        ["custom.gkeDisableAlphaCluster"] = new(On.Cluster, "no Kubernetes alpha features", c => Bool(c, "enableKubernetesAlpha") != true),
        // resource.addonsConfig.kubernetesDashboard.disabled == false: the dashboard add-on is gone from GKE (Pulumi.Gcp
        // 9.35.0 has no input for it), so a cluster keeps GKE's disabled default as long as the render never names it.
        ["custom.gkeDisableKubernetesDashboard"] = new(On.Cluster, "Kubernetes Dashboard never enabled", c => At(c, "addonsConfig.kubernetesDashboard") is null),
        // resource.legacyAbac.enabled == true
        ["custom.gkeDisableLegacyAbac"] = new(On.Cluster, "legacy ABAC disabled", c => Bool(c, "enableLegacyAbac") == false),
        // 'disable-legacy-endpoints' in resource.config.metadata && resource.config.metadata['disable-legacy-endpoints'] == 'false'
        ["custom.gkeDisableLegacyMetadataEndpoints"] = new(On.NodeConfigs, "legacy metadata endpoints disabled", n => Str(n, "metadata.disable-legacy-endpoints") != "false"),
        // resource.config.imageType != "COS_CONTAINERD"
        ["custom.gkeRequireCOSImage"] = new(On.NodeConfigs, "Container-Optimized OS", n => Str(n, "imageType") == "COS_CONTAINERD"),
        // resource.networkConfig.datapathProvider != 'ADVANCED_DATAPATH'
        ["custom.gkeRequireDataplaneV2"] = new(On.Cluster, "Dataplane V2", c => Str(c, "datapathProvider") == "ADVANCED_DATAPATH"),
        // resource.config.workloadMetadataConfig.mode != 'GKE_METADATA'
        ["custom.gkeRequireGKEMetadataServer"] = new(On.NodeConfigs, "GKE metadata server", n => Str(n, "workloadMetadataConfig.mode") == "GKE_METADATA"),
        // resource.config.shieldedInstanceConfig.enableIntegrityMonitoring == false
        ["custom.gkeRequireIntegrityMonitoring"] = new(On.NodeConfigs, "integrity monitoring", n => Bool(n, "shieldedInstanceConfig.enableIntegrityMonitoring") == true),
        // resource.networkConfig.enableIntraNodeVisibility == false
        ["custom.gkeRequireIntraNodeVisibility"] = new(On.Cluster, "intranode visibility", c => Bool(c, "enableIntranodeVisibility") == true),
        // resource.masterAuthorizedNetworksConfig.enabled == false: the provider enables it whenever the block is set.
        ["custom.gkeRequireMasterAuthorizedNetworks"] = new(On.Cluster, "master authorized networks enabled", c => At(c, "masterAuthorizedNetworksConfig") is JsonObject),
        // resource.monitoringService != 'monitoring.googleapis.com/kubernetes'
        ["custom.gkeRequireMonitoring"] = new(On.Cluster, "Cloud Monitoring for Kubernetes", c => Str(c, "monitoringService") == "monitoring.googleapis.com/kubernetes"),
        // resource.management.autoRepair == false
        ["custom.gkeRequireNodePoolAutoRepair"] = new(On.NodePools, "auto-repair", p => Bool(p, "management.autoRepair") == true),
        // resource.management.autoUpgrade == false
        ["custom.gkeRequireNodePoolAutoUpgrade"] = new(On.NodePools, "auto-upgrade", p => Bool(p, "management.autoUpgrade") == true),
        // has(resource.config.bootDiskKmsKey) == false
        ["custom.gkeRequireNodePoolCMEKEncryption"] = new(On.NodeConfigs, "boot disk CMEK", n => !string.IsNullOrEmpty(Str(n, "bootDiskKmsKey"))),
        // resource.name.matches("default-pool") == false && has(resource.config.sandboxConfig) == false && resource.config.sandboxConfig.type != 'GVISOR'
        [Sandbox] = new(On.NodePools, "every pool but default-pool sandboxed with gVisor",
            p => Str(p, "name")!.Contains("default-pool", StringComparison.Ordinal) || (Str(p, "nodeConfig.sandboxConfig.type") ?? Str(p, "nodeConfig.sandboxConfig.sandboxType"))?.ToUpperInvariant() == "GVISOR"),
        // resource.privateClusterConfig.enablePrivateEndpoint == false
        ["custom.gkeRequirePrivateEndpoint"] = new(On.Cluster, "no public endpoint", c => Bool(c, "privateClusterConfig.enablePrivateEndpoint") == true),
        // resource.location.matches("^[a-z]+(-[a-z, 1-9]+)$") == false
        ["custom.gkeRequireRegionalClusters"] = new(On.Cluster, "regional cluster", c => RegionalLocation().IsMatch(Str(c, "location") ?? "")),
        // resource.config.shieldedInstanceConfig.enableSecureBoot == false
        ["custom.gkeRequireSecureBoot"] = new(On.NodeConfigs, "secure boot", n => Bool(n, "shieldedInstanceConfig.enableSecureBoot") == true),
        // resource.ipAllocationPolicy.useIpAliases == false: VPC-native (alias IPs) is networkingMode VPC_NATIVE with secondary ranges.
        ["custom.gkeRequireVPCNativeCluster"] = new(On.Cluster, "VPC-native", c => Str(c, "networkingMode") == "VPC_NATIVE" && At(c, "ipAllocationPolicy") is JsonObject),
    };

    /// <summary>The exact regex of custom.gkeRequireRegionalClusters.</summary>
    [GeneratedRegex("^[a-z]+(-[a-z, 1-9]+)$")]
    private static partial Regex RegionalLocation();

    public static TheoryData<string> Enforced()
    {
        var data = new TheoryData<string>();
        foreach (var name in Constraints("enforced"))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_test_data_records_its_source_and_every_enforced_constraint_has_a_check()
    {
        var source = (YamlMappingNode)Data().Children[new YamlScalarNode("source")];
        Assert.Equal("fast/stages/0-org-setup/datasets/hardened/organization/org-policies/gke.yaml", source.Children[new YamlScalarNode("path")].ToString());
        Assert.Matches("^[0-9a-f]{40}$", source.Children[new YamlScalarNode("commit")].ToString());

        var enforced = Constraints("enforced");
        Assert.Equal(35, enforced.Count);
        Assert.Equal(enforced.Order(StringComparer.Ordinal), Checks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["custom.gkeRequireConfidentialNodes"], Constraints("commentedOut"));
    }

    [Theory]
    [MemberData(nameof(Enforced))]
    public void The_prod_render_satisfies_each_enforced_constraint(string constraint)
    {
        var violations = Violations(Render("prod"), Checks[constraint]);

        Assert.True(violations.Count == 0, $"{constraint} ({Checks[constraint].Condition}) is violated by {string.Join(", ", violations)}");
    }

    [Fact]
    public void Dev_misses_only_google_groups_and_gvisor_which_it_leaves_off()
    {
        var render = Render("dev");

        var violated = Checks.Where(c => Violations(render, c.Value).Count > 0).Select(c => c.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["container.managed.enableGoogleGroupsRBAC", Sandbox], violated);
    }

    [Fact]
    public void A_check_fails_on_a_render_that_weakens_its_setting()
    {
        var render = Render("prod").ToList();
        var cluster = render.Single(r => r.Type == GcpResourceTypes.Cluster);
        var weakened = (JsonObject)cluster.Properties.DeepClone();
        weakened["databaseEncryption"] = new JsonObject { ["state"] = "DECRYPTED" };
        weakened["enableIntranodeVisibility"] = false;
        render[render.IndexOf(cluster)] = cluster with { Properties = weakened };
        var serving = render.Single(r => r.Name == "cluster-pool-serving");
        var unsandboxed = (JsonObject)serving.Properties.DeepClone();
        ((JsonObject)unsandboxed["nodeConfig"]!).Remove("sandboxConfig");
        render[render.IndexOf(serving)] = serving with { Properties = unsandboxed };

        Assert.NotEmpty(Violations(render, Checks["container.managed.enableSecretsEncryption"]));
        Assert.NotEmpty(Violations(render, Checks["custom.gkeRequireIntraNodeVisibility"]));
        Assert.Equal(["cluster-pool-serving"], Violations(render, Checks[Sandbox]));
    }

    /// <summary>The logical names of the resources that violate <paramref name="check"/>.</summary>
    private static List<string> Violations(IReadOnlyList<RenderedResource> render, Check check)
    {
        var cluster = Assert.Single(render, r => r.Type == GcpResourceTypes.Cluster);
        var pools = render.Where(r => r.Type == GcpResourceTypes.NodePool).ToList();
        Assert.NotEmpty(pools);
        IEnumerable<(string Name, JsonNode Node)> targets = check.On switch
        {
            On.Cluster => [(cluster.Name, cluster.Properties)],
            On.NodePools => pools.Select(p => (p.Name, (JsonNode)p.Properties)),
            _ => [(cluster.Name, cluster.Properties["nodeConfig"]!), .. pools.Select(p => (p.Name, p.Properties["nodeConfig"]!))],
        };
        return [.. targets.Where(t => !check.Holds(t.Node)).Select(t => t.Name)];
    }

    private static IReadOnlyList<RenderedResource> Render(string stack) => OrgPolicyData.Render(stack);

    private static YamlMappingNode Data() => OrgPolicyData.Load(DataFile);

    private static List<string> Constraints(string key) =>
        [.. ((YamlSequenceNode)Data().Children[new YamlScalarNode(key)]).Children.Select(n => n.ToString())];

    private static JsonNode? At(JsonNode node, string path) => new RenderedResource("", "", node.AsObject()).At(path);

    private static string? Str(JsonNode node, string path) => At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonNode node, string path) => At(node, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static HashSet<string> Strings(JsonNode node, string path) =>
        At(node, path) is JsonArray a ? [.. a.Select(n => n!.GetValue<string>())] : [];
}
