using System.Reflection;
using System.Text.RegularExpressions;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// Every format is checked against the whole string: .NET's <c>$</c> matches before a final newline, and a lenient
/// check lets `"default\n"`, a leading or trailing space or a look-alike character (Cyrillic `а`, fullwidth digits,
/// a no-break space) through to the render.
/// </summary>
public sealed class AnchoredFormatTests
{
    /// <summary>Every format regex of the core, by <c>Type.Method</c>, with a value it accepts.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["Formats.ProjectId"] = "acme-ml-dev",
        ["Formats.Region"] = "europe-west4",
        ["Formats.Numeric"] = "123456789012",
        ["Formats.Hostname"] = "models.dev.example.com",
        ["Formats.Member"] = "group:ml-platform@example.com",
        ["Formats.AccessLevelMember"] = "user:platform-admin@example.com",
        ["Formats.OAuthClientId"] = "222222222222-abc123def456.apps.googleusercontent.com",
        ["Formats.IapAudience"] = "/projects/222222222222/global/backendServices/1234567890",
        ["Formats.Bucket"] = "kfserving-examples",
        ["Formats.Version"] = "1.30.3",
        ["Formats.StackName"] = "dev",
        ["Formats.ServiceName"] = "storage.googleapis.com",
        ["Formats.StorageUri"] = "gs://kfserving-examples/models/sklearn/1.0/model",
        ["Formats.Image"] = "europe-west4-docker.pkg.dev/acme-ml-dev/mirror/xgbserver:v0.14.0",
        ["Formats.HttpsUrl"] = "https://dex.example.com/keys",
        ["Formats.MachineType"] = "e2-standard-4",
        ["Formats.ServiceAccountId"] = "ss-dev-fraud",
        ["Formats.Ipv4Cidr"] = "10.10.0.0/20",
        ["Formats.Ipv6Cidr"] = "2001:db8::/32",
        ["Formats.KmsKeyName"] = "projects/acme-ml-prod/locations/europe-west4/keyRings/ss-prod-keys/cryptoKeys/gke-secrets",
        ["Formats.LabelValue"] = "cc-4711",
        ["Formats.ImagePattern"] = "europe-docker.pkg.dev/acme-mirror/istio/**",
        ["Formats.UtcTime"] = "2026-01-03T00:00:00Z",
        ["Formats.Recurrence"] = "FREQ=WEEKLY;BYDAY=SA,SU",
        ["Formats.ExclusionName"] = "year-end freeze",
        ["Formats.SecurityGroup"] = "gke-security-groups@example.com",
        ["Formats.PerimeterIdentity"] = "serviceAccount:ss-deploy-prod@acme-ml-ops.iam.gserviceaccount.com",
        ["Formats.ProjectResource"] = "projects/222222222222",
        ["Formats.FolderScope"] = "folders/333333333333",
        ["Formats.RegionCode"] = "DE",
        ["Formats.VpcNetwork"] = "//compute.googleapis.com/projects/acme-ml-prod/global/networks/ss-prod-vpc",
        ["Formats.OperationService"] = "storage.googleapis.com",
        ["Formats.OperationMethod"] = "google.storage.objects.get",
        ["Formats.Permission"] = "storage.objects.get",
        ["Formats.OsVersion"] = "14.4",
        ["Formats.AcceleratorType"] = "nvidia-l4",
        ["Formats.TaintKey"] = "nvidia.com/gpu",
        ["Formats.TaintValue"] = "present",
        ["Formats.CpuQuantity"] = "500m",
        ["Formats.MemoryQuantity"] = "16Gi",
        ["NameRules.Rfc1035"] = "sklearn-iris",
        ["NameRules.Dns1123Label"] = "fraud-models",
        ["NameRules.Dns1123Subdomain"] = "kserve-cluster-local.tls",
        ["NameRules.VpcScName"] = "ss_dev_builders",
        ["ConfigLoader.StackOf"] = "Pulumi.dev.yaml",
        ["YamlScalars.DotExponent"] = ".E+7",
        ["AccessEvaluator.BackendId"] = "1234567890",
    };

    /// <summary>
    /// Regexes that search inside a text (they replace or find), not formats a whole value must have; so are the
    /// credential shapes of <see cref="SecretShapes"/>.
    /// </summary>
    private static readonly HashSet<string> Searches = new(StringComparer.Ordinal)
    {
        "ConfigLoader.Position", "KnativeDomainTemplate.Field", "KserveIngressConfig.KnativeDomainVariable",

        // The access evaluator's parsers of rendered policy strings (anchored, but they split a value we wrote, not a user's input).
        "AuthorizationPolicies.SpiffePath", "AuthorizationPolicies.HeaderKey", "AuthorizationPolicies.ClaimKey",
        "ServiceHosts.ServiceName", "VirtualServices.PortSuffix", "ServingConfig.TemplateVariable",

        // The config contract: a check on the patterns it publishes, and the prefix of other providers' keys.
        "ConfigSchema.LookaroundsOnly", "StackFileContract.OtherProvidersKey",

        // The GPU count at the end of a machine type the format already accepted (a2-highgpu-2g).
        "GpuAccelerators.GpuSuffix",
    };

    private static IEnumerable<(string Name, Regex Regex)> CoreRegexes() =>
        typeof(StackCheck).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsSpecialName)
                .Select(m => ($"{t.Name}.{m.Name}", (Regex)m.Invoke(null, null)!)));

    public static TheoryData<string> FormatNames() => [.. Examples.Keys];

    [Fact]
    public void Every_regex_is_a_listed_format_or_search()
    {
        var unlisted = CoreRegexes().Select(r => r.Name).Where(n => !Examples.ContainsKey(n) && !Searches.Contains(n) && !n.StartsWith("SecretShapes.", StringComparison.Ordinal)).ToList();

        Assert.True(unlisted.Count == 0, "list each regex as a format (with an example) or a search: " + string.Join(", ", unlisted));
        Assert.All(Examples.Keys, n => Assert.Contains(n, CoreRegexes().Select(r => r.Name)));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Format_accepts_its_example_and_refuses_every_variant(string name)
    {
        var regex = CoreRegexes().Single(r => r.Name == name).Regex;
        var example = Examples[name];

        Assert.StartsWith(@"\A", regex.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(@"\z", regex.ToString(), StringComparison.Ordinal);
        Assert.Matches(regex, example);
        Assert.All(Variants(example), v => Assert.False(regex.IsMatch(v), $"{name} accepts {Visible(v)}"));
    }

    /// <summary>No format regex anywhere in the sources (core, components, CLI) anchors with ^ or $.</summary>
    [Fact]
    public void No_source_regex_anchors_with_caret_or_dollar()
    {
        var root = TempRepo.RepoRoot();
        var offenders = new[] { "components", "infra" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("Regex(", StringComparison.Ordinal) || l.Text.Contains("Regex.", StringComparison.Ordinal))
            .Where(l => l.Text.Contains("(\"^", StringComparison.Ordinal) || l.Text.Contains("(@\"^", StringComparison.Ordinal)
                || l.Text.Contains("$\")", StringComparison.Ordinal) || l.Text.Contains("$\",", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "anchor with \\A and \\z: " + string.Join(", ", offenders));
    }

    /// <summary>A config value written with a trailing newline, a leading or trailing space or a look-alike character is refused at its key.</summary>
    private static readonly (string Stack, string File, string Prefix, string Value, string KeyPath)[] ConfigValues =
    [
        ("dev", "Pulumi.dev.yaml", "  gcp:project: ", "acme-ml-dev", "gcp:project"),
        ("dev", "Pulumi.dev.yaml", "  gcp:region: ", "europe-west4", "gcp:region"),
        ("dev", "Pulumi.dev.yaml", "  secure-serving:deploymentName: ", "ss-dev", "secure-serving:deploymentName"),
        ("dev", "Pulumi.dev.yaml", "  secure-serving:organizationId: ", "123456789012", "secure-serving:organizationId"),
        ("dev", "Pulumi.dev.yaml", "  secure-serving:projectNumber: ", "111111111111", "secure-serving:projectNumber"),
        ("dev", "Pulumi.dev.yaml", "    subnetCidr: ", "10.10.0.0/20", "secure-serving:network.subnetCidr"),
        ("dev", "Pulumi.dev.yaml", "    masterCidr: ", "172.16.0.0/28", "secure-serving:network.masterCidr"),
        ("dev", "Pulumi.dev.yaml", "    egress: ", "restricted", "secure-serving:network.egress"),
        ("dev", "Pulumi.dev.yaml", "    name: ", "ss-dev-gke", "secure-serving:cluster.name"),
        ("dev", "Pulumi.dev.yaml", "    deletionProtection: ", "false", "secure-serving:cluster.deletionProtection"),
        ("dev", "Pulumi.dev.yaml", "      - name: ", "serving", "secure-serving:cluster.nodePools[0].name"),
        ("dev", "Pulumi.dev.yaml", "        machineType: ", "e2-standard-4", "secure-serving:cluster.nodePools[0].machineType"),
        ("dev", "Pulumi.dev.yaml", "        minNodes: ", "1", "secure-serving:cluster.nodePools[0].minNodes"),
        ("dev", "Pulumi.dev.yaml", "      id: ", "987654321", "secure-serving:perimeter.accessPolicy.id"),
        ("dev", "Pulumi.dev.yaml", "    name: ", "ss_dev_perimeter", "secure-serving:perimeter.name"),
        ("dev", "Pulumi.dev.yaml", "      - name: ", "ss_dev_builders", "secure-serving:perimeter.accessLevels[0].name"),
        ("dev", "Pulumi.dev.yaml", "          - ", "user:platform-admin@example.com", "secure-serving:perimeter.accessLevels[0].members[1]"),
        ("dev", "Pulumi.dev.yaml", "      - ", "storage.googleapis.com", "secure-serving:perimeter.restrictedServices[0]"),
        ("dev", "Pulumi.dev.yaml", "      - ", "gcr.io", "secure-serving:registryDns.domains[0]"),
        ("dev", "Pulumi.dev.yaml", "    enabled: true\n    hostname: ", "models.dev.example.com", "secure-serving:iap.hostname"),
        ("dev", "Pulumi.dev.yaml", "      - ", "group:ml-platform@example.com", "secure-serving:iap.accessors[0]"),
        ("dev", "Pulumi.dev.yaml", "    mtls: ", "namespace", "secure-serving:mesh.mtls"),
        ("dev", "Pulumi.dev.yaml", "    team: ", "ml-platform", "secure-serving:labels.team"),
        ("dev", "Pulumi.dev.yaml", "            - ", "serviceAccount:ss-deploy-dev@acme-ml-ops.iam.gserviceaccount.com", "secure-serving:perimeter.ingressPolicies[0].from.identities[0]"),
        ("dev", "Pulumi.dev.yaml", "            - service: ", "pubsub.googleapis.com", "secure-serving:perimeter.ingressPolicies[0].to.operations[2].service"),
        ("prod", "Pulumi.prod.yaml", "      clientId: ", "222222222222-abc123def456.apps.googleusercontent.com", "secure-serving:iap.oauthClient.clientId"),
        ("prod", "Pulumi.prod.yaml", "      issuer: ", "https://dex.example.com", "secure-serving:mesh.dex.issuer"),
        ("prod", "Pulumi.prod.yaml", "      jwksUri: ", "https://dex.example.com/keys", "secure-serving:mesh.dex.jwksUri"),
        ("prod", "Pulumi.prod.yaml", "      tlsSecret: ", "kserve-cluster-local-tls", "secure-serving:mesh.localGateway.tlsSecret"),
        ("prod", "Pulumi.prod.yaml", "    securityGroup: ", "gke-security-groups@example.com", "secure-serving:cluster.securityGroup"),
        ("prod", "Pulumi.prod.yaml", "    costCentre: ", "cc-4711", "secure-serving:labels.costCentre"),
        ("dev", "stacks/dev/fraud.yaml", "team: ", "fraud", "team"),
        ("dev", "stacks/dev/fraud.yaml", "namespace: ", "fraud-models", "namespace"),
        ("dev", "stacks/dev/fraud.yaml", "  - ", "group:fraud-ml@example.com", "members[0]"),
        ("dev", "stacks/dev/fraud.yaml", "  - name: ", "sklearn-iris", "models[0].name"),
        ("dev", "stacks/dev/fraud.yaml", "    format: ", "sklearn", "models[0].format"),
        ("dev", "stacks/dev/fraud.yaml", "    exposeViaIap: ", "true", "models[0].exposeViaIap"),
        ("dev", "stacks/dev/recsys.yaml", "  - ", "fraud-models", "allowedNamespaces[0]"),
        ("dev", "Pulumi.dev.yaml", "          type: ", "nvidia-l4", "secure-serving:cluster.nodePools[1].accelerator.type"),
        ("dev", "stacks/dev/recsys.yaml", "      memory: ", "16Gi", "models[2].resources.memory"),
        ("dev", "stacks/dev/recsys.yaml", "    nodePool: ", "gpu-l4", "models[2].nodePool"),
        ("dev", "stacks/dev/recsys.yaml", "    scaleMetric: ", "concurrency", "models[2].scaleMetric"),
        ("dev", "stacks/dev/recsys.yaml", "  cpu: ", "24", "quota.cpu"),
    ];

    /// <summary>
    /// One variant (trailing newline, leading space, trailing no-break space, look-alike letter) written into every
    /// key of a stack at once: each key is refused at its own path. Four variants end to end; the regex-level test
    /// above takes all of them.
    /// </summary>
    [Theory]
    [InlineData("dev", 0)]
    [InlineData("dev", 2)]
    [InlineData("dev", 5)]
    [InlineData("dev", 6)]
    [InlineData("prod", 0)]
    [InlineData("prod", 2)]
    [InlineData("prod", 5)]
    [InlineData("prod", 6)]
    public void Config_value_variant_is_refused_at_its_key(string stack, int variant)
    {
        using var repo = TempRepo.Shipped(stack);
        var values = ConfigValues.Where(v => v.Stack == stack).ToList();
        foreach (var (_, file, prefix, value, _) in values)
        {
            var written = repo.Read(file).Contains(prefix + value + "\n", StringComparison.Ordinal) ? value : Quoted(value);
            var replacement = Variants(value).ElementAtOrDefault(variant) ?? Variants(value).Last();
            repo.Edit(file, prefix + written + "\n", prefix + Quoted(replacement) + "\n");
        }

        var report = repo.Check(stack);

        var missed = values.Where(v => !report.Findings.Any(f => f.Severity == Severity.Error && f.File == v.File && f.KeyPath == v.KeyPath)).Select(v => v.KeyPath).ToList();
        Assert.True(missed.Count == 0, $"variant {variant} passed at: {string.Join(", ", missed)}");
    }

    [Fact]
    public void Storage_uri_and_image_with_a_trailing_newline_are_refused()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit("stacks/dev/fraud.yaml", "    storageUri: \"{teamBucket}/sklearn/iris\"", "    storageUri: \"{teamBucket}/sklearn/iris\\n\"\n    image: \"europe-west4-docker.pkg.dev/acme-ml-dev/mirror/xgbserver:v0.14.0\\n\"");

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.KeyPath == "models[0].storageUri" && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.KeyPath == "models[0].image" && f.Severity == Severity.Error);
    }

    /// <summary>Trailing newline, leading and trailing (no-break) space, and look-alike letters and digits.</summary>
    private static IEnumerable<string> Variants(string value)
    {
        yield return value + "\n";
        yield return value + "\r\n";
        yield return " " + value;
        yield return value + " ";
        yield return "\u00A0" + value;
        yield return value + "\u00A0";
        var letter = value.IndexOfAny(LookAlikes.Keys.ToArray());
        if (letter >= 0)
        {
            yield return value[..letter] + LookAlikes[value[letter]] + value[(letter + 1)..];
        }

        var digit = value.IndexOfAny("0123456789".ToCharArray());
        if (digit >= 0)
        {
            yield return value[..digit] + (char)('０' + (value[digit] - '0')) + value[(digit + 1)..];
        }
    }

    /// <summary>Cyrillic letters that look like Latin ones.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['a'] = 'а', ['e'] = 'е', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['x'] = 'х', ['y'] = 'у', ['i'] = 'і', ['s'] = 'ѕ',
    };

    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private static string Visible(string value) => Quoted(value).Replace("\u00A0", "\\u00A0", StringComparison.Ordinal);
}
