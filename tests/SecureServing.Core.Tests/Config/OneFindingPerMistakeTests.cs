namespace SecureServing.Core.Tests.Config;

/// <summary>
/// One mistake in an ingress policy gives one finding: an unusable item is reported as itself, and does not also make
/// its list "empty" or the policy lack `identities`.
/// </summary>
public sealed class OneFindingPerMistakeTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Policy = "secure-serving:perimeter.ingressPolicies[0]";
    private const string Identities = "          identities:\n            - serviceAccount:ss-deploy-dev@acme-ml-ops.iam.gserviceaccount.com\n";
    private const string Sources = "          sources:\n            - accessLevel: \"*\"\n";
    private const string Operations = "          operations:\n            - service: storage.googleapis.com\n            - service: cloudkms.googleapis.com\n            - service: pubsub.googleapis.com\n            - service: binaryauthorization.googleapis.com\n            - service: artifactregistry.googleapis.com\n";

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { Identities, "          identities:\n            - \"\"\n", "missing-key", $"{Policy}.from.identities[0]" },
        { Sources, "          sources:\n            - anywhere\n", "wrong-type", $"{Policy}.from.sources[0]" },
        { Operations, "          operations:\n            - storage.googleapis.com\n", "wrong-type", $"{Policy}.to.operations[0]" },
        { Sources, "          sources: []\n", "invalid-value", $"{Policy}.from.sources" },
        { Identities, "          identities: []\n", "invalid-value", $"{Policy}.from" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mistake_in_a_policy_gives_one_finding(string find, string replace, string rule, string keyPath)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, find, replace);

        var findings = repo.Check("dev").Findings.Where(f => f.KeyPath.StartsWith(Policy, StringComparison.Ordinal)).ToList();

        Assert.True(findings.Count == 1 && findings[0].RuleId == rule && findings[0].KeyPath == keyPath,
            $"expected only {rule} at {keyPath}; got:\n" + string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.KeyPath}: {f.Message}")));
    }
}
