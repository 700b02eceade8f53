using System.Text.RegularExpressions;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Tests.Config;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// The generated JSON Schemas and the loader are one contract: on every shipped and corpus file, and on the shipped
/// files with any value replaced by any other shape, the loader accepts a file's shape exactly when the schema does.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>Every stack and team file the loader does not refuse by a limit: <c>shipped|relative</c> or <c>corpus/&lt;case&gt;|relative</c>.</summary>
    public static TheoryData<string> Files() => [.. AllFiles().Where(e => !Refusals(e).Overlaps(LimitRules))];

    /// <summary>Every stack and team file the loader parses (no limit and no syntax refusal).</summary>
    public static TheoryData<string> Parsed() => [.. AllFiles().Where(e => Refusals(e).Count == 0)];

    /// <summary>
    /// The files left out of the theories above, each with the rule that refuses it, are exactly the corpus cases
    /// that expect such a refusal: a shipped or corpus file newly refused by a limit or as bad YAML fails here instead of
    /// passing its theory without an assertion.
    /// </summary>
    [Fact]
    public void Only_the_corpus_cases_that_expect_it_are_refused_before_a_schema_could_judge_them()
    {
        var refused = AllFiles().Select(e => (Entry: e, Rules: Refusals(e))).Where(r => r.Rules.Count > 0)
            .Select(r => $"{r.Entry}: {string.Join(" ", r.Rules.Order(StringComparer.Ordinal))}");

        Assert.Equal(
            [
                "corpus/alias-bomb|stacks/qa/search.yaml: yaml-too-many-nodes",
                "corpus/deep-nesting|stacks/qa/search.yaml: yaml-too-deep",
                "corpus/duplicate-yaml-key|Pulumi.qa.yaml: yaml-syntax",
                "corpus/self-referencing-alias|stacks/qa/search.yaml: yaml-alias-limit",
                "corpus/team-yaml-syntax|stacks/qa/broken.yaml: yaml-syntax",
            ],
            refused);
    }

    private static IEnumerable<string> AllFiles() =>
        Roots().SelectMany(r => YamlFiles(r.Root).Select(file => $"{r.Label}|{file}"));

    /// <summary>The limit and syntax rules the loader refuses the entry's file with.</summary>
    private static HashSet<string> Refusals(string entry)
    {
        var (root, relative) = Resolve(entry);
        return ConfigLoader.Load(root, ShapeVerdict.StackOf(relative)).Findings
            .Where(f => f.File == relative && (f.RuleId == "yaml-syntax" || LimitRules.Contains(f.RuleId)))
            .Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Loader_and_schema_agree_on_the_shape_of_every_shipped_and_corpus_file(string entry)
    {
        var (root, relative) = Resolve(entry);
        var verdict = ShapeVerdict.Of(root, relative);

        if (verdict is null)
        {
            // Not YAML: nothing for a schema to say; the corpus case expects the syntax error.
            var expect = Path.Combine(root, "expect.txt");
            Assert.True(File.Exists(expect) && File.ReadAllText(expect).Contains($"yaml-syntax {relative}", StringComparison.Ordinal), $"{entry} does not parse");
            return;
        }

        Assert.True(verdict.Agree, verdict.Explain(entry));
    }

    [Theory]
    [MemberData(nameof(Parsed))]
    public void The_published_schema_refuses_nothing_the_loader_accepts(string entry)
    {
        var (root, relative) = Resolve(entry);
        var text = File.ReadAllText(Path.Combine(root, relative));
        var findings = ConfigLoader.Load(root, ShapeVerdict.StackOf(relative)).Findings.Where(f => f.File == relative).ToList();

        var (valid, errors) = ShapeVerdict.Published(relative, text);

        Assert.True(valid || findings.Count > 0, $"{entry}: the loader accepts it but the published schema says {string.Join("; ", errors)}");
        if (entry.StartsWith("shipped|", StringComparison.Ordinal))
        {
            Assert.True(valid, $"{entry} does not validate against its published schema: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void A_stack_and_a_team_file_with_every_declared_key_have_a_shape_both_accept()
    {
        using var repo = TempRepo.Empty();
        repo.Write("Pulumi.qa.yaml", YamlTree.Write(Example(StackFileContract.File)));
        repo.Write("stacks/qa/x.yaml", YamlTree.Write(Example(TeamFileContract.File)));

        var findings = ConfigLoader.Load(repo.Root, "qa").Findings;

        foreach (var file in new[] { "Pulumi.qa.yaml", "stacks/qa/x.yaml" })
        {
            var verdict = ShapeVerdict.Of(repo.Root, file, findings)!;
            Assert.True(verdict.LoaderAccepts && verdict.SchemaAccepts, verdict.Explain(file) + "\n" + repo.Read(file));
        }
    }

    /// <summary>Shapes a value can take, each where any value of the shipped files is.</summary>
    private static readonly Func<YamlNode>[] Shapes =
    [
        () => YamlTree.Plain("~"), () => YamlTree.Plain("true"), () => YamlTree.Plain("False"), () => YamlTree.Plain("yes"),
        () => YamlTree.Quoted("true"), () => YamlTree.Plain("-1"), () => YamlTree.Plain("7"), () => YamlTree.Quoted("7"),
        () => YamlTree.Plain("99999999999"), () => YamlTree.Plain("1.5"), () => YamlTree.Plain("restricted"), () => YamlTree.Plain("Restricted"),
        () => YamlTree.Plain("managed"), () => YamlTree.Plain("off"), () => YamlTree.Quoted(""),
        () => new YamlSequenceNode(), () => new YamlSequenceNode(YamlTree.Plain("x")), () => new YamlSequenceNode(new YamlMappingNode()),
        () => new YamlMappingNode(), () => new YamlMappingNode(YamlTree.Plain("x"), YamlTree.Plain("1")),
        () => new YamlMappingNode(YamlTree.Plain("secure"), YamlTree.Plain("v1:eA==")),
    ];

    [Theory]
    [InlineData("prod", "Pulumi.prod.yaml")]
    [InlineData("dev", "Pulumi.dev.yaml")]
    [InlineData("dev", "stacks/dev/recsys.yaml")]
    public void Loader_and_schema_agree_when_any_value_takes_any_shape(string stack, string file)
    {
        var root = YamlTree.Parse(File.ReadAllText(Path.Combine(TempRepo.RepoRoot(), file)));
        var slots = YamlTree.Slots(root);
        var disagreements = new List<string>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];

            // Each value takes every third shape (all of them across neighbouring values), to keep the test fast.
            foreach (var shape in Shapes.Where((_, j) => (i + j) % 3 == 0))
            {
                var text = YamlTree.Write(shape()).Trim();
                var verdict = slot.With(shape(), () => ShapeVerdict.OfTree(file, root));
                if (!verdict.Agree)
                {
                    disagreements.Add(verdict.Explain($"{slot.Path} = {text}"));
                }
            }
        }

        Assert.True(slots.Count > 20, $"only {slots.Count} values in {file} ({stack})");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(15)) + $"\n({disagreements.Count} disagreements)");
    }

    /// <summary>A map with every declared key set to a value of the declared shape.</summary>
    private static YamlMappingNode Example(MapKey map)
    {
        var node = new YamlMappingNode();
        foreach (var key in map.Keys)
        {
            node.Add(YamlTree.Plain(key.Name), Example(key));
        }

        if (map.OtherProvidersKeys is not null)
        {
            node.Add(YamlTree.Plain("kubernetes:context"), YamlTree.Plain("x"));
        }

        return node;
    }

    private static YamlNode Example(ConfigKey key) => key switch
    {
        BoolKey => YamlTree.Plain("true"),
        CountKey => YamlTree.Plain("12"),
        ChoiceKey c => YamlTree.Plain(c.Spellings[^1]),
        TextListKey => new YamlSequenceNode(YamlTree.Plain("x")),
        SecretKey => new YamlMappingNode(YamlTree.Plain("secure"), YamlTree.Plain("v1:eA==")),
        MapKey m => Example(m),
        MapListKey l => new YamlSequenceNode(Example(l.Item)),
        ChoiceOrMapKey c => Example(c.Map),
        _ => YamlTree.Plain("x"),
    };

    private static IEnumerable<(string Label, string Root)> Roots()
    {
        yield return ("shipped", TempRepo.RepoRoot());
        foreach (var dir in Directory.EnumerateDirectories(CorpusTests.CorpusRoot()).Order(StringComparer.Ordinal))
        {
            yield return ($"corpus/{Path.GetFileName(dir)}", dir);
        }
    }

    private static IEnumerable<string> YamlFiles(string root)
    {
        var stackFiles = Directory.EnumerateFiles(root, "Pulumi.*.yaml").Select(Path.GetFileName).OfType<string>();
        var stacks = Path.Combine(root, ConfigLoader.StacksFolder);
        var teamFiles = Directory.Exists(stacks)
            ? Directory.EnumerateFiles(stacks, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
        return stackFiles.Concat(teamFiles).Order(StringComparer.Ordinal);
    }

    /// <summary>The loader's size, depth and alias limits: a file they refuse is never expanded into a tree, so a schema has nothing to say about it (and expanding an alias bomb to JSON would not finish).</summary>
    private static readonly HashSet<string> LimitRules = new(StringComparer.Ordinal) { "file-too-large", "yaml-too-deep", "yaml-alias-limit", "yaml-too-many-nodes" };

    private static (string Root, string Relative) Resolve(string entry)
    {
        var (label, relative) = (entry[..entry.IndexOf('|', StringComparison.Ordinal)], entry[(entry.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        var root = label == "shipped" ? TempRepo.RepoRoot() : Path.Combine(CorpusTests.CorpusRoot(), label["corpus/".Length..]);
        return (root, relative);
    }
}
