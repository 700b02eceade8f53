using System.Text;
using SecureServing.Core.Tests.Docs;

namespace SecureServing.Cli.Tests.Docs;

/// <summary>
/// The fenced blocks of README.md and docs/*.md marked as examples (<c>```sh example</c>, <c>```yaml example</c>) run, so
/// a documented command or team file that stops working fails the suite. Commands run in-process through
/// <see cref="CliHarness"/> against a copy of the repository's stack and team files.
/// </summary>
public sealed class DocExampleTests
{
    private const string ExampleTag = "example";
    private const string TeamSchemaLine = "# yaml-language-server: $schema=../../schemas/secure-serving.team.schema.json";

    private static readonly string[] CliPrefixes = ["dotnet secure-serving ", "dotnet run --project infra/SecureServing.Cli -- "];

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var doc in MarkdownFile.LoadAll(CliHarness.RepoRoot()))
        {
            foreach (var block in doc.Blocks.Where(b => b.Tags.Contains(ExampleTag)))
            {
                data.Add(doc.RelativePath, block.Line);
            }
        }

        return data;
    }

    [Fact]
    public void The_quick_start_and_the_team_file_are_examples_that_run()
    {
        var examples = Examples().Select(e => (File: (string)e[0], Line: (int)e[1])).ToList();

        Assert.Contains(examples, e => e.File == "README.md");
        Assert.Contains(examples, e => e.File == "docs/configuration.md" && Block(e.File, e.Line).Language == "yaml");
        Assert.Contains(examples, e => e.File == "docs/render.md");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_runs(string file, int line)
    {
        var block = Block(file, line);
        var repo = RepositoryCopy();
        var where = $"{file}:{line}";

        switch (block.Language)
        {
            case "sh":
                var commands = Commands(block.Text).ToList();
                Assert.True(commands.Count > 0, $"{where} is marked as an example but runs no secure-serving command.");
                foreach (var args in commands)
                {
                    var run = await CliHarness.InvokeAsync(WithRepo(args, repo));
                    Assert.True(run.Exit == 0, $"{where}: `secure-serving {string.Join(' ', args)}` exited {run.Exit}:\n{run.Output}\n{run.Error}");
                }

                break;
            case "yaml":
                Assert.True(block.Text.StartsWith(TeamSchemaLine + "\n", StringComparison.Ordinal), $"{where}: a yaml example is a team file and starts with `{TeamSchemaLine}`.");
                var team = block.Text.Split('\n').Select(l => l.Split('#')[0].Trim()).First(l => l.StartsWith("team:", StringComparison.Ordinal))["team:".Length..].Trim();
                File.WriteAllText(Path.Combine(repo, "stacks", "dev", $"{team}.yaml"), block.Text, new UTF8Encoding(false));
                var check = await CliHarness.InvokeAsync("check", "--stack", "dev", "--repo", repo);
                Assert.True(check.Exit == 0, $"{where}: the team file example, as stacks/dev/{team}.yaml, does not pass check:\n{check.Output}\n{check.Error}");
                break;
            default:
                Assert.Fail($"{where}: no runner for `{block.Language} example` blocks (sh and yaml run).");
                break;
        }
    }

    [Theory]
    [InlineData("dotnet secure-serving check --stack dev", new[] { "check --stack dev" })]
    [InlineData("dotnet secure-serving check --stack dev && dotnet secure-serving check --stack prod", new[] { "check --stack dev", "check --stack prod" })]
    [InlineData("dotnet run --project infra/SecureServing.Cli -- access --stack prod --format json    # every hop", new[] { "access --stack prod --format json" })]
    [InlineData("# a comment\n./test.sh\ndotnet pack infra/SecureServing.Cli -c Release -o .tools", new string[0])]
    [InlineData("dotnet secure-serving render \\\n  --stack dev --out 'out/my dev'", new[] { "render --stack dev --out out/my dev" })]
    public void Commands_are_read_as_a_shell_would(string text, string[] expected) =>
        Assert.Equal(expected, Commands(text).Select(a => string.Join(' ', a)));

    private static FencedBlock Block(string file, int line) =>
        MarkdownFile.Load(CliHarness.RepoRoot(), file).Blocks.Single(b => b.Line == line);

    /// <summary>The secure-serving invocations of a shell block: continuation lines joined, comments dropped, <c>&amp;&amp;</c> chains split.</summary>
    private static IEnumerable<string[]> Commands(string text)
    {
        foreach (var line in text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            var code = line.TrimStart().StartsWith('#') ? "" : line.Split(" #")[0];
            foreach (var segment in code.Split("&&"))
            {
                var trimmed = segment.Trim();
                var prefix = CliPrefixes.FirstOrDefault(p => trimmed.StartsWith(p, StringComparison.Ordinal));
                if (prefix is not null)
                {
                    yield return Words(trimmed[prefix.Length..]);
                }
            }
        }
    }

    /// <summary>Splits on spaces outside single or double quotes.</summary>
    private static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ' ')
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    /// <summary>The arguments with <c>--repo</c> pointing at the copy, and a relative <c>--out</c> folder inside it.</summary>
    private static string[] WithRepo(string[] args, string repo)
    {
        var result = args.Select((a, i) => i > 0 && args[i - 1] is "--out" or "-o" && !Path.IsPathRooted(a) ? Path.Combine(repo, a) : a).ToList();
        if (!result.Contains("--repo"))
        {
            result.AddRange(["--repo", repo]);
        }

        return [.. result];
    }

    /// <summary>A copy of the repository's Pulumi project, stack files and team files.</summary>
    private static string RepositoryCopy()
    {
        var source = CliHarness.RepoRoot();
        var copy = Directory.CreateTempSubdirectory("ss-doc-example-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "stacks"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
