using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Contract;

namespace SecureServing.Core.Tests.Docs;

/// <summary>The generator of docs/concerns.md's index (kept fresh by GeneratedDocsTests) finds what a reader looks for.</summary>
public sealed class ConcernIndexTests
{
    private static readonly Lazy<string> Index = new(() => ConcernIndex.Generate(TempRepo.RepoRoot()));

    [Fact]
    public void Every_gcp_concern_folder_and_kubernetes_decision_has_an_entry()
    {
        var gcp = Directory.GetDirectories(Path.Combine(TempRepo.RepoRoot(), "components/SecureServing.Core/Gcp")).Select(Path.GetFileName).ToList();

        Assert.All(gcp, folder => Assert.Contains($"(Gcp/{folder})", Index.Value, StringComparison.Ordinal));
        foreach (var decision in new[] { "TeamIsolation", "ModelCallers", "IapInMesh", "PublicHttpsGateway", "InferenceServices" })
        {
            Assert.Contains($"#### `{decision}`", Index.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_entry_lists_the_keys_it_reads_the_rules_at_those_keys_and_its_tests()
    {
        var cluster = Entry("`cluster` (Gcp/Cluster)");
        Assert.Contains("`secure-serving:cluster.endpoint`", cluster, StringComparison.Ordinal);
        Assert.Contains("`public-endpoint-in-prod`", cluster, StringComparison.Ordinal);
        Assert.Contains("`container.googleapis.com`", cluster, StringComparison.Ordinal);
        Assert.Contains("[ClusterComponent](../components/SecureServing.Components/Gcp/ClusterComponent.cs)", cluster, StringComparison.Ordinal);
        Assert.Contains("[ClusterPlanTests](../tests/SecureServing.Core.Tests/Gcp/ClusterPlanTests.cs)", cluster, StringComparison.Ordinal);
        Assert.DoesNotContain("`secure-serving:mesh.mtls`", cluster, StringComparison.Ordinal);

        var isolation = Entry("`TeamIsolation`");
        Assert.Contains("`<team>.yaml: authorization`", isolation, StringComparison.Ordinal);
        Assert.DoesNotContain("`secure-serving:cluster.endpoint`", isolation, StringComparison.Ordinal);
    }

    private static string Entry(string title)
    {
        var start = Index.Value.IndexOf($"#### {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no entry {title}");
        var end = Index.Value.IndexOf("\n####", start + 1, StringComparison.Ordinal);
        return Index.Value[start..(end < 0 ? Index.Value.Length : end)];
    }
}
