using SecureServing.Core.Config;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Tests.Gcp;

public sealed class WebhookPortsTests
{
    [Fact]
    public void Current_releases_need_knative_kserve_and_istio_ports_only()
    {
        var ports = WebhookPorts.For(new PlatformVersions());

        Assert.Equal([8443, 9443, 15017], ports.Select(p => p.Port));
        Assert.Equal(["knative", "kserve", "istio"], ports.Select(p => p.Component));
    }

    [Theory]
    [InlineData("0.11.0")]
    [InlineData("v0.11.1")]
    [InlineData("0.8.1")]
    public void Cert_manager_older_than_0_12_gets_6443(string version)
    {
        var ports = WebhookPorts.For(new PlatformVersions { CertManager = version });

        var certManager = Assert.Single(ports, p => p.Component == "cert-manager");
        Assert.Equal(6443, certManager.Port);
        Assert.Contains(version, certManager.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.12.0")]
    [InlineData("0.12.0-beta.1")]
    [InlineData("v1.0.0")]
    [InlineData("1.21.1")]
    [InlineData("1.13.0-beta.0")]
    public void Cert_manager_0_12_and_later_use_10250_which_gke_already_opens(string version)
    {
        var ports = WebhookPorts.For(new PlatformVersions { CertManager = version });

        Assert.DoesNotContain(ports, p => p.Component == "cert-manager");
        Assert.DoesNotContain(ports, p => p.Port is 6443 or 10250);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("")]
    [InlineData("1.2.3.4")]
    public void An_unparsable_cert_manager_version_is_refused_naming_the_key(string version)
    {
        var error = Assert.Throws<FormatException>(() => WebhookPorts.For(new PlatformVersions { CertManager = version }));
        Assert.Contains("secure-serving:versions.certManager", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.21.1", 1, 21, 1)]
    [InlineData("v0.11", 0, 11, 0)]
    [InlineData("1.13.0+build.5", 1, 13, 0)]
    public void Versions_parse_with_prefix_and_suffixes(string text, int major, int minor, int patch)
    {
        Assert.True(WebhookPorts.TryParseVersion(text, out var version));
        Assert.Equal(new Version(major, minor, patch), version);
    }
}
