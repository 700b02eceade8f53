using System.Globalization;
using System.Text.RegularExpressions;
using SecureServing.Core.Config.Loading;
using SecureServing.Core.Validation;
using SecureServing.Core.Validation.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config;

/// <summary>What loading a stack produced: the model (null when the stack file could not be read) and the findings so far.</summary>
public sealed record LoadResult(PlatformConfig? Config, IReadOnlyList<Finding> Findings, SourceMap Sources, string StackFile);

/// <summary>
/// Loads <c>Pulumi.&lt;stack&gt;.yaml</c> and <c>stacks/&lt;stack&gt;/*.yaml</c> into a <see cref="PlatformConfig"/> with
/// defaults filled in. Structural mistakes (missing files, YAML syntax, wrong types, unknown keys) become findings,
/// never exceptions. <c>secure:</c> values become <see cref="SecretRef"/>s; neither ciphertext nor plaintext is kept.
/// Use <see cref="StackCheck.Run(string, string)"/> for the validated result; this is its first step.
/// </summary>
public static partial class ConfigLoader
{
    public const string StacksFolder = "stacks";

    public static LoadResult Load(string repoRoot, string stack)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        ArgumentNullException.ThrowIfNull(stack);
        var sink = new FindingSink();
        var sources = new SourceMap();
        var stackFile = $"Pulumi.{stack}.yaml";
        var ctx = new LoadContext(stackFile, sink, sources);

        if (!Formats.StackName().IsMatch(stack))
        {
            ctx.Report(RuleCatalog.InvalidValue, "", null, $"`{stack}` is not a valid stack name.", "Use letters, digits, `-`, `_` and `.` only, e.g. `dev`.");
            return new LoadResult(null, sink.Items, sources, stackFile);
        }

        CheckTeamFolders(repoRoot, ctx);

        var stackText = Parse(repoRoot, ctx, RuleCatalog.StackFileMissing, () => KnownStacksHint(repoRoot, stack), out var root);
        var platform = root is null ? null : StackFileReader.Read(root, stack, ctx);
        SecretInClearScan.ScanFile(root, stackText, ctx, stackFile: true);

        CheckOtherFiles(repoRoot, stack, ctx);
        var teams = new List<TeamConfig>();
        foreach (var relative in TeamFiles(repoRoot, stack))
        {
            var teamCtx = ctx with { File = relative };
            var teamText = Parse(repoRoot, teamCtx, RuleCatalog.YamlSyntax, () => "", out var teamRoot);
            if (teamRoot is not null && TeamFileReader.Read(teamRoot, teamCtx) is { } team)
            {
                teams.Add(team);
            }

            SecretInClearScan.ScanFile(teamRoot, teamText, teamCtx, stackFile: false);
        }

        return new LoadResult(platform is null ? null : platform with { Teams = teams }, sink.Items, sources, stackFile);
    }

    /// <summary>Repository-relative paths of the stack's team files (<c>*.yaml</c>, exactly), in ordinal order.</summary>
    public static IReadOnlyList<string> TeamFiles(string repoRoot, string stack)
    {
        var dir = Path.Combine(repoRoot, StacksFolder, stack);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir)
            .Where(IsTeamFile)
            .Select(f => $"{StacksFolder}/{stack}/{Path.GetFileName(f)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsTeamFile(string path) => path.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>
    /// Every other entry of the stack's team folder is a finding: <c>x.yml</c>, <c>x.YAML</c>, <c>x</c> or a folder
    /// would never be read (and CODEOWNERS' <c>stacks/*/&lt;team&gt;.yaml</c> would not cover it).
    /// </summary>
    private static void CheckOtherFiles(string repoRoot, string stack, LoadContext ctx)
    {
        var dir = Path.Combine(repoRoot, StacksFolder, stack);
        if (!Directory.Exists(dir))
        {
            return;
        }

        var teamFiles = Directory.EnumerateFiles(dir).Where(IsTeamFile).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (File.Exists(entry) && IsTeamFile(entry))
            {
                continue;
            }

            var relative = $"{StacksFolder}/{stack}/{name}";
            var stem = Path.GetFileNameWithoutExtension(name);
            var message = Directory.Exists(entry)
                ? $"`{relative}/` is a folder inside the team folder; nothing in it is read."
                : teamFiles.Contains(stem)
                    ? $"`{relative}` sits next to `{StacksFolder}/{stack}/{stem}.yaml` and is never read: only `<team>.yaml` files are team files."
                    : $"`{relative}` is never read: only `<team>.yaml` files (lowercase `.yaml`) are team files.";
            var fix = Directory.Exists(entry)
                ? $"Move the files in `{relative}/` out of `{StacksFolder}/{stack}/`, or up into it as `<team>.yaml`."
                : teamFiles.Contains(stem)
                    ? $"Merge `{name}` into `{stem}.yaml` and delete it."
                    : $"Rename it to `{(stem.Length > 0 ? stem.ToLowerInvariant() : "<team>")}.yaml`, or move it out of `{StacksFolder}/{stack}/`.";
            ctx.Sink.Add(RuleCatalog.TeamFileExtension, relative, KeyPaths.File, Directory.Exists(entry) ? null : 1, message, fix);
        }
    }

    private static void CheckTeamFolders(string repoRoot, LoadContext ctx)
    {
        var stacks = Path.Combine(repoRoot, StacksFolder);
        if (!Directory.Exists(stacks))
        {
            return;
        }

        var known = KnownStacks(repoRoot);
        foreach (var dir in Directory.EnumerateDirectories(stacks).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (!known.Contains(dir))
            {
                ctx.Sink.Add(RuleCatalog.OrphanTeamFolder, $"{StacksFolder}/{dir}/", "", null,
                    $"`{StacksFolder}/{dir}/` has no stack file `Pulumi.{dir}.yaml`, so its team files are never deployed.{DidYouMean.Hint(dir, known)}",
                    DidYouMean.Suggest(dir, known) is { } s ? $"Move the team files to `{StacksFolder}/{s}/`." : null);
            }
        }
    }

    private static List<string> KnownStacks(string repoRoot) =>
        !Directory.Exists(repoRoot) ? [] : Directory.EnumerateFiles(repoRoot, "Pulumi.*.yaml")
            .Select(f => StackOf().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string KnownStacksHint(string repoRoot, string stack)
    {
        var known = KnownStacks(repoRoot);
        return known.Count == 0 ? " The folder has no stack files." : $" Stacks here: {string.Join(", ", known)}.{DidYouMean.Hint(stack, known)}";
    }

    /// <summary>
    /// Reads and parses the context's file within <see cref="YamlLimits"/>; returns its text (null when it could not be
    /// read). A missing, oversized or malformed file becomes a finding and <paramref name="root"/> is null.
    /// </summary>
    private static string? Parse(string repoRoot, LoadContext ctx, Rule missingRule, Func<string> missingHint, out YamlNode? root)
    {
        root = null;
        var path = Path.Combine(repoRoot, ctx.File);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                ctx.Report(missingRule, "", null, $"`{ctx.File}` does not exist in `{repoRoot}`.{missingHint()}");
                return null;
            }

            var size = new FileInfo(path).Length;
            if (size > YamlLimits.MaxFileBytes)
            {
                ctx.Sink.Add(RuleCatalog.FileTooLarge, ctx.File, KeyPaths.File, 1,
                    $"`{ctx.File}` is {size.ToString(CultureInfo.InvariantCulture)} bytes; files are read up to {YamlLimits.MaxFileBytes.ToString(CultureInfo.InvariantCulture)} bytes (1 MiB).");
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Report(missingRule, "", null, $"`{ctx.File}` cannot be read: {e.Message}");
            return null;
        }

        try
        {
            if (!YamlLimits.Accept(text, ctx))
            {
                return text;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                ctx.Sink.Add(RuleCatalog.MissingKey, ctx.File, KeyPaths.File, 1, $"`{ctx.File}` is empty.", "Start from a shipped example (`Pulumi.dev.yaml`, `stacks/dev/fraud.yaml`).");
                return text;
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException or ArgumentException ? e.InnerException.Message : e.Message;
            ctx.Sink.Add(RuleCatalog.YamlSyntax, ctx.File, KeyPaths.File, LoadContext.LineOf(e.Start), $"`{ctx.File}` line {LoadContext.LineOf(e.Start)}: {Position().Replace(message, "")}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet's scanner throws these for some malformed input instead of a YamlException.
            ctx.Sink.Add(RuleCatalog.YamlSyntax, ctx.File, KeyPaths.File, 1, $"`{ctx.File}` is not valid YAML ({e.Message})");
        }

        return text;
    }

    [GeneratedRegex(@"\APulumi\.([A-Za-z0-9_.-]+)\.yaml\z")]
    private static partial Regex StackOf();

    [GeneratedRegex(@"\A\(Line: [0-9]+, Col: [0-9]+, Idx: [0-9]+\) - \(Line: [0-9]+, Col: [0-9]+, Idx: [0-9]+\): ")]
    private static partial Regex Position();
}
