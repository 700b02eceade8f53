using System.Text.Json.Nodes;
using NJsonSchema;
using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Access;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

/// <summary>
/// The values the stack passes validate against the chart's own <c>values.schema.json</c>, where the chart publishes one
/// (the files and their sources are in <c>ChartSchemas/README.md</c>): Helm refuses values that do not, at deploy time.
/// </summary>
public sealed class ChartValuesSchemaTests
{
    /// <summary>Chart name and pinned version → the schema file of that chart at that version.</summary>
    private static readonly IReadOnlyDictionary<(string Chart, string Version), string> Schemas = new Dictionary<(string, string), string>
    {
        [("cert-manager", "v1.21.1")] = "cert-manager/values.schema.json",
        [("gateway", "1.30.3")] = "istio-gateway/values.schema.json",
    };

    private static readonly Lazy<Dictionary<string, JsonSchema>> Loaded = new(() => Schemas.Values.ToDictionary(f => f, Load));

    /// <summary>
    /// Loads a schema file. Both charts keep their subschemas under <c>$defs</c> (draft 2019-09 and later), which
    /// NJsonSchema does not resolve; moved under <c>definitions</c> (the draft-07 keyword, the same meaning), every
    /// <c>$ref</c> resolves. A reference that still does not resolve fails the test rather than passing silently.
    /// </summary>
    private static JsonSchema Load(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "tests", "SecureServing.Core.Tests", "ServingStack", "ChartSchemas", file)))!.AsObject();
        if (json["$defs"] is { } defs)
        {
            json.Remove("$defs");
            json["definitions"] = defs;
        }

        var text = json.ToJsonString().Replace("\"#/$defs/", "\"#/definitions/", StringComparison.Ordinal);
        return Task.Run(() => JsonSchema.FromJsonAsync(text)).GetAwaiter().GetResult();
    }

    public static TheoryData<string> Stacks => new() { "dev", "prod", "nat", "load-balancer" };

    private static PlatformConfig Config(string stack)
    {
        if (stack is "dev" or "prod")
        {
            return AccessKit.Shipped(stack, includeAccess: true);
        }

        var dev = TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } };
        return stack == "nat"
            ? dev with { Network = dev.Network with { Egress = EgressMode.Nat } }
            : dev with { Iap = dev.Iap with { Enabled = false }, Ingress = dev.Ingress with { LoadBalancerService = true } };
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_chart_with_a_published_schema_accepts_the_values_the_stack_passes(string stack)
    {
        var releases = ServingStackPlanner.Plan(Config(stack)).Releases.Where(r => r.Mechanism == InstallMechanism.HelmChart).ToList();

        var validated = 0;
        foreach (var release in releases)
        {
            if (!Schemas.TryGetValue((release.Chart!, release.Version), out var file))
            {
                Assert.DoesNotContain(Schemas.Keys, k => k.Chart == release.Chart); // a schema pinned for another version: update it
                continue;
            }

            var errors = Loaded.Value[file].Validate(release.Values.ToJsonString());
            Assert.True(errors.Count == 0, $"{release.Name} ({release.Chart} {release.Version}): " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
            validated++;
        }

        Assert.Equal(3, validated); // cert-manager and both gateways
    }

    [Fact]
    public void The_schemas_refuse_a_value_the_chart_does_not_know()
    {
        var release = ServingStackPlanner.Plan(AccessKit.Shipped("dev", includeAccess: true)).Find("istio-public-gateway")!;
        var values = (JsonObject)release.Values.DeepClone();
        values["serviceAcount"] = new JsonObject { ["name"] = "istio-public-gateway" };
        var certManager = (JsonObject)ServingStackPlanner.Plan(AccessKit.Shipped("dev", includeAccess: true)).Find("cert-manager")!.Values.DeepClone();
        certManager["crds"]!["enabled"] = "yes";

        Assert.NotEmpty(Loaded.Value["istio-gateway/values.schema.json"].Validate(values.ToJsonString()));
        Assert.NotEmpty(Loaded.Value["cert-manager/values.schema.json"].Validate(certManager.ToJsonString()));
    }

    [Fact]
    public void Every_schema_file_is_recorded_in_the_readme_with_its_source()
    {
        var readme = File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "tests", "SecureServing.Core.Tests", "ServingStack", "ChartSchemas", "README.md"));

        Assert.All(Schemas.Values, file => Assert.Contains($"| `{file}` |", readme, StringComparison.Ordinal));
        Assert.All(Schemas.Keys, key => Assert.Contains(key.Version, readme, StringComparison.Ordinal));
    }
}
