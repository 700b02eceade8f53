using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// An assembly's XML documentation (e.g. <c>SecureServing.Core.xml</c>, built beside the test assembly) as Markdown, so
/// a type's rationale is written once, in its code, and the docs are generated from it. <c>&lt;c&gt;</c> becomes code,
/// <c>&lt;see cref&gt;</c> a link to the file that declares the type, <c>&lt;para&gt;</c> a paragraph and
/// <c>&lt;list&gt;</c> a bullet list. Each paragraph and list item is one line, so a wrapped line can never start a list
/// or a heading by accident.
/// </summary>
internal sealed partial class XmlDocMarkdown
{
    private readonly string root;
    private readonly string sourceFolder;
    private readonly Lazy<Dictionary<string, XElement>> members;
    private readonly Lazy<Dictionary<string, string>> declaringFiles;

    /// <param name="root">The repository root.</param>
    /// <param name="xmlFile">The documentation file's name in the test's output folder (<c>SecureServing.Core.xml</c>).</param>
    /// <param name="sourceFolder">The project's folder in the repository (<c>components/SecureServing.Core</c>): links point to its files.</param>
    public XmlDocMarkdown(string root, string xmlFile, string sourceFolder)
    {
        this.root = root;
        this.sourceFolder = sourceFolder;
        members = new(() => XDocument.Load(Path.Combine(AppContext.BaseDirectory, xmlFile))
            .Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal));
        declaringFiles = new(FindDeclaringFiles);
    }

    /// <summary>The type's summary as Markdown, links relative to <paramref name="fromDoc"/> (e.g. <c>docs/mesh-layer.md</c>).</summary>
    public string Summary(Type type, string fromDoc) => MemberSummary("T:" + type.FullName, fromDoc);

    /// <summary>The type's remarks as Markdown (<see cref="Summary"/>'s form).</summary>
    public string Remarks(Type type, string fromDoc) => MemberSummary("T:" + type.FullName, fromDoc, "remarks");

    /// <summary>A member's summary (<c>F:Namespace.Type.Member</c>, the XML doc ID), or another of its elements, as Markdown.</summary>
    public string MemberSummary(string id, string fromDoc, string element = "summary")
    {
        if (!members.Value.TryGetValue(id, out var member) || member.Element(element) is not { } summary)
        {
            throw new InvalidOperationException($"{id} has no XML <{element}>: its rationale belongs there.");
        }

        var blocks = new List<string>();
        var paragraph = new StringBuilder();
        Blocks(summary, blocks, paragraph, fromDoc);
        Flush(blocks, paragraph);
        return string.Join("\n\n", blocks);
    }

    /// <summary>The repository path of the file that declares a core type (<c>components/SecureServing.Core/Kubernetes/TeamIsolation.cs</c>).</summary>
    public string? DeclaringFile(string typeName) => declaringFiles.Value.GetValueOrDefault(typeName);

    /// <summary>A link from <paramref name="fromDoc"/> to a repository file.</summary>
    public static string RelativeLink(string fromDoc, string repoPath) =>
        Path.GetRelativePath(Path.GetDirectoryName(fromDoc) is { Length: > 0 } dir ? dir : ".", repoPath).Replace('\\', '/');

    private void Blocks(XElement element, List<string> blocks, StringBuilder paragraph, string fromDoc)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement { Name.LocalName: "para" } para:
                    Flush(blocks, paragraph);
                    Blocks(para, blocks, paragraph, fromDoc);
                    Flush(blocks, paragraph);
                    break;
                case XElement { Name.LocalName: "list" } list:
                    Flush(blocks, paragraph);
                    blocks.Add(string.Join("\n", list.Elements("item").Select(item => "- " + Inline(item, fromDoc))));
                    break;
                default:
                    paragraph.Append(Inline(node, fromDoc));
                    break;
            }
        }
    }

    private static void Flush(List<string> blocks, StringBuilder paragraph)
    {
        var text = Spaces().Replace(paragraph.ToString(), " ").Trim();
        if (text.Length > 0)
        {
            blocks.Add(text);
        }

        paragraph.Clear();
    }

    private string Inline(XNode node, string fromDoc) => node switch
    {
        XText text => DocSections.PlainText(Spaces().Replace(text.Value, " ")),
        XElement { Name.LocalName: "c" } code => Code(code.Value),
        XElement { Name.LocalName: "b" } bold => $"**{Children(bold, fromDoc).Trim()}**",
        XElement { Name.LocalName: "i" } italic => $"*{Children(italic, fromDoc).Trim()}*",
        XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref => Reference(cref.Value, fromDoc),
        XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word => Code(word.Value),
        XElement { Name.LocalName: "paramref" or "typeparamref" } p => Code((string?)p.Attribute("name") ?? ""),
        XElement { Name.LocalName: "item" or "description" or "term" } inner => Children(inner, fromDoc),
        XElement other => throw new InvalidOperationException($"XML doc element <{other.Name.LocalName}> has no Markdown form yet."),
        _ => "",
    };

    private string Children(XElement element, string fromDoc) =>
        Spaces().Replace(string.Concat(element.Nodes().Select(n => Inline(n, fromDoc))), " ");

    /// <summary><c>T:SecureServing.Core.Kubernetes.ModelCallers</c> → a link named <c>ModelCallers</c>; members keep their type (<c>GatewayPrincipals.Public</c>).</summary>
    private string Reference(string cref, string fromDoc)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        if (parameters >= 0)
        {
            name = name[..parameters];
        }

        var parts = name.Split('.');
        var typeIndex = cref.StartsWith("T:", StringComparison.Ordinal) ? parts.Length - 1 : parts.Length - 2;
        var type = parts[Math.Max(typeIndex, 0)];
        var shown = string.Join('.', parts.Skip(Math.Max(typeIndex, 0)));
        var file = DeclaringFile(type);
        return file is null ? Code(shown) : $"[{Code(shown)}]({RelativeLink(fromDoc, file)})";
    }

    private static string Code(string text)
    {
        var fence = text.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var pad = fence.Length > 1 ? " " : "";
        return $"{fence}{pad}{Spaces().Replace(text, " ")}{pad}{fence}";
    }

    private Dictionary<string, string> FindDeclaringFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, sourceFolder), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in Declaration().Matches(File.ReadAllText(file)))
            {
                files.TryAdd(m.Groups[1].Value, Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return files;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:public |internal )?(?:static |sealed |abstract |partial |readonly )*(?:class|record|struct|enum|interface) ([A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
