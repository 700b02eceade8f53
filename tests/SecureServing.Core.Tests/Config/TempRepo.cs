using System.Runtime.CompilerServices;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>
/// A throwaway copy of the repository's shipped stack (Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml, stacks/&lt;stack&gt;/)
/// that a test edits, then checks with the real <see cref="StackCheck.Run"/>.
/// </summary>
internal sealed class TempRepo : IDisposable
{
    private TempRepo(string root) => Root = root;

    public string Root { get; }

    /// <summary>The repository root, found from this source file's location (tests run from an artifacts folder).</summary>
    public static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "components")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + thisFile);
    }

    public static TempRepo Empty()
    {
        var root = Directory.CreateTempSubdirectory("ss-cfg-").FullName;
        File.Copy(Path.Combine(RepoRoot(), "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
        return new TempRepo(root);
    }

    /// <summary>A copy of the shipped stack <paramref name="stack"/> with its team files.</summary>
    public static TempRepo Shipped(string stack)
    {
        var repo = Empty();
        var source = RepoRoot();
        File.Copy(Path.Combine(source, $"Pulumi.{stack}.yaml"), Path.Combine(repo.Root, $"Pulumi.{stack}.yaml"));
        Directory.CreateDirectory(Path.Combine(repo.Root, "stacks", stack));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "stacks", stack)))
        {
            File.Copy(file, Path.Combine(repo.Root, "stacks", stack, Path.GetFileName(file)));
        }

        return repo;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>The 1-based line of the first line of <paramref name="relative"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text)
    {
        var index = Array.FindIndex(Read(relative).Split('\n'), l => l.Contains(text, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"{relative} has no line with '{text}'");
    }

    public TempRepo Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="find"/> (fails the test if it is not there once).</summary>
    public TempRepo Edit(string relative, string find, string replace)
    {
        var text = Read(relative);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"`{find}` not found in {relative}");
        Assert.True(text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"`{find}` occurs more than once in {relative}");
        return Write(relative, text[..at] + replace + text[(at + find.Length)..]);
    }

    /// <summary>The files of the shipped stack <paramref name="stack"/> whose text this copy has changed.</summary>
    public IReadOnlyList<string> ChangedFromShipped(string stack)
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "stacks", stack)).Select(f => Path.Combine("stacks", stack, Path.GetFileName(f)))
            .Prepend($"Pulumi.{stack}.yaml");
        return [.. files.Where(f => !File.Exists(Path.Combine(Root, f)) || Read(f) != File.ReadAllText(Path.Combine(RepoRoot(), f)))];
    }

    public CheckReport Check(string stack) => StackCheck.Run(Root, stack);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
