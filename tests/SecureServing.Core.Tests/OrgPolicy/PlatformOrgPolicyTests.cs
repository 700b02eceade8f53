using System.Globalization;
using System.Text.Json.Nodes;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Gcp;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.OrgPolicy;

/// <summary>
/// The rest of a hardened organization's policies (Cloud Foundation Fabric's hardened FAST dataset beyond its GKE
/// file, kept as test data in <c>hardened-platform-constraints.yaml</c>) against what <c>render</c> writes for prod:
/// every constraint on resources the stack creates that the stack can satisfy, it satisfies; the others are listed
/// with what the organization must provide, and docs/hardened-organization.md names each.
/// </summary>
public sealed class PlatformOrgPolicyTests
{
    private const string DataFile = "hardened-platform-constraints.yaml";

    /// <summary>The resources a constraint reads, and what it requires of each (restated from its definition).</summary>
    private sealed record Check(string Condition, Func<IReadOnlyList<RenderedResource>, KubernetesPlan, IEnumerable<(string Name, bool Holds)>> Targets);

    private static IEnumerable<(string, bool)> Each(IReadOnlyList<RenderedResource> render, string type, Func<RenderedResource, bool> holds) =>
        render.Where(r => r.Type == type).Select(r => (r.Name, holds(r)));

    private static readonly Dictionary<string, Check> Checks = new(StringComparer.Ordinal)
    {
        // deny non-CMEK resources of storage, pubsub, artifactregistry, container, compute, logging, ... (the services the stack uses)
        ["gcp.restrictNonCmekServices"] = new("every bucket, topic, repository, cluster and node pool uses a customer-managed key",
            (r, _) => [
                .. Each(r, GcpResourceTypes.Bucket, b => Has(b, "encryption.defaultKmsKeyName")),
                .. Each(r, GcpResourceTypes.PubSubTopic, t => Has(t, "kmsKeyName")),
                .. Each(r, GcpResourceTypes.ArtifactRegistryRepository, a => Has(a, "kmsKeyName")),
                .. Each(r, GcpResourceTypes.Cluster, c => c.Str("databaseEncryption.state") == "ENCRYPTED" && Has(c, "nodeConfig.bootDiskKmsKey")),
                .. Each(r, GcpResourceTypes.NodePool, p => Has(p, "nodeConfig.bootDiskKmsKey")),
            ]),
        // has(versionTemplate.algorithm) && algorithm not in [GOOGLE_SYMMETRIC_ENCRYPTION, RSA_...]
        ["custom.cloudkmsAllowedAlgorithms"] = new("no key version template with another algorithm",
            (r, _) => Each(r, GcpResourceTypes.CryptoKey, k => k.At("versionTemplate.algorithm") is null || k.Str("versionTemplate.algorithm") == "GOOGLE_SYMMETRIC_ENCRYPTION")),
        // has(versionTemplate.protectionLevel) && protectionLevel not in ["SOFTWARE"]
        ["custom.cloudkmsAllowedProtectionLevel"] = new("software keys",
            (r, _) => Each(r, GcpResourceTypes.CryptoKey, k => k.At("versionTemplate.protectionLevel") is null || k.Str("versionTemplate.protectionLevel") == "SOFTWARE")),
        // has(rotationPeriod) && rotationPeriod > duration("7776000s")
        ["custom.cloudkmsAllowedRotationPeriod"] = new("rotation at most every 90 days",
            (r, _) => Each(r, GcpResourceTypes.CryptoKey, k => Seconds(k.Str("rotationPeriod")) is > 0 and <= 7776000)),
        // flow logs on with a sampling rate of at least 0.1 (ESSENTIAL, LIGHT or COMPREHENSIVE)
        ["compute.requireVpcFlowLogs"] = new("VPC Flow Logs on every subnet, sampling at least 0.1",
            (r, _) => Each(r, GcpResourceTypes.Subnetwork, s => s.At("logConfig.flowSampling") is JsonValue v && v.GetValue<double>() >= 0.1)),
        // !has(logConfig) || logConfig.enable == false (names of GKE's own rules exempt)
        ["custom.firewallEnforceRuleLogging"] = new("every VPC firewall rule logs",
            (r, _) => Each(r, GcpResourceTypes.Firewall, f => f.At("logConfig") is JsonObject)),
        // a rule other than goto_next with enableLogging == false
        ["custom.firewallEnforcePolicyRuleLogging"] = new("every firewall policy rule logs",
            (r, _) => Each(r, GcpResourceTypes.NetworkFirewallPolicyRule, f => f.Str("action") == "goto_next" || f.Bool("enableLogging") == true)),
        // !has(logConfig) || logConfig.enable == false, on the backend services GKE's Ingress creates from the BackendConfig
        ["custom.networkRequireBackendServiceLogging"] = new("the Ingress backend logs every request",
            (_, k) => k.Objects.Where(o => o.Kind == "BackendConfig").Select(o => (o.Name, o.Manifest["spec"]?["logging"]?["enable"]?.GetValue<bool>() == true))),
        // every TargetHttpProxy is denied: the Ingress must create only an HTTPS proxy
        ["custom.networkDisableTargetHTTPProxy"] = new("the Ingress serves HTTPS only",
            (_, k) => k.Objects.Where(o => o.Kind == "Ingress").Select(o => (o.Name, o.Manifest["metadata"]?["annotations"]?["kubernetes.io/ingress.allow-http"]?.GetValue<string>() == "false"))),
        // visibility == "PUBLIC" and DNSSEC not on
        ["custom.dnsRequireManageZoneDNSSEC"] = new("no public zone without DNSSEC (every zone is private)",
            (r, _) => Each(r, GcpResourceTypes.ManagedZone, z => z.Str("visibility") == "private")),
    };

    [Fact]
    public void The_test_data_records_its_source_and_every_satisfied_constraint_has_a_check()
    {
        var source = (YamlMappingNode)Data().Children[new YamlScalarNode("source")];
        Assert.Equal("https://github.com/GoogleCloudPlatform/cloud-foundation-fabric", source.Children[new YamlScalarNode("repository")].ToString());
        Assert.Matches("^[0-9a-f]{40}$", source.Children[new YamlScalarNode("commit")].ToString());
        Assert.Equal(Section("satisfied").Keys.Order(StringComparer.Ordinal), Checks.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(Section("satisfied").Keys.Intersect(Section("needsTheOrganization").Keys));
    }

    public static TheoryData<string> Satisfied() => [.. Checks.Keys];

    [Theory]
    [MemberData(nameof(Satisfied))]
    public void The_prod_render_satisfies_each_constraint_it_can(string constraint)
    {
        var (render, kubernetes) = Render("prod");
        var targets = Checks[constraint].Targets(render, kubernetes).ToList();

        Assert.NotEmpty(targets);
        var violations = targets.Where(t => !t.Holds).Select(t => t.Name).ToList();
        Assert.True(violations.Count == 0, $"{constraint} ({Checks[constraint].Condition}) is violated by {string.Join(", ", violations)}");
    }

    [Fact]
    public void A_check_fails_on_a_render_that_weakens_its_setting()
    {
        var (render, kubernetes) = Render("prod");
        var weakened = render.Select(r => r.Type switch
        {
            GcpResourceTypes.Bucket => Without(r, "encryption"),
            GcpResourceTypes.Subnetwork => Without(r, "logConfig"),
            GcpResourceTypes.Firewall when r.Name == "firewall-webhook-kserve" => Without(r, "logConfig"),
            _ => r,
        }).ToList();

        Assert.Contains(Checks["gcp.restrictNonCmekServices"].Targets(weakened, kubernetes), t => t is ("team-fraud-bucket", false));
        Assert.Contains(Checks["compute.requireVpcFlowLogs"].Targets(weakened, kubernetes), t => t is ("network-subnet", false));
        Assert.Equal([("firewall-webhook-kserve", false)], Checks["custom.firewallEnforceRuleLogging"].Targets(weakened, kubernetes).Where(t => !t.Holds));
    }

    [Fact]
    public void The_hardened_organization_doc_names_every_constraint_and_what_the_organization_must_provide()
    {
        var doc = File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "docs/hardened-organization.md"));

        Assert.All(Section("satisfied").Keys.Concat(Section("needsTheOrganization").Keys), c => Assert.Contains($"`{c}`", doc, StringComparison.Ordinal));
    }

    private static RenderedResource Without(RenderedResource r, string property)
    {
        var copy = (JsonObject)r.Properties.DeepClone();
        copy.Remove(property);
        return r with { Properties = copy };
    }

    private static bool Has(RenderedResource r, string path) => !string.IsNullOrEmpty(r.Str(path));

    private static long? Seconds(string? duration) =>
        duration is { Length: > 1 } d && d.EndsWith('s') && long.TryParse(d[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;

    private static (IReadOnlyList<RenderedResource> Gcp, KubernetesPlan Kubernetes) Render(string stack)
    {
        var config = OrgPolicyData.Shipped(stack);
        return (GcpPlanner.Plan(config).Resources, KubernetesPlanner.Plan(config));
    }

    private static Dictionary<string, string> Section(string key) =>
        ((YamlMappingNode)Data().Children[new YamlScalarNode(key)]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    private static YamlMappingNode Data() => OrgPolicyData.Load(DataFile);
}
