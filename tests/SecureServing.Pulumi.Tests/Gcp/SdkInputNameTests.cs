using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;
using SecureServing.Pulumi.Tests.Composition;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>
/// What <c>render</c> writes to gcp-resources.json is made of the SDK's own inputs (<see cref="SdkInputs"/>, read
/// from the restored Pulumi.Gcp and Pulumi.Random): every type is an SDK resource, every property name an input of
/// its resource or block, every required input set, and every resource that takes labels carries the stack's labels.
/// Checked for the shipped stacks with every switch the GCP plan branches on, not only the ones they set.
/// </summary>
public sealed class SdkInputNameTests
{
    /// <summary>Every combination of the stack (dev, prod), egress, control-plane endpoint, cluster provider, IAP,
    /// a created access policy with every perimeter block, teams or none, and the installed serving stack; then the
    /// variants of <see cref="GcpEquivalenceTests"/> (hardening off, maintenance, confidential nodes, scoped policy,
    /// existing keys, a dry run beside the enforced perimeter).</summary>
    private static IEnumerable<PlatformConfig> Configs()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            var baseline = ProgramRun.Load(stack);
            foreach (var egress in Enum.GetValues<EgressMode>())
            foreach (var endpoint in Enum.GetValues<ControlPlaneEndpoint>())
            foreach (var provider in Enum.GetValues<ClusterProvider>())
            foreach (var iap in new[] { true, false })
            foreach (var createPolicy in new[] { true, false })
            foreach (var teams in new[] { true, false })
            foreach (var installServing in new[] { true, false })
            {
                yield return baseline with
                {
                    Network = baseline.Network with { Egress = egress },
                    Cluster = baseline.Cluster with
                    {
                        Endpoint = endpoint,
                        Provider = provider,
                        MasterAuthorizedNetworks = [new AuthorizedNetwork("203.0.113.0/24", "office")],
                    },
                    Iap = baseline.Iap with { Enabled = iap },
                    Perimeter = createPolicy ? PerimeterBlocks.Everywhere(baseline.Perimeter, dryRun: true) : baseline.Perimeter,
                    Teams = teams ? baseline.Teams : [],
                    Serving = baseline.Serving with { Install = installServing },
                };
            }
        }

        var dev = ProgramRun.Load("dev");
        foreach (var variant in new[] { "hardening-off", "maintenance-and-confidential-nodes", "scoped-policy-and-conditions", "existing-keys" })
        {
            yield return GcpEquivalenceTests.Variant(dev, variant);
        }

        yield return GcpEquivalenceTests.Variant(ProgramRun.Load("prod"), "perimeter-next-change");
    }

    [Fact]
    public void Every_rendered_type_is_an_sdk_resource()
    {
        var tokens = typeof(GcpResourceTypes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.All(tokens, token => Assert.True(SdkInputs.ArgsOf(token) is not null, $"{token} is not the type token of a Pulumi.Gcp or Pulumi.Random resource"));
        Assert.All(Configs().SelectMany(c => GcpPlanner.Plan(c).Resources), r => Assert.Contains(r.Type, tokens));
    }

    [Fact]
    public void Properties_use_only_the_sdk_input_names_and_set_every_required_input()
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in Configs().SelectMany(c => GcpPlanner.Plan(c).Resources))
        {
            CheckInputs(SdkInputs.ArgsOf(resource.Type)!, resource.Type, resource.Properties, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_check_notices_a_misspelt_input_a_block_given_for_a_value_a_value_given_for_a_block_and_a_missing_required_input()
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        var firewall = GcpPlanner.Plan(ProgramRun.Load("dev")).Resources.First(r => r.Type == GcpResourceTypes.Firewall);
        var changed = (JsonObject)firewall.Properties.DeepClone();
        changed.Remove("network");
        changed["sourceRange"] = new JsonArray("10.0.0.0/8");
        changed["priority"] = new JsonObject { ["value"] = 1 };
        changed["logConfig"] = "on";
        changed["allows"] = "tcp";

        CheckInputs(SdkInputs.ArgsOf(firewall.Type)!, firewall.Type, changed, problems);

        Assert.Equal(
            [
                $"{firewall.Type}: 'allows' holds a String, but the input is a Blocks",
                $"{firewall.Type}: 'logConfig' holds a String, but the input is a Block",
                $"{firewall.Type}: 'priority' holds an object, but the input is not a block",
                $"{firewall.Type}: 'sourceRange' is not an input",
                $"{firewall.Type}: required input 'network' is not set",
            ],
            problems);
    }

    /// <summary>With the installed serving stack under restricted egress the plan also has the image-supply remote repositories.</summary>
    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", false)]
    [InlineData("dev", true)]
    [InlineData("prod", true)]
    public void Every_labellable_resource_carries_environment_team_and_cost_centre(string stack, bool installsServing)
    {
        var config = ProgramRun.Load(stack);
        config = config with
        {
            Serving = new ServingConfig { Install = installsServing },
            Network = config.Network with { Egress = EgressMode.Restricted },
        };
        var plan = GcpPlanner.Plan(config);
        var labelled = plan.Resources.Where(r => SdkInputs.LabelsInput(r.Type) is not null).ToList();

        Assert.Contains(labelled, r => r.Type == GcpResourceTypes.Cluster);
        Assert.Contains(labelled, r => r.Type == GcpResourceTypes.Bucket);
        Assert.Equal(installsServing, labelled.Any(r => r.Type == GcpResourceTypes.ArtifactRegistryRepository));
        Assert.All(labelled, r =>
        {
            var labels = r.Properties[SdkInputs.LabelsInput(r.Type)!] as JsonObject;
            Assert.True(labels is not null, $"{r.Name} ({r.Type}) takes labels but has none");
            Assert.Equal(stack, (string?)labels["environment"]);
            Assert.Equal(config.Labels.CostCentre, (string?)labels["cost-centre"]);
            Assert.NotNull((string?)labels["team"]);
        });
    }

    /// <summary>Checks each name of <paramref name="properties"/> against the inputs of <paramref name="args"/>, descends into blocks.</summary>
    private static void CheckInputs(Type args, string at, JsonObject properties, ISet<string> problems)
    {
        var inputs = SdkInputs.Of(args);
        foreach (var (name, value) in properties)
        {
            var path = $"{at}: '{name}'";
            if (!inputs.TryGetValue(name, out var input))
            {
                problems.Add($"{path} is not an input");
                continue;
            }

            switch (value, input.Shape)
            {
                case (JsonObject block, SdkInputs.Shape.Block):
                    CheckInputs(input.Block!, $"{at}.{name}", block, problems);
                    break;
                case (JsonArray blocks, SdkInputs.Shape.Blocks):
                    foreach (var block in blocks)
                    {
                        if (block is JsonObject item)
                        {
                            CheckInputs(input.Block!, $"{at}.{name}[]", item, problems);
                        }
                        else
                        {
                            problems.Add($"{path} holds a list item that is not a block");
                        }
                    }

                    break;
                case (JsonObject, SdkInputs.Shape.Map):
                    break; // its keys are data
                case (JsonObject, _):
                    problems.Add($"{path} holds an object, but the input is not a block");
                    break;
                case (JsonArray items, SdkInputs.Shape.Value) when items.Any(i => i is JsonObject):
                    problems.Add($"{path} holds a list of objects, but the input is a list of values");
                    break;
                case (_, SdkInputs.Shape.Block or SdkInputs.Shape.Blocks or SdkInputs.Shape.Map):
                    problems.Add($"{path} holds a {value?.GetValueKind().ToString() ?? "null"}, but the input is a {input.Shape}");
                    break;
            }
        }

        foreach (var required in inputs.Values.Where(i => i.Required && !properties.ContainsKey(i.Name)))
        {
            problems.Add($"{at}: required input '{required.Name}' is not set");
        }
    }
}
