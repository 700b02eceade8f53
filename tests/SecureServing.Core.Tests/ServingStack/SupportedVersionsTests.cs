using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.ServingStack;

/// <summary>The version-compatibility table: what it accepts, what it refuses, and that every row cites a public page.</summary>
public sealed class SupportedVersionsTests
{
    [Fact]
    public void The_shipped_pins_are_a_supported_combination()
    {
        Assert.Empty(SupportedVersions.Check(new PlatformVersions()));
    }

    [Theory]
    [InlineData("1.29.0")]
    [InlineData("1.30.9")]
    public void Any_patch_of_a_supported_istio_line_is_accepted(string istio)
    {
        Assert.Empty(SupportedVersions.Check(new PlatformVersions { Istio = istio }));
    }

    [Theory]
    [InlineData(StackComponent.Istio, "1.28.4", "secure-serving:versions.istio", "Istio 1.29.x to 1.30.x")]
    [InlineData(StackComponent.Istio, "1.31.0", "secure-serving:versions.istio", "Istio 1.29.x to 1.30.x")]
    [InlineData(StackComponent.Knative, "1.21.3", "secure-serving:versions.knative", "Knative Serving (with net-istio) 1.22.x to 1.23.x")]
    [InlineData(StackComponent.Kserve, "0.18.1", "secure-serving:versions.kserve", "KServe 0.19.x to 0.20.x")]
    [InlineData(StackComponent.CertManager, "1.19.2", "secure-serving:versions.certManager", "cert-manager 1.20.x to 1.21.x")]
    public void A_line_outside_the_table_is_refused_with_its_key_and_supported_range(StackComponent component, string version, string key, string range)
    {
        var versions = With(new PlatformVersions(), component, version);

        var problem = Assert.Single(SupportedVersions.Check(versions));

        Assert.Equal(component, problem.Component);
        Assert.Contains($"`{key}` is `{version}`", problem.Message, StringComparison.Ordinal);
        Assert.Contains(range, problem.Message, StringComparison.Ordinal);
        Assert.Contains("https://", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knative_1_22_with_istio_1_30_names_the_istio_key_and_the_istio_line_net_istio_tests()
    {
        var problem = Assert.Single(SupportedVersions.Check(new PlatformVersions { Knative = "1.22.1" }));

        Assert.Equal(StackComponent.Istio, problem.Component);
        Assert.StartsWith("`secure-serving:versions.istio` is `1.30.3`", problem.Message, StringComparison.Ordinal);
        Assert.Contains("needs Istio 1.29.x", problem.Message, StringComparison.Ordinal);
        Assert.Contains("https://github.com/knative-extensions/net-istio/releases/tag/knative-v1.22.0", problem.Message, StringComparison.Ordinal);
        Assert.Empty(SupportedVersions.Check(new PlatformVersions { Knative = "1.22.1", Istio = "1.29.5" }));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = SupportedVersions.Check(new PlatformVersions { Istio = "1.27.0", Kserve = "0.21.0", CertManager = "1.22.0" });

        Assert.Equal([StackComponent.Istio, StackComponent.Kserve, StackComponent.CertManager], problems.Select(p => p.Component));
    }

    [Fact]
    public void Every_row_cites_a_public_page_and_says_what_it_rests_on()
    {
        Assert.All(SupportedVersions.Table, row =>
        {
            Assert.StartsWith("https://", row.Source.Url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(row.Evidence));
            Assert.All(row.Requires, r => Assert.StartsWith("https://", r.Source.Url, StringComparison.Ordinal));
            Assert.DoesNotContain("seed", row.Evidence + row.Source.Title, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(Enum.GetValues<StackComponent>(), c => Assert.Contains(SupportedVersions.Table, r => r.Component == c));
    }

    [Fact]
    public void The_readme_lists_the_supported_lines()
    {
        var readme = File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), "README.md"));

        Assert.Contains(SupportedVersions.ReadmeTable(), readme, StringComparison.Ordinal);
    }

    private static PlatformVersions With(PlatformVersions v, StackComponent component, string version) => component switch
    {
        StackComponent.Istio => v with { Istio = version },
        StackComponent.Knative => v with { Knative = version },
        StackComponent.Kserve => v with { Kserve = version },
        _ => v with { CertManager = version },
    };
}
