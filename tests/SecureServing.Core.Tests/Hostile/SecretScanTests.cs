using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Hostile;

/// <summary>
/// A credential in clear is found wherever it is written, under any key, in the middle of a string, in a comment or
/// in a file that does not parse, and is never printed back.
/// </summary>
public sealed class SecretScanTests
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Prod = "Pulumi.prod.yaml";
    private const string Fraud = "stacks/dev/fraud.yaml";

    /// <summary>One sample of every shape in <see cref="SecretShapes.All"/>, by its description.</summary>
    public static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["a PEM private key"] = "-----BEGIN RSA PRIVATE KEY-----",
        ["a Google OAuth client secret (`GOCSPX-...`)"] = "GOCSPX-Xq3vL9kPz2RmT8wYb4Nc",
        ["a Google API key (`AIza...`)"] = "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
        ["a Google OAuth access token (`ya29.`...)"] = "ya29.a0AfH6SMBx3kQ9vLz7Rt2pWq8sY1nUeJc",
        ["an AWS access key ID (`AKIA...`)"] = "AKIAIOSFODNN7EXAMPLE",
        ["an AWS secret access key"] = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ["a GitHub token (`ghp_...`, `github_pat_...`)"] = "ghp_R7kq2Lm9Xv4Tz8Wb3Nc6Yp1Hs5Jd0Fg2Ae7Q",
        ["a Slack token (`xox...`)"] = "xoxb-2364820913-9830145523-Lq8Wz3Rv7Tn2",
        ["a Slack webhook URL"] = "https://hooks.slack.com/services/T00000000/B00000000/Xq3vL9kPz2RmT8wYb4Nc",
        ["a JSON Web Token (`eyJ...`)"] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlc2lnbmF0dXJl",
        ["kubeconfig credentials (`client-key-data`, `token`, `password`)"] = "client-key-data: LS0tLS1CRUdJTiBSU0E",
        ["credentials in a URL (`user:password@host`)"] = "https://dexuser:hunter2pass@dex.example.com/keys",
    };

    public static TheoryData<string> Shapes() => [.. Samples.Keys];

    [Fact]
    public void Every_shape_has_a_sample()
    {
        Assert.Equal(SecretShapes.All.Select(s => s.What).Order(StringComparer.Ordinal), Samples.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_in_the_middle_of_a_value_under_any_key_is_found(string shape)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Dev, "    title: SecureServing dev", $"    title: \"SecureServing dev {Escaped(Samples[shape])} for now\"");

        var report = repo.Check("dev");

        var finding = Assert.Single(report.Findings, f => f.RuleId == "secret-in-clear");
        Assert.Equal("secure-serving:perimeter.title", finding.KeyPath);
        Assert.Contains(shape, finding.Message, StringComparison.Ordinal);
        NotEchoed(report, Samples[shape]);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_in_a_comment_is_found_at_its_line(string shape)
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Fraud, "models:\n", $"# remember: {Samples[shape]}\nmodels:\n");

        var report = repo.Check("dev");

        var finding = Assert.Single(report.Findings, f => f.RuleId == "secret-in-clear");
        Assert.Equal((Fraud, KeyPaths.File, repo.LineOf(Fraud, "# remember: ")), (finding.File, finding.KeyPath, finding.Line));
        NotEchoed(report, Samples[shape]);
    }

    [Fact]
    public void Secret_in_a_file_that_does_not_parse_is_still_found()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Write(Fraud, "team: fraud\nnamespace: [unclosed\nclientSecret: GOCSPX-Xq3vL9kPz2RmT8wYb4Nc\n");

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.RuleId == "yaml-syntax" && f.File == Fraud);
        Assert.Contains(report.Findings, f => f.RuleId == "secret-in-clear" && f.File == Fraud && f.Line == 3);
        NotEchoed(report, "Xq3vL9kPz2RmT8wYb4Nc");
    }

    public static TheoryData<string, string, string, string, string, string> InClear() => new()
    {
        // aws:secretKey: a provider key ending in neither "secret" nor "password".
        { "dev", Dev, "  gcp:region: europe-west4\n", "  gcp:region: europe-west4\n  aws:region: eu-west-1\n  aws:secretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", "aws:secretKey", "wJalrXUtnFEMI" },
        { "dev", Dev, "  gcp:region: europe-west4\n", "  gcp:region: europe-west4\n  gcp:accessToken: not-a-real-token-but-plaintext\n", "gcp:accessToken", "not-a-real-token" },
        // A kubeconfig written as a map under the kubernetes provider's key.
        { "dev", Dev, "  gcp:region: europe-west4\n", "  gcp:region: europe-west4\n  kubernetes:kubeconfig:\n    apiVersion: v1\n    kind: Config\n    users:\n      - name: admin\n        user:\n          token: kubeadmtokenvalue\n", "kubernetes:kubeconfig", "kubeadmtokenvalue" },
        // A kubeconfig map under an innocent key, found by its credential field.
        { "dev", Fraud, "models:\n", "cluster:\n  users:\n    - user:\n        client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==\nmodels:\n", "cluster.users[0].user.client-key-data", "UFJJVkFURSBLRVktLS0tLQ==" },
        // Pulumi's own top-level `environment:` is scanned too.
        { "dev", Dev, "config:\n", "environment:\n  imports: [ml-dev]\n  notes: |\n    -----BEGIN PRIVATE KEY-----\n    MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n    -----END PRIVATE KEY-----\nconfig:\n", "environment.notes", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" },
        // A password in a URL's user-info would otherwise be rendered into the RequestAuthentication.
        { "prod", Prod, "      jwksUri: https://dex.example.com/keys", "      jwksUri: https://dexuser:hunter2pass@dex.example.com/keys", "secure-serving:mesh.dex.jwksUri", "hunter2pass" },
    };

    [Theory]
    [MemberData(nameof(InClear))]
    public void Secret_in_clear_is_found_at_its_key_and_not_echoed(string stack, string file, string find, string replace, string keyPath, string secret)
    {
        using var repo = TempRepo.Shipped(stack);
        repo.Edit(file, find, replace);

        var report = repo.Check(stack);

        Assert.Single(report.Findings, f => f.RuleId == "secret-in-clear" && f.File == file && f.KeyPath == keyPath);
        Assert.Null(report.Config);
        NotEchoed(report, secret);
    }

    [Fact]
    public void Aliased_secret_is_reported_once()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit(Fraud, "models:\n", "notes: &n GOCSPX-Xq3vL9kPz2RmT8wYb4Nc\nmore: *n\nagain: *n\nmodels:\n");

        Assert.Single(repo.Check("dev").Findings, f => f.RuleId == "secret-in-clear");
    }

    [Fact]
    public void Pulumi_secrets_and_shipped_files_hold_no_secret()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            using var repo = TempRepo.Shipped(stack);
            Assert.DoesNotContain(repo.Check(stack).Findings, f => f.RuleId == "secret-in-clear");
        }
    }

    private static string Escaped(string value) => value.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static void NotEchoed(CheckReport report, string secret)
    {
        var part = secret.Length > 12 ? secret[^12..] : secret;
        Assert.DoesNotContain(report.Findings, f => (f.Message + f.Fix + f.KeyPath).Contains(part, StringComparison.Ordinal));
    }
}
