namespace SecureServing.Core.Tests.Config;

/// <summary>
/// image-mirror-without-access-level counts an ingress policy only when it admits the mirroring: the mirror identity
/// (listed, or covered by the identity type), Artifact Registry (or every service), the stack's project (or `*`).
/// </summary>
public sealed class ImageMirrorIngressTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Mirror = "serviceAccount:111111111111@cloudbuild.gserviceaccount.com";

    private static string Policy(string from, string to) =>
        $"      - title: image mirroring\n        from:\n{from}          sources:\n            - accessLevel: ss_dev_builders\n        to:\n{to}";

    private const string Listed = $"          identities:\n            - {Mirror}\n";
    private const string AnyServiceAccount = "          identityType: anyServiceAccount\n";
    private const string AnyUser = "          identityType: anyUserAccount\n";
    private const string Registry = "          operations:\n            - service: artifactregistry.googleapis.com\n";
    private const string AllServices = "          operations:\n            - service: \"*\"\n";
    private const string StorageOnly = "          operations:\n            - service: storage.googleapis.com\n";
    private const string OtherProject = "          resources:\n            - projects/333333333333\n";
    private const string ThisProject = "          resources:\n            - projects/111111111111\n";

    public static TheoryData<string, string, bool> Cases() => new()
    {
        { "listed identity, Artifact Registry, every resource", Policy(Listed, Registry), false },
        { "listed identity, every service, this project", Policy(Listed, ThisProject + AllServices), false },
        { "any service account, Artifact Registry", Policy(AnyServiceAccount, Registry), false },
        { "listed identity, storage only", Policy(Listed, StorageOnly), true },
        { "listed identity, Artifact Registry of another project", Policy(Listed, OtherProject + Registry), true },
        { "any user account (the mirror is a service account)", Policy(AnyUser, Registry), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_ingress_policy_counts_only_when_it_admits_the_mirroring(string name, string policy, bool reported)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, $"          - {Mirror}\n", "");
        repo.Edit(Dev, "  secure-serving:registryDns:", policy + "  secure-serving:registryDns:");

        var report = repo.Check("dev");

        var hits = report.Findings.Where(f => f.RuleId == "image-mirror-without-access-level").ToList();
        Assert.True(hits.Count == (reported ? 1 : 0), $"{name}: expected {(reported ? "one finding" : "none")}; got:\n"
            + string.Join("\n", report.Findings.Select(f => $"  {f.RuleId} {f.File}: {f.KeyPath} {f.Message}")));
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "wrong-type" or "invalid-value" or "unknown-key" or "missing-key");
    }
}
