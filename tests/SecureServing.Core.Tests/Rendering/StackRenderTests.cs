using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Rendering;

/// <summary><c>render</c>'s output for the shipped stacks: stable bytes, what kubectl reads, no secret.</summary>
public sealed partial class StackRenderTests
{
    private static PlatformConfig Shipped(string stack)
    {
        var report = StackCheck.Run(TempRepo.RepoRoot(), stack);
        Assert.True(report.Config is not null, $"stack {stack} does not pass check");
        return report.Config;
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Two_renders_from_two_loads_are_byte_identical(string stack)
    {
        var first = StackRender.Render(Shipped(stack));
        var second = StackRender.Render(Shipped(stack));

        Assert.Equal(Encoding.UTF8.GetBytes(first.ManifestsYaml), Encoding.UTF8.GetBytes(second.ManifestsYaml));
        Assert.Equal(Encoding.UTF8.GetBytes(first.GcpResourcesJson), Encoding.UTF8.GetBytes(second.GcpResourcesJson));
        Assert.Equal(Encoding.UTF8.GetBytes(first.ReleasesYaml), Encoding.UTF8.GetBytes(second.ReleasesYaml));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_file_uses_lf_and_ends_with_a_newline(string stack)
    {
        var rendered = StackRender.Render(Shipped(stack));

        foreach (var text in new[] { rendered.ManifestsYaml, rendered.GcpResourcesJson, rendered.ReleasesYaml })
        {
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Manifests_hold_one_document_per_object_that_reads_back_as_the_object(string stack)
    {
        var config = Shipped(stack);
        var objects = KubernetesPlanner.Plan(config).Objects;

        var rendered = StackRender.Render(config);
        var documents = Yaml11.ReadAll(rendered.ManifestsYaml);

        Assert.Equal(objects.Count, rendered.KubernetesObjectCount);
        Assert.Equal(objects.Count, documents.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(objects[i].Manifest, documents[i]), $"document {i + 1} ({objects[i].Key}) differs from its object");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Exactly_the_patch_objects_carry_the_patch_comment(string stack)
    {
        // Bring-your-own: the shipped stacks install the serving stack, which takes every patch over.
        var config = Shipped(stack) with { Serving = new ServingConfig { Install = false } };
        var objects = KubernetesPlanner.Plan(config).Objects;

        var yaml = StackRender.Render(config).ManifestsYaml;
        var documents = yaml.Split("---\n")[1..];

        Assert.Equal(objects.Count, documents.Length);
        Assert.Contains(objects, o => o.Mode == ApplyMode.Patch);
        for (var i = 0; i < objects.Count; i++)
        {
            var commented = documents[i].StartsWith("# " + ManifestYamlWriter.PatchComment + "\n", StringComparison.Ordinal);
            Assert.True(commented == (objects[i].Mode == ApplyMode.Patch), $"{objects[i].Key} ({objects[i].Mode}) patch comment: {commented}");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Gcp_resources_are_an_array_of_type_name_properties_in_plan_order(string stack)
    {
        var config = Shipped(stack);
        var resources = GcpPlanner.Plan(config).Resources;

        var rendered = StackRender.Render(config);
        var array = Assert.IsType<JsonArray>(JsonNode.Parse(rendered.GcpResourcesJson));

        Assert.Equal(resources.Count, rendered.GcpResourceCount);
        Assert.Equal(resources.Count, array.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            var entry = Assert.IsType<JsonObject>(array[i]);
            Assert.Equal(["type", "name", "properties"], entry.Select(p => p.Key));
            Assert.Equal(resources[i].Type, (string?)entry["type"]);
            Assert.Equal(resources[i].Name, (string?)entry["name"]);
            Assert.True(JsonNode.DeepEquals(resources[i].Properties, entry["properties"]), $"{resources[i].Name} properties differ");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Releases_hold_one_document_per_installed_component_that_reads_back_as_its_record(string stack)
    {
        var config = Shipped(stack);
        var plan = ServingStackPlanner.Plan(config);

        var rendered = StackRender.Render(config);
        var documents = Yaml11.ReadAll(rendered.ReleasesYaml);

        Assert.Equal(10, plan.Releases.Count);
        Assert.Equal(plan.Releases.Count, rendered.ReleaseCount);
        Assert.Equal(plan.Releases.Count, documents.Count);
        for (var i = 0; i < plan.Releases.Count; i++)
        {
            var release = plan.Releases[i];
            Assert.True(JsonNode.DeepEquals(ReleasesYamlWriter.Document(release), documents[i]), $"document {i + 1} ({release.Name}) differs from its release");
            Assert.Equal(release.Name, (string?)documents[i]!["name"]);
            Assert.Equal(release.Version, (string?)documents[i]!["version"]);
            Assert.NotNull(documents[i]![release.Mechanism == InstallMechanism.HelmChart ? "chart" : "manifest"]);
        }

        // What a document holds, as literals (the round trip above cannot see a wrong value in the document itself).
        Assert.Equal(("istiod", "helm-chart", "istiod", "https://istio-release.storage.googleapis.com/charts"),
            ((string?)documents[1]!["name"], (string?)documents[1]!["mechanism"], (string?)documents[1]!["chart"], (string?)documents[1]!["repository"]));
    }

    [Fact]
    public void A_bring_your_own_stack_renders_no_releases_and_says_why()
    {
        var config = Shipped("dev") with { Serving = new ServingConfig { Install = false } };

        var rendered = StackRender.Render(config);

        Assert.Equal(0, rendered.ReleaseCount);
        Assert.Empty(Yaml11.ReadAll(rendered.ReleasesYaml));
        Assert.Contains("secure-serving:serving.install is false", rendered.ReleasesYaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Under_restricted_egress_no_rendered_image_is_outside_the_stacks_artifact_registry(string stack)
    {
        var config = Shipped(stack);
        var registry = $"{config.Region}-docker.pkg.dev/{config.ProjectId}/{config.DeploymentName}-";
        var rendered = StackRender.Render(config);
        var releases = Yaml11.ReadAll(rendered.ReleasesYaml);

        var images = ImageReferences(releases.Select(d => d!["values"]))
            .Concat(ImageReferences(Yaml11.ReadAll(rendered.ManifestsYaml)))
            .ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.StartsWith(registry, image, StringComparison.Ordinal));

        // Release manifests have no values: their images are redirected by the document's images map, registry by registry.
        var manifests = releases.Where(d => (string?)d!["mechanism"] == "release-manifest").ToList();
        Assert.Equal(["knative-serving", "net-istio"], manifests.Select(d => (string?)d!["name"]));
        Assert.All(manifests, d =>
        {
            var map = d!["images"]!.AsObject();
            Assert.Equal(["docker.io", "quay.io", "gcr.io", "ghcr.io"], map.Select(kv => kv.Key));
            Assert.All(map, kv => Assert.StartsWith(registry, (string?)kv.Value, StringComparison.Ordinal));
        });
    }

    /// <summary>Every string under a key that holds an image reference or registry (image, hub, rbacProxyImage, imageRegistry).</summary>
    private static IEnumerable<string> ImageReferences(IEnumerable<JsonNode?> documents)
    {
        foreach (var node in documents)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key is "image" or "hub" or "rbacProxyImage" or "imageRegistry" && value is JsonValue v && v.TryGetValue<string>(out var text))
                        {
                            yield return text;
                        }

                        foreach (var inner in ImageReferences([value]))
                        {
                            yield return inner;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var inner in ImageReferences(array))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"secure:\s*(\S+)")]
    private static partial Regex SecureValue();

    [Fact]
    public void Prod_render_shows_the_oauth_client_secret_only_as_a_placeholder()
    {
        var root = TempRepo.RepoRoot();
        var ciphertexts = SecureValue().Matches(File.ReadAllText(Path.Combine(root, "Pulumi.prod.yaml"))).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ciphertexts);
        var config = Shipped("prod");
        Assert.NotNull(config.Iap.OAuthClient.ClientSecret);

        var rendered = StackRender.Render(config);
        var both = rendered.ManifestsYaml + rendered.GcpResourcesJson + rendered.ReleasesYaml;

        foreach (var ciphertext in ciphertexts)
        {
            Assert.DoesNotContain(ciphertext, both, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secure:", both, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:", both, StringComparison.Ordinal);

        // Every field the plan fills from a Pulumi secret reads back as the placeholder, and there is at least one.
        var objects = KubernetesPlanner.Plan(config).Objects;
        var documents = Yaml11.ReadAll(rendered.ManifestsYaml);
        var secretFields = objects.SelectMany((o, i) => o.Secrets.Select(s => (Document: documents[i], s.Path))).ToList();
        Assert.NotEmpty(secretFields);
        foreach (var (document, path) in secretFields)
        {
            var value = path.Aggregate(document, (node, key) => node?[key]);
            Assert.Equal("[secret]", (string?)value);
        }
    }
}
