using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// A refused value that looks secret is never printed: every finding is redacted where it is created, and an
/// acknowledgement whose reason holds a secret is refused.
/// </summary>
public sealed class RedactionTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Prod = "Pulumi.prod.yaml";
    private const string Recsys = "stacks/dev/recsys.yaml";
    private const string OAuthSecret = "GOCSPX-Xq3vL9kPz2RmT8wYb4Nc";
    private const string RandomToken = "Zx8Kp2Qw9Lm4Rt7Vb3Nc6Yh1Jd5Gf0";

    public static TheoryData<string, string, string, string, string> Pasted() => new()
    {
        { "prod", Prod, "      clientId: 222222222222-abc123def456.apps.googleusercontent.com", $"      clientId: {OAuthSecret}", OAuthSecret },
        { "prod", Prod, "      clientId: 222222222222-abc123def456.apps.googleusercontent.com", $"      clientId: {RandomToken}", RandomToken },
        { "dev", Dev, "    oauthClient: managed", $"    oauthClient: {OAuthSecret}", OAuthSecret },
        { "dev", Dev, "    oauthClient: managed", $"    oauthClient: {RandomToken}", RandomToken },
        { "dev", "stacks/dev/fraud.yaml", "    storageUri: \"{teamBucket}/sklearn/iris\"", "    storageUri: https://svc:s3cr3tpass@storage.example.com/iris", "s3cr3tpass" },
        { "prod", Prod, "      issuer: https://dex.example.com", "      issuer: https://admin:dexs3cret@dex.example.com", "dexs3cret" },
        { "dev", Dev, "    egress: restricted", $"    egress: {RandomToken}", RandomToken },
        { "dev", Dev, "    hostname: models.dev.example.com\n    oauthClient", $"    hostname: {RandomToken}\n    oauthClient", RandomToken },
    };

    [Theory]
    [MemberData(nameof(Pasted))]
    public void Secret_pasted_into_a_checked_value_is_not_printed(string stack, string file, string find, string replace, string secret)
    {
        using var repo = TempRepo.Shipped(stack);
        repo.Edit(file, find, replace);

        var report = repo.Check(stack);

        Assert.True(report.HasErrors);
        var text = CheckReportText.ToText(report);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\\n-----END RSA PRIVATE KEY-----")]
    [InlineData("the password is Zx8Kp2Qw9Lm4Rt7Vb3Nc6Yh1Jd5Gf0")]
    public void Acknowledgement_whose_reason_holds_a_secret_is_refused(string reason)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Recsys, "    reason: batch-ranker is called only by the nightly batch job in dev and must scale to zero; no user data in dev.", $"    reason: \"{reason}\"");

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.RuleId == "secret-in-clear" && f.File == Recsys && f.KeyPath == "acknowledge[0].reason");
        Assert.Contains(report.Findings, f => f.RuleId == "activator-bypasses-isolation" && f.Severity == Severity.Error);
        var text = CheckReportText.ToText(report);
        Assert.DoesNotContain("MIIBOgIBAAJBAKj34", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx8Kp2Qw9Lm4Rt7Vb3Nc6Yh1Jd5Gf0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_redacts_whoever_creates_or_copies_it()
    {
        var finding = new Finding("invalid-value", Severity.Error, Dev, $"x.{OAuthSecret}", $"`x` is `{OAuthSecret}`.", $"Remove {RandomToken}.");
        var copy = finding with { Message = $"Acknowledged ({RandomToken}): https://u:p4ss@h.example.com" };

        Assert.DoesNotContain(OAuthSecret, finding.Message + finding.KeyPath, StringComparison.Ordinal);
        Assert.DoesNotContain(RandomToken, finding.Fix + copy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p4ss", copy.Message, StringComparison.Ordinal);
        Assert.Contains("https://[redacted]@h.example.com", copy.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`secure-serving:network.masterCidr` is `172.16.0.0/27`, a /27.")]
    [InlineData("`models[0].storageUri` reads bucket `kfserving-examples`; copy it to `{teamBucket}/sklearn/iris`.")]
    [InlineData("`secure-serving:iap.oauthClient.clientId` is `222222222222-abc123def456.apps.googleusercontent.com`.")]
    [InlineData("Rename `imageMirrorIdentity` in `secure-serving:perimeter.accessLevels[0].members[1]`.")]
    [InlineData("`serviceAccount:acme-ml-dev.svc.id.goog[fraud-models/model-serving]` and `ss-dev-fraud-models-1a2b3c4d`.")]
    public void Ordinary_messages_are_left_alone(string message)
    {
        Assert.Equal(message, SecretShapes.Redact(message));
    }

    /// <summary>Inputs the fuzz test once found echoed (each stays a fixed case): the secret part is gone after redaction.</summary>
    [Theory]
    [InlineData("`members` must be a list, not `AKIA742JMYCPK6MW5XAUE8D`.", "742JMYCPK6MW5XAUE8D")]
    [InlineData("must be a map, not `-----BEGIN PRIVATE KEY-----\nMIIEvPRyyrVSBaHmxKmEQ\n-----END PRIVATE KEY-----\n`.", "PRyyrVSBaHmxKmEQ")]
    [InlineData("gives hosts such as `model-predictor-team-models.https://admin:xS26twuBJTQEQG4cU@dex.example.com/keys`", "xS26twuBJTQEQG4cU")]
    public void Secrets_the_fuzz_found_echoed_are_redacted(string message, string secret)
    {
        var redacted = SecretShapes.Redact(message);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted]", redacted, StringComparison.Ordinal);
    }
}
