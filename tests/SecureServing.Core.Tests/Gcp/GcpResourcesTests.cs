using System.Text.RegularExpressions;
using CsCheck;
using SecureServing.Core.Tests.Properties;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>Invariants of <see cref="GcpPlan.Resources"/> that must hold for every config, not just dev and prod.</summary>
public sealed partial class GcpResourcesTests
{
    private static readonly string[] Components = ["services", "network", "kms", "notifications", "binary-authorization", "cluster", "firewall", "registry-dns", "perimeter", "iap", "team"];

    private static readonly NodePoolConfig GpuPool = new()
    {
        Name = "gpu",
        MachineType = "g2-standard-8",
        Accelerator = new AcceleratorConfig { Type = "nvidia-l4", Driver = GpuDriver.Latest },
        Taints = [NodeTaint.Gpu, new NodeTaint("team", "vision", TaintEffect.NoExecute)],
    };

    private static readonly NodePoolConfig SandboxPool = new() { Name = "sandboxed", Sandbox = true };

    /// <summary>Configs varying every switch the GCP plan branches on.</summary>
    private static readonly Gen<PlatformConfig> Configs =
        Gen.Select(
            Gen.Bool, // prod
            Gen.Enum<EgressMode>(),
            Gen.Enum<ControlPlaneEndpoint>(),
            Gen.Enum<ClusterProvider>(),
            Gen.OneOf("0.11.0", "1.21.1", "v0.8.0", "1.13.0-beta.0"),
            Gen.Bool, // iap enabled
            Gen.Bool, // create access policy
            Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c)).ArrayUnique[0, 4])
        .Select((prod, egress, endpoint, provider, certManager, iap, createPolicy, teams) =>
        {
            var baseline = prod ? TestConfigs.Prod() : TestConfigs.Dev();
            return baseline with
            {
                Network = baseline.Network with { Egress = egress },
                Cluster = baseline.Cluster with
                {
                    Endpoint = endpoint,
                    Provider = provider,
                    MasterAuthorizedNetworks = [new AuthorizedNetwork("203.0.113.0/24", "office")],
                    // Accelerator, taint and sandbox pools and Google Groups for RBAC in half of the configs.
                    NodePools = teams.Length % 2 == 0 ? [.. baseline.Cluster.NodePools, GpuPool, SandboxPool] : baseline.Cluster.NodePools,
                    SecurityGroup = teams.Length % 2 == 0 ? "gke-security-groups@example.com" : null,
                },
                Versions = new PlatformVersions { CertManager = certManager },
                Iap = baseline.Iap with { Enabled = iap, Accessors = ["group:ml-platform@example.com", "user:ml.platform@example.com", "user:ml-platform@example.com"] },
                // With a created policy, also every perimeter block: ingress, egress, level conditions, a dry run beside enforcement.
                Perimeter = createPolicy
                    ? PerimeterBlocks.Everywhere(baseline.Perimeter, dryRun: prod)
                    : baseline.Perimeter with { IngressPolicies = [], EgressPolicies = [], DryRun = null },
                Teams = [.. teams.Select(t => TestConfigs.Team(t, t + "-ns") with { Members = [$"user:{t}@example.com", "group:ml-platform@example.com"] })],
            };
        });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\$\{([^.}]+)\.([A-Za-z0-9]+)\}")]
    private static partial Regex Reference();

    [Fact]
    public void Logical_names_are_unique_kebab_case_and_prefixed_by_their_component() =>
        Configs.Holds(config =>
        {
            var names = GcpPlanner.Plan(config).Resources.Select(r => r.Name).ToList();

            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, n => Assert.Matches(KebabCase(), n));
            Assert.All(names, n => Assert.Contains(Components, c => n.StartsWith(c + "-", StringComparison.Ordinal)));
        }, iter: 150);

    [Fact]
    public void Every_reference_points_to_an_earlier_resource_of_the_plan() =>
        Configs.Holds(config =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resource in GcpPlanner.Plan(config).Resources)
            {
                foreach (Match match in PlanQueries.AllStrings(resource.Properties).SelectMany(s => Reference().Matches(s)))
                {
                    Assert.True(seen.Contains(match.Groups[1].Value), $"{resource.Name} references {match.Value} before it exists");
                }

                seen.Add(resource.Name);
            }
        }, iter: 150);

    /// <summary>The types the Kubernetes side waits for: nodes, webhook firewall rules, registry DNS, image supply, IAP address and certificate, Binary Authorization.</summary>
    private static readonly HashSet<string> PrerequisiteTypes = new(
        [GcpResourceTypes.NodePool, GcpResourceTypes.Firewall, GcpResourceTypes.RecordSet, GcpResourceTypes.ArtifactRegistryRepository,
         GcpResourceTypes.ArtifactRegistryRepositoryIamMember, GcpResourceTypes.ArtifactRegistryVpcscConfig, GcpResourceTypes.GlobalAddress,
         GcpResourceTypes.ManagedSslCertificate, GcpResourceTypes.BinaryAuthorizationPolicy],
        StringComparer.Ordinal);

    [Fact]
    public void Kubernetes_prerequisites_name_exactly_the_plan_resources_kubernetes_objects_wait_for() =>
        Configs.Select(c => Gen.Bool.Select(install => c with { Serving = new ServingConfig { Install = install } })).SelectMany(g => g).Holds(config =>
        {
            var plan = GcpPlanner.Plan(config);

            Assert.Equal(plan.KubernetesPrerequisites.Count, plan.KubernetesPrerequisites.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(
                plan.Resources.Where(r => PrerequisiteTypes.Contains(r.Type)).Select(r => r.Name).Order(StringComparer.Ordinal),
                plan.KubernetesPrerequisites.Order(StringComparer.Ordinal));
        }, iter: 150);

    [Fact]
    public void No_firewall_rule_ever_allows_any_address_in() =>
        Configs.Holds(config =>
        {
            var firewalls = GcpPlanner.Plan(config).OfType(GcpResourceTypes.Firewall);
            Assert.All(firewalls, r => Assert.DoesNotContain("0.0.0.0/0", r.Strings("sourceRanges")));
            Assert.All(firewalls.Where(r => r.Str("direction") == "INGRESS"), r => Assert.NotEmpty(r.Strings("sourceRanges")));
        }, iter: 150);

    [Fact]
    public void Every_type_is_a_known_sdk_resource_and_never_an_iap_brand_or_client() =>
        Configs.Holds(config =>
        {
            var known = typeof(GcpResourceTypes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
            foreach (var resource in GcpPlanner.Plan(config).Resources)
            {
                Assert.Contains(resource.Type, known);
                Assert.DoesNotMatch("^gcp:iap/(brand|client)", resource.Type);
            }
        }, iter: 100);

    [Fact]
    public void Planning_the_same_config_twice_gives_the_same_resources_in_the_same_order()
    {
        foreach (var config in new[] { TestConfigs.Dev(), TestConfigs.Prod() })
        {
            var first = GcpResourcesJsonWriter.Write(GcpPlanner.Plan(config).Resources);
            var second = GcpResourcesJsonWriter.Write(GcpPlanner.Plan(config with { }).Resources);
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Resources_come_grouped_by_component_in_the_documented_order()
    {
        var config = TestConfigs.Dev() with { Network = TestConfigs.Dev().Network with { Egress = EgressMode.Nat } };
        var order = GcpPlanner.Plan(config).Resources
            .Select(r => Array.FindIndex(Components, c => r.Name.StartsWith(c + "-", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(order.Order(), order);
        Assert.Equal(Components.Length, order.Distinct().Count());
    }

    [Fact]
    public void Team_config_order_does_not_change_the_resources()
    {
        var a = TestConfigs.Dev() with { Teams = [TestConfigs.Team("fraud"), TestConfigs.Team("recsys", "recsys-models")] };
        var b = a with { Teams = [.. a.Teams.Reverse()] };

        Assert.Equal(GcpResourcesJsonWriter.Write(GcpPlanner.Plan(a).Resources), GcpResourcesJsonWriter.Write(GcpPlanner.Plan(b).Resources));
    }
}
