using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using SecureServing.Cli.Predict;
using SecureServing.Core.Tests.Docs;

namespace SecureServing.Cli.Tests.Docs;

/// <summary>
/// The generated sections of docs/*.md named <c>cli-…</c>: the option tables come from the commands' own option
/// definitions (what <c>--help</c> prints) and the exit codes from <see cref="ExitCode"/>'s XML docs, so the docs and
/// the CLI cannot disagree. <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1 dotnet test tests/SecureServing.Cli.Tests --filter
/// FullyQualifiedName~CliDocs</c> rewrites them (never under CI).
/// </summary>
public sealed class CliDocsTests
{
    private const string Update = "dotnet test tests/SecureServing.Cli.Tests --filter FullyQualifiedName~CliDocs";

    private static readonly XmlDocMarkdown CliDocs = new(CliHarness.RepoRoot(), "secure-serving.xml", "infra/SecureServing.Cli");

    private static readonly IReadOnlyDictionary<(string File, string Name), Func<string>> Sections = new Dictionary<(string, string), Func<string>>
    {
        [("docs/guardrails.md", "cli-check-options")] = () => OptionsTable(CheckCommand.Create()),
        [("docs/render.md", "cli-render-options")] = () => OptionsTable(RenderCommand.Create()),
        [("docs/access-model.md", "cli-access-options")] = () => OptionsTable(AccessCommand.Create()),
        [("docs/calling-models.md", "cli-model-call-options")] = () => OptionsTable(PredictCommand.Create(), HealthCommand.Create()),
        [("docs/calling-models.md", "cli-exit-codes")] = () => ExitCodesTable("docs/calling-models.md"),
    };

    public static TheoryData<string, string> SectionNames() => DocSections.Data(Sections.Keys);

    [Theory]
    [MemberData(nameof(SectionNames))]
    public void Section_is_what_the_cli_defines(string file, string name) =>
        DocSections.AssertFresh(CliHarness.RepoRoot(), file, name, Sections[(file, name)](), Update);

    [Fact]
    public void Every_cli_section_in_the_docs_has_a_generator_here() =>
        DocSections.AssertMarkedSectionsAre(CliHarness.RepoRoot(), Sections.Keys, n => n.StartsWith("cli-", StringComparison.Ordinal));

    [Fact]
    public void Option_tables_name_each_option_its_aliases_and_whether_it_is_required()
    {
        var render = OptionsTable(RenderCommand.Create()).Split('\n');
        var calls = OptionsTable(PredictCommand.Create(), HealthCommand.Create()).Split('\n');

        Assert.Equal("| Option | Meaning |", render[0]);
        Assert.Contains("| `--stack`, `-s` (required) | Stack (environment) name: reads Pulumi.&lt;stack&gt;.yaml and stacks/&lt;stack&gt;/\\*.yaml. |", render);
        Assert.Contains(render, l => l.StartsWith("| `--out`, `-o` (required) | Folder to write manifests.yaml", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.StartsWith("| `--input`, `-i` (required) | `predict` only: JSON request body", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.StartsWith("| `--timeout` | Seconds to wait", StringComparison.Ordinal) && l.EndsWith(" Default: `30`. |", StringComparison.Ordinal));
    }

    [Fact]
    public void Exit_codes_table_has_one_row_per_code_in_order()
    {
        var table = ExitCodesTable("docs/calling-models.md").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["| Code | Meaning |", "|---|---|"], table[..2]);
        Assert.Equal(Enum.GetValues<ExitCode>().Select(c => $"| `{(int)c}` |"), table[2..].Select(l => l[..(l.IndexOf('|', 1) + 1)]));
        Assert.Contains("| `3` | No credential could be obtained: no ADC, a bad key file, a token endpoint refusal, no Dex token. Nothing was sent to the model. |", table);
    }

    /// <summary>One row per option of the commands (in the order of the first that has it); an option only some have says which.</summary>
    private static string OptionsTable(params Command[] commands)
    {
        var rows = commands.SelectMany(c => c.Options).Where(o => o is not HelpOption and not VersionOption).DistinctBy(o => o.Name).Select(option =>
        {
            var names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Prepend(option.Name).Select(n => $"`{n}`"));
            var having = commands.Where(c => c.Options.Any(o => o.Name == option.Name)).ToList();
            var only = having.Count < commands.Length ? string.Join(", ", having.Select(c => $"`{c.Name}`")) + " only: " : "";
            var defaultValue = option.HasDefaultValue && option.ValueType != typeof(bool)
                ? $" Default: `{Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture)}`."
                : "";
            return new[] { names + (option.Required ? " (required)" : ""), only + DocSections.PlainText(option.Description ?? "") + defaultValue };
        });
        return DocSections.Table(["Option", "Meaning"], rows);
    }

    private static string ExitCodesTable(string fromDoc) =>
        DocSections.Table(["Code", "Meaning"],
            Enum.GetValues<ExitCode>().Select(c => new[] { $"`{(int)c}`", CliDocs.MemberSummary($"F:{typeof(ExitCode).FullName}.{c}", fromDoc) }));
}
