using System.Xml.Linq;
using SecureServing.Core.Config;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// The core's XML documentation file (GenerateDocumentationFile; CS1591 is off for members) has a summary for every
/// public type, so each type says what it decides where a reader opens it.
/// </summary>
public sealed class DocumentationTests
{
    [Fact]
    public void Every_public_type_of_the_core_has_a_summary()
    {
        var assembly = typeof(PlatformConfig).Assembly;
        var file = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        Assert.True(File.Exists(file), $"{file} is missing: the core builds with GenerateDocumentationFile.");
        var summaries = XDocument.Load(file).Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var types = assembly.GetExportedTypes();
        var undocumented = types.Select(t => "T:" + t.FullName!.Replace('+', '.')).Where(id => !summaries.Contains(id)).Order(StringComparer.Ordinal).ToList();

        Assert.True(types.Length > 100, $"only {types.Length} public types");
        Assert.True(undocumented.Count == 0, "Public types without a <summary>:\n" + string.Join("\n", undocumented));
    }
}
