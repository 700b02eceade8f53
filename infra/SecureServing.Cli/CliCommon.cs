using System.CommandLine;

namespace SecureServing.Cli;

/// <summary>Options and helpers shared by every command.</summary>
internal static class CliCommon
{
    /// <summary>Exit code for a usage or configuration error found before any work.</summary>
    public const int UsageError = 2;

    public static Option<string> StackOption() => new("--stack", "-s")
    {
        Description = "Stack (environment) name: reads Pulumi.<stack>.yaml and stacks/<stack>/*.yaml.",
        Required = true,
    };

    public static Option<DirectoryInfo?> RepoOption() => new("--repo")
    {
        Description = "Repository root (the folder with Pulumi.yaml). Default: the nearest one above the current directory.",
    };

    /// <summary>
    /// Invokes a parsed command line. A command line that does not parse (unknown option, missing required option,
    /// bad value) is a usage error: System.CommandLine prints it and returns 1, which is mapped to <see cref="UsageError"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(ParseResult parseResult, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var exitCode = await parseResult.InvokeAsync(configuration ?? new InvocationConfiguration(), cancellationToken).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? UsageError : exitCode;
    }

    /// <summary>The folder holding Pulumi.yaml: the given one, or the nearest at or above the current directory.</summary>
    public static string? FindRepoRoot(DirectoryInfo? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given.FullName, "Pulumi.yaml")) ? given.FullName : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
