using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>A secret written in clear is refused and never repeated back, not even in the finding about it.</summary>
public sealed class SecrecyTests
{
    private const string SecretLine = "      clientSecret:\n        secure: v1:Zm9vYmFyYmF6cXV4:Q2lwaGVydGV4dE9ubHlGb3JEb2NzTm90QVJlYWxTZWNyZXQ=\n";

    [Theory]
    [InlineData("GOCSPX-s3cr3tValue-9f8e7d")]
    [InlineData("plain-text-client-secret-42")]
    public void Plaintext_secret_is_reported_without_echoing_it(string plaintext)
    {
        using var repo = TempRepo.Shipped("prod");
        repo.Edit("Pulumi.prod.yaml", SecretLine, $"      clientSecret: {plaintext}\n");

        var report = repo.Check("prod");

        var finding = Assert.Single(report.Findings, f => f.RuleId == "secret-in-clear");
        Assert.Equal("secure-serving:iap.oauthClient.clientSecret", finding.KeyPath);
        Assert.Null(report.Config);
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains(plaintext, StringComparison.Ordinal) || f.Fix.Contains(plaintext, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "iap-oauth-admin-api");
    }

    [Fact]
    public void Google_client_secret_shape_is_caught_under_any_key()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit("stacks/dev/fraud.yaml", "    format: xgboost", "    format: xgboost\n    notes: GOCSPX-abcdef123456");

        var report = repo.Check("dev");

        Assert.Contains(report.Findings, f => f.RuleId == "secret-in-clear" && f.KeyPath == "models[1].notes" && f.File == "stacks/dev/fraud.yaml");
    }

    [Fact]
    public void Tls_secret_names_are_names_not_secrets()
    {
        using var repo = TempRepo.Shipped("dev");
        repo.Edit("Pulumi.dev.yaml", "    tls: certManager", "    tls: secret\n    tlsSecret: models-dev-tls");

        var report = repo.Check("dev");

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "secret-in-clear");
        Assert.Equal("models-dev-tls", report.Config!.Ingress.TlsSecret);
    }
}
