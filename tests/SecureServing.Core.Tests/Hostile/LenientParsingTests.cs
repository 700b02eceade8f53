using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// Nothing is read more leniently than GCP, Kubernetes or a reviewer would read it: CIDRs only in strict dotted
/// decimal, no range broader than /8 without an acknowledgement, empty strings are not values, a key written twice
/// under another tag or quotes is a duplicate.
/// </summary>
public sealed class LenientParsingTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Prod = "Pulumi.prod.yaml";
    private const string Fraud = "stacks/dev/fraud.yaml";
    private const string PrivateEndpoint = "    endpoint: private\n    masterAuthorizedNetworks:\n";

    [Theory]
    [InlineData("010.010.0.0/16")]
    [InlineData("0xac.0x10.0.0/28")]
    [InlineData("10.1/16")]
    [InlineData("167772160/8")]
    [InlineData("10.10.0.0/020")]
    [InlineData("10.10.0.0 /20")]
    [InlineData("::ffff:10.10.0.0/116")]
    [InlineData("fe80::%eth0/64")]
    public void Non_canonical_cidr_is_refused_everywhere(string cidr)
    {
        using var repo = TempRepo.Shipped("prod");
        repo.Edit(Prod, "    subnetCidr: 10.40.0.0/20", $"    subnetCidr: \"{cidr}\"");
        repo.Edit(Prod, "    endpoint: dns", $"{PrivateEndpoint}      - cidr: \"{cidr}\"\n        name: office");
        repo.Edit(Prod, "        title: Image mirroring\n", $"        title: Image mirroring\n        ipSubnetworks: [\"{cidr}\"]\n");

        var report = repo.Check("prod");

        Assert.Contains(report.Findings, f => f.RuleId == "cidr-syntax" && f.KeyPath == "secure-serving:network.subnetCidr");
        Assert.Contains(report.Findings, f => f.RuleId == "cidr-syntax" && f.KeyPath == "secure-serving:cluster.masterAuthorizedNetworks[0].cidr");
        Assert.Contains(report.Findings, f => f.RuleId == "cidr-syntax" && f.KeyPath == "secure-serving:perimeter.accessLevels[0].ipSubnetworks[0]");
    }

    [Fact]
    public void Leading_zero_hint_names_the_octal_reading()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    podsCidr: 10.20.0.0/16", "    podsCidr: 010.020.0.0/16");

        var finding = Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "cidr-syntax");

        Assert.Contains("leading zero", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Internet_split_in_halves_is_refused_as_authorized_networks()
    {
        using var repo = TempRepo.Shipped("prod");
        repo.Edit(Prod, "    endpoint: dns", $"{PrivateEndpoint}      - cidr: 0.0.0.0/1\n        name: low\n      - cidr: 128.0.0.0/1\n        name: high");

        var report = repo.Check("prod");

        Assert.Contains(report.Findings, f => f.RuleId == "range-too-broad" && f.KeyPath == "secure-serving:cluster.masterAuthorizedNetworks[0].cidr" && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.RuleId == "range-too-broad" && f.KeyPath == "secure-serving:cluster.masterAuthorizedNetworks[1].cidr");
        Assert.Null(report.Config);
    }

    [Fact]
    public void Many_narrow_ranges_adding_up_to_more_than_a_slash_8_are_refused_as_a_list()
    {
        using var repo = TempRepo.Shipped("dev");
        var ranges = string.Join(", ", Enumerable.Range(1, 4).Select(i => $"\"{i * 16}.0.0.0/8\""));
        repo.Edit(Dev, "        title: Image mirroring and platform admins\n", $"        title: Image mirroring and platform admins\n        ipSubnetworks: [{ranges}]\n");

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.RuleId == "range-too-broad" && f.KeyPath == "secure-serving:perimeter.accessLevels[0].ipSubnetworks");
    }

    [Fact]
    public void Broad_range_can_be_acknowledged_with_a_reason()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "        title: Image mirroring and platform admins\n", "        title: Image mirroring and platform admins\n        ipSubnetworks: [\"100.0.0.0/6\"]\n");
        repo.Edit(Dev, "  secure-serving:ingress:", "  secure-serving:acknowledge:\n    - rule: range-too-broad\n      reason: the carrier-grade NAT range of our mobile workforce\n  secure-serving:ingress:");

        var report = repo.Check("dev");

        var finding = Assert.Single(report.Findings, f => f.RuleId == "range-too-broad");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.NotNull(report.Config);
    }

    [Fact]
    public void Slash_8_is_fine()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "        title: Image mirroring and platform admins\n", "        title: Image mirroring and platform admins\n        ipSubnetworks: [\"10.0.0.0/8\"]\n");

        Assert.DoesNotContain(repo.Check("dev").Findings, f => f.Severity == Severity.Error);
    }

    public static TheoryData<string, string, string, string, string> EmptyValues() => new()
    {
        { "dev", Dev, "    masterCidr: 172.16.0.0/28", "    masterCidr: \"\"", "secure-serving:network.masterCidr" },
        { "dev", Dev, "    subnetCidr: 10.10.0.0/20", "    subnetCidr: \"  \"", "secure-serving:network.subnetCidr" },
        { "dev", Dev, "  secure-serving:deploymentName: ss-dev", "  secure-serving:deploymentName: ''", "secure-serving:deploymentName" },
        { "dev", Dev, "    name: ss-dev-gke", "    name: \"\"", "secure-serving:cluster.name" },
        { "dev", Dev, "      - name: serving", "      - name: \"\"", "secure-serving:cluster.nodePools[0].name" },
        { "dev", Dev, "      - name: ss_dev_builders", "      - name: \"\"", "secure-serving:perimeter.accessLevels[0].name" },
        { "dev", Dev, "      - group:ml-platform@example.com", "      - \"\"", "secure-serving:iap.accessors[0]" },
        { "dev", Fraud, "namespace: fraud-models", "namespace: \"\"", "namespace" },
        { "dev", Fraud, "team: fraud", "team: \"\"", "team" },
        { "dev", Fraud, "  - name: sklearn-iris", "  - name: \"\"", "models[0].name" },
        { "dev", Fraud, "    storageUri: \"{teamBucket}/sklearn/iris\"", "    storageUri: \"\"", "models[0].storageUri" },
        { "dev", Fraud, "    format: sklearn", "    format: \"\"", "models[0].format" },
        { "dev", Dev, "    name: ss-dev-gke", "    name: ss-dev-gke\n    provider: existing\n    kubeconfig:\n      secure: \"\"", "secure-serving:cluster.kubeconfig" },
        { "prod", Prod, "        secure: v1:Zm9vYmFyYmF6cXV4:Q2lwaGVydGV4dE9ubHlGb3JEb2NzTm90QVJlYWxTZWNyZXQ=", "        secure: ''", "secure-serving:iap.oauthClient.clientSecret" },
    };

    [Theory]
    [MemberData(nameof(EmptyValues))]
    public void Empty_string_is_absent_and_reported(string stack, string file, string find, string replace, string keyPath)
    {
        using var repo = TempRepo.Shipped(stack);
        repo.Edit(file, find, replace);

        var report = repo.Check(stack);

        Assert.True(report.Findings.Any(f => f.Severity == Severity.Error && f.File == file && f.KeyPath == keyPath),
            $"no error at {keyPath}:\n" + string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.File} {f.KeyPath}")));
        Assert.Null(report.Config);
    }

    [Theory]
    [InlineData("!!str authorization: false")]
    [InlineData("\"authorization\": false")]
    [InlineData("'authorization': false")]
    [InlineData("? authorization\n: false")]
    [InlineData("\"author\\x69zation\": false")]
    [InlineData("!<tag:yaml.org,2002:str> authorization: false")]
    public void Key_written_twice_under_another_spelling_is_a_duplicate(string second)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Fraud, "namespace: fraud-models\n", $"namespace: fraud-models\nauthorization: true\n{second}\n");

        var report = repo.Check("dev");

        var finding = Assert.Single(report.Findings, f => f.RuleId == "yaml-syntax" && f.File == Fraud);
        Assert.Contains("`authorization`", finding.Message, StringComparison.Ordinal);
        Assert.Null(report.Config);
    }

    [Fact]
    public void Tagged_duplicate_in_the_stack_file_is_refused()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    verifyJwtInMesh: true", "    verifyJwtInMesh: true\n    !!str verifyJwtInMesh: false");

        var line = repo.LineOf(Dev, "!!str verifyJwtInMesh");
        Assert.Contains(repo.Check("dev").Findings, f => f.RuleId == "yaml-syntax" && f.File == Dev && f.Line == line);
    }
    [Fact]
    public void Replicas_and_quantities_too_large_to_add_up_are_findings_not_a_crash()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit("stacks/dev/recsys.yaml", "      memory: 16Gi\n", "      memory: 999999999999999Ti\n");
        repo.Edit("stacks/dev/recsys.yaml", "    nodePool: gpu-l4\n    minReplicas: 1\n", "    nodePool: gpu-l4\n    minReplicas: 1000\n");
        repo.Edit("stacks/dev/recsys.yaml", "    exposeViaIap: false\n    minReplicas: 0\n", "    exposeViaIap: false\n    minReplicas: 2147483647\n");

        var findings = repo.Check("dev").Findings;

        Assert.Contains(findings, f => f.RuleId == "quota-too-small" && f.File == "stacks/dev/recsys.yaml" && f.Message.Contains("bytes of memory", StringComparison.Ordinal));
        // The out-of-range minReplicas is reported and dropped (KServe's default 1 counts), so the sum is 1 + 1 + 1000.
        Assert.Contains(findings, f => f.RuleId == "quota-too-small" && f.Message.Contains("1002 pods", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.RuleId == "quota-too-small" && f.Message.Contains("2147", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "invalid-value" && f.KeyPath == "models[1].minReplicas");
    }
    [Fact]
    public void A_misspelt_event_is_a_did_you_mean_not_an_empty_list()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    notifications:\n      events: [securityBulletn]\n");

        var findings = repo.Check("dev").Findings.Where(f => f.KeyPath.StartsWith("secure-serving:cluster.notifications", StringComparison.Ordinal)).ToList();

        var finding = Assert.Single(findings);
        Assert.Contains("securityBulletin", finding.Fix ?? finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("is empty", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_region_is_one_finding_not_a_chain_of_follow_ons()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "  gcp:region: europe-west4\n", "");
        repo.Edit(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    secretsEncryption: projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/secrets\n");

        var findings = repo.Check("dev").Findings.Where(f => f.Severity == Severity.Error || f.RuleId == "accelerator-not-in-region").ToList();

        Assert.Equal(["gcp:region"], findings.Select(f => f.KeyPath));
    }
}
