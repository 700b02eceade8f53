using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Contract;

/// <summary>The published JSON Schemas under <c>schemas/</c> are generated from the config contract and usable by editors.</summary>
public sealed class ConfigSchemaTests
{
    private const string Filter = "FullyQualifiedName~Contract";

    public static TheoryData<string> SchemaFiles => [ConfigSchema.StackFileName, ConfigSchema.TeamFileName];

    private static string Generated(string file) =>
        ConfigSchema.Text(file == ConfigSchema.StackFileName ? ConfigSchema.StackFile() : ConfigSchema.TeamFile());

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Committed_schema_is_what_the_contract_generates(string file) =>
        GeneratedFiles.AssertFresh(Path.Combine("schemas", file), Generated(file), Filter);

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_is_valid_draft_2020_12_with_a_description_for_every_key(string file)
    {
        var text = Generated(file);
        using var document = JsonDocument.Parse(text);

        var meta = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(meta.IsValid, string.Join("; ", (meta.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
        Assert.Equal(ConfigSchema.Draft, document.RootElement.GetProperty("$schema").GetString());
        Assert.All(Properties(document.RootElement), p => Assert.True(
            p.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 10, $"`{p.Name}` has no description"));
        Assert.DoesNotContain("seed", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The smallest stack leaves almost every key out; what the loader fills in is what the schema documents.</summary>
    [Fact]
    public void Defaults_in_the_schema_are_what_the_loader_fills_in()
    {
        var loaded = ConfigLoader.Load(Path.Combine(CorpusTests.CorpusRoot(), "minimal-stack"), "qa").Config!;
        using var document = JsonDocument.Parse(Generated(ConfigSchema.StackFileName));
        string Default(string map, string key) => document.RootElement.GetProperty("properties").GetProperty("config").GetProperty("properties")
            .GetProperty(StackFileContract.Namespace + map).GetProperty("properties").GetProperty(key).GetProperty("default").ToString();
        string List(string map, string key) => JsonSerializer.Serialize(JsonSerializer.Deserialize<string[]>(Default(map, key)));

        Assert.Equal(Default("network", "egress"), StackFileContract.Network.Egress.Options.Single(o => o.Value == loaded.Network.Egress).Spelling);
        Assert.Equal(Default("cluster", "endpoint"), StackFileContract.Cluster.Endpoint.Options.Single(o => o.Value == loaded.Cluster.Endpoint).Spelling);
        Assert.Equal(Default("perimeter", "mode"), StackFileContract.Perimeter.Mode.Options.Single(o => o.Value == loaded.Perimeter.Mode).Spelling);
        Assert.Equal(Default("mesh", "mtls"), StackFileContract.Mesh.Mtls.Options.Single(o => o.Value == loaded.Mesh.Mtls).Spelling);
        Assert.Equal(Default("iap", "verifyJwtInMesh"), loaded.Iap.VerifyJwtInMesh ? "True" : "False");
        Assert.Equal(Default("cluster", "deletionProtection"), loaded.Cluster.DeletionProtection ? "True" : "False");
        Assert.Equal(Default("ingress", "domainTemplate"), loaded.Ingress.DomainTemplate);
        Assert.Equal(Default("ingress", "tlsSecret"), loaded.Ingress.TlsSecret);
        Assert.Equal(Default("versions", "istio"), loaded.Versions.Istio);
        Assert.Equal(List("perimeter", "restrictedServices"), JsonSerializer.Serialize(loaded.Perimeter.RestrictedServices));
        Assert.Equal(List("registryDns", "domains"), JsonSerializer.Serialize(loaded.RegistryDns.Domains));
    }

    /// <summary>JSON Schema patterns are ECMA-262: every format the loader enforces must mean the same there.</summary>
    [Fact]
    public void Every_format_is_an_ECMAScript_pattern_that_agrees_with_the_loader()
    {
        string[] samples =
        [
            "acme-ml-dev", "europe-west4", "123456789012", "models.dev.example.com", "group:ml@example.com", "user:a@b.c",
            "serviceAccount:1@cloudbuild.gserviceaccount.com", "x.apps.googleusercontent.com", "/projects/1/global/backendServices/2",
            "1.30.3", "storage.googleapis.com", "gcr.io", "", " ", "a b", "UPPER", "-x", "x-", "1.2", "ⅿodels.example.com", "ѕtorage.googleapis.com",
        ];
        var formats = AllKeys(StackFileContract.File).Concat(AllKeys(TeamFileContract.File))
            .SelectMany(k => k switch { TextKey { Format: { } f } => [f], TextListKey { ItemFormat: { } f } => new[] { f }, _ => [] })
            .Distinct()
            .ToList();

        Assert.True(formats.Count >= 8, $"only {formats.Count} formats");
        foreach (var format in formats)
        {
            var ecma = new Regex(ConfigSchema.EcmaPattern(format), RegexOptions.ECMAScript);
            Assert.All(samples, s => Assert.True(format.IsMatch(s) == ecma.IsMatch(s), $"`{format}` and its JSON Schema form disagree on `{s}`"));
        }
    }

    [Fact]
    public void Shipped_team_and_stack_files_name_their_schema_for_editors()
    {
        var root = TempRepo.RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "stacks"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => (File: f, Schema: ConfigSchema.TeamFileName, Up: "../../"))
            .Concat(Directory.EnumerateFiles(root, "Pulumi.*.yaml").Select(f => (File: f, Schema: ConfigSchema.StackFileName, Up: "")))
            .ToList();

        Assert.True(files.Count >= 6);
        Assert.All(files, f => Assert.StartsWith(
            $"# yaml-language-server: $schema={f.Up}schemas/{f.Schema}\n", File.ReadAllText(f.File), StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_written_as_text_is_read_up_to_int_max_and_no_further()
    {
        var pattern = new Regex(Scalars.DigitsUpTo(int.MaxValue), RegexOptions.ECMAScript);
        string[] texts = ["0", "7", "007", "999999999", "1000000000", "2147483647", "2147483648", "2200000000", "9999999999", "99999999999", "-1", "+1", "1 ", "", "1.0", "٣"];

        Assert.All(texts, t => Assert.True(pattern.IsMatch(t) == Scalars.TryCount(t, out _), $"`{t}`"));
        Assert.Equal("^0*(?:[0-5])$", Scalars.DigitsUpTo(5));
    }

    /// <summary>A count's declared limits are the published schema's, as a number and as quoted digits alike.</summary>
    [Theory]
    [InlineData("16", true)]
    [InlineData("\"16\"", true)]
    [InlineData("17", false)]
    [InlineData("\"17\"", false)]
    [InlineData("0", true)]
    public void A_count_beyond_its_declared_maximum_is_refused_by_the_schema_as_by_the_loader(string gpu, bool valid)
    {
        var schema = JsonSchema.FromText(Generated(ConfigSchema.TeamFileName));
        using var file = JsonDocument.Parse($$$"""{"team": "fraud", "namespace": "fraud-models", "models": [{"name": "m", "format": "sklearn", "storageUri": "{teamBucket}/m", "resources": {"gpu": {{{gpu}}}}}]}""");

        Assert.Equal(valid, schema.Evaluate(file.RootElement).IsValid);
        Assert.Equal(TeamFileContract.MaxGpusPerNode, TeamFileContract.ResourcesGpu.Maximum);
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var node in schema.EnumerateObject())
        {
            if (node.Name == "properties")
            {
                foreach (var property in node.Value.EnumerateObject())
                {
                    yield return property;
                    foreach (var inner in Properties(property.Value))
                    {
                        yield return inner;
                    }
                }
            }
            else if (node.Value.ValueKind == JsonValueKind.Object && node.Name is "items")
            {
                foreach (var inner in Properties(node.Value))
                {
                    yield return inner;
                }
            }
            else if (node.Value.ValueKind == JsonValueKind.Array && node.Name is "anyOf")
            {
                // Alternatives that are maps (oauthClient's); those without a type are conditions on keys declared above.
                foreach (var inner in node.Value.EnumerateArray().Where(a => a.TryGetProperty("type", out _)).SelectMany(Properties))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<ConfigKey> AllKeys(ConfigKey key) => key switch
    {
        MapKey m => m.Keys.SelectMany(AllKeys).Prepend(m),
        MapListKey l => AllKeys(l.Item).Prepend(l),
        ChoiceOrMapKey c => AllKeys(c.Map).Prepend(c),
        _ => [key],
    };
}
