using System.Text.Json.Nodes;
using CsCheck;
using SecureServing.Core.Rendering;

namespace SecureServing.Core.Tests.Rendering;

public sealed class ManifestYamlWriterTests
{
    private static readonly IReadOnlyList<string> NoComments = [];

    private static string Write(params JsonObject[] manifests) =>
        ManifestYamlWriter.Write([], manifests.Select(m => (m, NoComments)));

    private static JsonObject ConfigMap(string name, JsonObject data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "knative-serving" },
        ["data"] = data,
    };

    [Fact]
    public void Every_value_reads_back_with_its_type_as_kubectl_reads_yaml()
    {
        var manifest = new JsonObject
        {
            ["apiVersion"] = "networking.istio.io/v1",
            ["kind"] = "Gateway",
            ["metadata"] = new JsonObject { ["name"] = "kserve-local-gateway", ["labels"] = new JsonObject() },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["istio"] = "ingressgateway" },
                ["servers"] = new JsonArray(new JsonObject
                {
                    ["port"] = new JsonObject { ["number"] = 8445, ["name"] = "https", ["protocol"] = "HTTPS" },
                    ["hosts"] = new JsonArray("*", "*.example.com"),
                    ["tls"] = new JsonObject { ["mode"] = "SIMPLE", ["credentialName"] = "kserve-cluster-local-tls" },
                }),
                ["strings"] = new JsonArray("8443", "1.30", "true", "on", "off", "yes", "no", "y", "null", "~", "", "0o17", "0x1F",
                    "1_000", "12:30", "2026-03-19", ".5", "-1", "+1", "1e3", ".inf", "-.Inf", ".NaN", "<<", "="),
                ["template"] = "{{.Name}}-{{.Namespace}}.{{.Domain}}",
                ["ref"] = "${ss-dev-gke.endpoint}",
                ["comment"] = "a #b",
                ["colon"] = "key: value",
                ["numbers"] = new JsonArray(0, -1, 0.25, 15017),
                ["flags"] = new JsonArray(true, false),
                ["nothing"] = null,
                ["empty"] = new JsonArray(),
            },
        };

        var docs = Yaml11.ReadAll(Write(manifest));

        var doc = Assert.Single(docs);
        Assert.True(JsonNode.DeepEquals(manifest, doc), $"round trip changed the manifest:\n{doc?.ToJsonString()}");
    }

    [Fact]
    public void Multiline_strings_are_literal_blocks_that_read_back_exactly()
    {
        var json = "{\n  \"ingressGateway\": \"knative-serving/knative-ingress-gateway\",\n  \"disableIstioVirtualHost\": true\n}";
        var manifest = ConfigMap("inferenceservice-config", new JsonObject
        {
            ["ingress"] = json,
            ["withFinalNewline"] = json + "\n",
            ["trailingBlanks"] = "line 1  \nline 2\t\n",
        });

        var yaml = Write(manifest);

        Assert.Contains("  ingress: |-\n    {\n      \"ingressGateway\"", yaml, StringComparison.Ordinal);
        Assert.Contains("  withFinalNewline: |\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", yaml, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(manifest, Assert.Single(Yaml11.ReadAll(yaml))));
    }

    [Fact]
    public void Keys_keep_the_manifest_order()
    {
        var manifest = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = "fraud-models", ["labels"] = new JsonObject { ["z"] = "1", ["a"] = "2" } },
        };

        var yaml = Write(manifest);

        Assert.Equal("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: fraud-models\n  labels:\n    z: \"1\"\n    a: \"2\"\n", yaml);
    }

    [Fact]
    public void Documents_are_separated_and_commented_in_order_with_lf_and_a_final_newline()
    {
        var created = ConfigMap("a", new JsonObject { ["k"] = "v" });
        var patched = ConfigMap("config-domain", new JsonObject { ["models.example.com"] = "" });

        var yaml = ManifestYamlWriter.Write(
            ["Rendered for stack dev."],
            [(created, NoComments), (patched, [ManifestYamlWriter.PatchComment])]);

        Assert.StartsWith("# Rendered for stack dev.\n---\napiVersion: v1\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n---\n# patch: merged into an existing object\napiVersion: v1\n", yaml, StringComparison.Ordinal);
        Assert.Equal(2, yaml.Split('\n').Count(l => l == "---"));
        Assert.DoesNotContain('\r', yaml);
        Assert.EndsWith("\n", yaml, StringComparison.Ordinal);
        Assert.Equal(2, Yaml11.ReadAll(yaml).Count);
    }

    [Fact]
    public void Any_string_reads_back_as_the_same_string()
    {
        // Strings built from the characters that make YAML change a scalar's meaning.
        var text = Gen.String[Gen.Char["0123456789abeEnoxyYtrufslNOT.:+-_~#*&!|>'\"%@`{}[],? \n<="], 0, 12];
        var keyword = Gen.Int[0, 5].Select(i => new[] { "yes", "Off", "NULL", "0o777", "2026-01-02", "-.inf" }[i]);

        Gen.OneOf(text, keyword).Sample(value =>
        {
            var manifest = new JsonObject { ["value"] = value, ["keys"] = new JsonObject { [value] = "key" } };
            var yaml = Write(manifest);
            var doc = Assert.Single(Yaml11.ReadAll(yaml));
            Assert.True(JsonNode.DeepEquals(manifest, doc), $"{manifest.ToJsonString()} was written as\n{yaml}\nand read back as {doc?.ToJsonString()}");
        }, iter: 2000);
    }
}
