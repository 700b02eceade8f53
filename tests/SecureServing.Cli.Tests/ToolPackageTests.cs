using System.Text.Json;
using System.Xml.Linq;

namespace SecureServing.Cli.Tests;

/// <summary>The CLI ships as a local dotnet tool: the manifest names the package and command the project packs.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void Tool_manifest_matches_the_packed_project_and_restores_only_from_the_local_feed()
    {
        var root = CliHarness.RepoRoot();
        var project = XDocument.Load(Path.Combine(root, "infra", "SecureServing.Cli", "SecureServing.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, ".config", "dotnet-tools.json")));
        var tool = Assert.Single(manifest.RootElement.GetProperty("tools").EnumerateObject());
        var feeds = XDocument.Load(Path.Combine(root, ".config", "nuget.tools.config")).Descendants("packageSources").Single().Elements().ToList();

        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal(Property("PackageId").ToLowerInvariant(), tool.Name);
        Assert.Equal(Property("Version"), tool.Value.GetProperty("version").GetString());
        Assert.Equal([Property("ToolCommandName")], tool.Value.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["clear", "add"], feeds.Select(e => e.Name.LocalName));
        Assert.Equal("../.tools", feeds[1].Attribute("value")!.Value);
        Assert.Contains($"dotnet {Property("ToolCommandName")} check --stack dev", File.ReadAllText(Path.Combine(root, "README.md")), StringComparison.Ordinal);
    }
}
