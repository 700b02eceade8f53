using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.CheckText;

/// <summary>The text of a check report, shared by <c>check</c> and the Pulumi program's refusal.</summary>
public sealed class CheckReportTextTests
{
    [Fact]
    public void A_finding_prints_severity_rule_key_line_message_and_fix_under_its_file()
    {
        var finding = new Finding("network-master-cidr", Severity.Error, "Pulumi.dev.yaml", "secure-serving:network.masterCidr",
            "The master CIDR must be a private /28.", "Set a private /28, e.g. 172.16.0.0/28.") { Line = 12 };
        var report = new CheckReport("dev", null, [finding]);

        Assert.Equal(
            "Pulumi.dev.yaml\n" +
            "  error [network-master-cidr] secure-serving:network.masterCidr (line 12)\n" +
            "    The master CIDR must be a private /28.\n" +
            "    fix: Set a private /28, e.g. 172.16.0.0/28.",
            CheckReportText.FindingWithFile(finding));
        Assert.Equal(
            "Pulumi.dev.yaml\n" +
            "  error [network-master-cidr] secure-serving:network.masterCidr (line 12)\n" +
            "    The master CIDR must be a private /28.\n" +
            "    fix: Set a private /28, e.g. 172.16.0.0/28.\n" +
            "check dev: 1 error(s), 0 warning(s); refused\n",
            CheckReportText.ToText(report));
    }
}
