using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Rendering;
using SecureServing.Core.Tests.Access;
using SecureServing.Core.Tests.Config;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.OrgPolicy;

/// <summary>The hardened-organization datasets kept as test data in this folder, and the shipped stacks they judge.</summary>
internal static class OrgPolicyData
{
    private const string Folder = "tests/SecureServing.Core.Tests/OrgPolicy";

    /// <summary>The root mapping of the dataset <paramref name="file"/> (a file name in this folder).</summary>
    public static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), Folder, file))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>A shipped stack's config, after the whole <c>check</c> (access gate included) passes without errors.</summary>
    public static PlatformConfig Shipped(string stack) => AccessKit.Shipped(stack, includeAccess: true);

    /// <summary>The GCP resources <c>render</c> writes for a shipped stack.</summary>
    public static IReadOnlyList<RenderedResource> Render(string stack) => GcpPlanner.Plan(Shipped(stack)).Resources;
}
