using System.Globalization;
using SecureServing.Core.Config;

namespace SecureServing.Core.ServingStack;

/// <summary>A component of the serving stack whose version <c>secure-serving:versions</c> pins.</summary>
public enum StackComponent { Istio, Knative, Kserve, CertManager }

/// <summary>A public page a row of the table comes from.</summary>
public sealed record VersionSource(string Title, string Url)
{
    public override string ToString() => $"{Title}, {Url}";
}

/// <summary>A <c>MAJOR.MINOR</c> release line, e.g. Istio 1.30 (any 1.30.x patch).</summary>
public readonly record struct MinorVersion(int Major, int Minor) : IComparable<MinorVersion>
{
    public int CompareTo(MinorVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(MinorVersion a, MinorVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(MinorVersion a, MinorVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(MinorVersion a, MinorVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(MinorVersion a, MinorVersion b) => a.CompareTo(b) >= 0;

    /// <summary>The release line of <c>MAJOR.MINOR.PATCH</c> (as <c>secure-serving:versions</c> holds it); false for anything else.</summary>
    public static bool TryParse(string? version, out MinorVersion minor)
    {
        minor = default;
        var parts = version?.Split('.') ?? [];
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minorNumber)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        minor = new MinorVersion(major, minorNumber);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>Release lines <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record MinorRange(MinorVersion From, MinorVersion To)
{
    public static MinorRange Of(int major, int from, int to) => new(new(major, from), new(major, to));

    public bool Contains(MinorVersion version) => version >= From && version <= To;

    /// <summary><c>1.29.x</c> or <c>1.29.x to 1.30.x</c>.</summary>
    public override string ToString() => From == To ? $"{From}.x" : $"{From}.x to {To}.x";
}

/// <summary>What one release line of a component needs from another component, and where that is written.</summary>
public sealed record VersionRequirement(StackComponent Component, MinorRange Range, VersionSource Source, string Evidence);

/// <summary>
/// One supported release line: the Kubernetes versions it supports and what it needs from the other components.
/// <see cref="Evidence"/> says what on <see cref="Source"/> (or in the upstream repository at the release tag) the row
/// rests on.
/// </summary>
public sealed record SupportedRelease(
    StackComponent Component,
    MinorVersion Line,
    MinorRange Kubernetes,
    VersionSource Source,
    string Evidence,
    IReadOnlyList<VersionRequirement> Requires);

/// <summary>A version outside the table: the key, what is wrong, and the supported range.</summary>
public sealed record VersionProblem(StackComponent Component, string Message, string Fix);

/// <summary>
/// The version-compatibility gate: the release lines of Istio, Knative Serving with net-istio, KServe and cert-manager
/// this platform installs and supports, each row citing its public source, and what each line needs from the others.
/// <c>check</c> refuses a <c>secure-serving:versions</c> combination outside it (rule <c>version-unsupported</c>).
/// Patch releases within a line are accepted: every project here ships only fixes in patch releases.
/// </summary>
public static class SupportedVersions
{
    public static readonly VersionSource IstioReleases = new("Istio: Supported Releases", "https://istio.io/latest/docs/releases/supported-releases/");
    public static readonly VersionSource CertManagerReleases = new("cert-manager: Supported Releases", "https://cert-manager.io/docs/releases/");
    public static readonly VersionSource KserveInstallGuide = new("KServe: Serverless Installation Guide", "https://kserve.github.io/website/latest/admin/serverless/serverless");

    public static VersionSource KnativeServingRelease(string line) =>
        new($"Knative Serving release notes, knative-v{line}.0", $"https://github.com/knative/serving/releases/tag/knative-v{line}.0");

    public static VersionSource NetIstioRelease(string line) =>
        new($"net-istio release notes, knative-v{line}.0", $"https://github.com/knative-extensions/net-istio/releases/tag/knative-v{line}.0");

    public static VersionSource KserveRelease(string line) =>
        new($"KServe release notes, v{line}.0", $"https://github.com/kserve/kserve/releases/tag/v{line}.0");

    /// <summary>Every supported release line, oldest first per component.</summary>
    public static IReadOnlyList<SupportedRelease> Table { get; } =
    [
        new(StackComponent.Istio, new(1, 29), MinorRange.Of(1, 31, 35), IstioReleases,
            "1.29: supported (released Feb 16, 2026, end of life ~Aug 2026), Kubernetes 1.31 to 1.35.", []),
        new(StackComponent.Istio, new(1, 30), MinorRange.Of(1, 32, 36), IstioReleases,
            "1.30: supported (released May 14, 2026, end of life ~Nov 2026), Kubernetes 1.32 to 1.36.", []),

        new(StackComponent.Knative, new(1, 22), MinorRange.Of(1, 34, 35), KnativeServingRelease("1.22"),
            "Knative requires Kubernetes 1.34 or later (knative.dev/pkg minimum version at the tag) and tests 1.34 and 1.35.",
            [new(StackComponent.Istio, MinorRange.Of(1, 29, 29), NetIstioRelease("1.22"), "net-istio knative-v1.22.0 is tested with Istio 1.29.2 (hack/update-istio.sh at the tag).")]),
        new(StackComponent.Knative, new(1, 23), MinorRange.Of(1, 34, 35), KnativeServingRelease("1.23"),
            "Knative requires Kubernetes 1.34 or later (knative.dev/pkg minimum version at the tag) and tests 1.34 and 1.35.",
            [new(StackComponent.Istio, MinorRange.Of(1, 29, 30), NetIstioRelease("1.23"), "net-istio tests the Istio line current at its release: 1.29 from knative-v1.22.0 on, 1.30 after May 2026.")]),

        new(StackComponent.CertManager, new(1, 20), MinorRange.Of(1, 32, 35), CertManagerReleases,
            "1.20: supported until the release of 1.22, Kubernetes 1.32 to 1.35.", []),
        new(StackComponent.CertManager, new(1, 21), MinorRange.Of(1, 33, 36), CertManagerReleases,
            "1.21: supported until the release of 1.23, Kubernetes 1.33 to 1.36.", []),

        new(StackComponent.Kserve, new(0, 19), new(new(1, 30), new(1, 99)), KserveRelease("0.19"),
            "Kubernetes 1.30 or later (KServe installation guide).", KserveRequirements("0.19")),
        new(StackComponent.Kserve, new(0, 20), new(new(1, 30), new(1, 99)), KserveRelease("0.20"),
            "Kubernetes 1.30 or later (KServe installation guide).", KserveRequirements("0.20")),
    ];

    /// <summary>
    /// KServe 0.19 and 0.20 build against Knative Serving 1.21 (knative.dev/serving v0.48.1 in go.mod) and run their
    /// end-to-end tests with Knative 1.21.1, Istio 1.27.1 and cert-manager 1.17.0 (kserve-deps.env at the tag); the
    /// installation guide names cert-manager 1.15.0 as the minimum. Later lines of each are accepted, within their own
    /// rows above.
    /// </summary>
    private static IReadOnlyList<VersionRequirement> KserveRequirements(string line) =>
    [
        new(StackComponent.Knative, new(new(1, 21), new(1, 99)), KserveRelease(line), $"KServe v{line}.0 builds against Knative Serving 1.21 and tests with 1.21.1 (go.mod, kserve-deps.env)."),
        new(StackComponent.Istio, new(new(1, 27), new(1, 99)), KserveRelease(line), $"KServe v{line}.0 tests with Istio 1.27.1 (kserve-deps.env)."),
        new(StackComponent.CertManager, new(new(1, 15), new(1, 99)), KserveInstallGuide, "The minimally required cert-manager version is 1.15.0."),
    ];

    /// <summary>The config key of a component under <c>secure-serving:versions</c>.</summary>
    public static string Key(StackComponent component) => component switch
    {
        StackComponent.Istio => "istio",
        StackComponent.Knative => "knative",
        StackComponent.Kserve => "kserve",
        StackComponent.CertManager => "certManager",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
    };

    /// <summary>The full key path, <c>secure-serving:versions.istio</c>.</summary>
    public static string KeyPath(StackComponent component) => $"secure-serving:versions.{Key(component)}";

    public static string DisplayName(StackComponent component) => component switch
    {
        StackComponent.Istio => "Istio",
        StackComponent.Knative => "Knative Serving (with net-istio)",
        StackComponent.Kserve => "KServe",
        StackComponent.CertManager => "cert-manager",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
    };

    public static string Version(PlatformVersions versions, StackComponent component)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return component switch
        {
            StackComponent.Istio => versions.Istio,
            StackComponent.Knative => versions.Knative,
            StackComponent.Kserve => versions.Kserve,
            StackComponent.CertManager => versions.CertManager,
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
        };
    }

    /// <summary>The supported lines of <paramref name="component"/> as one range (the table's lines are contiguous).</summary>
    public static MinorRange Supported(StackComponent component)
    {
        var lines = Table.Where(r => r.Component == component).Select(r => r.Line).Order().ToList();
        return new MinorRange(lines[0], lines[^1]);
    }

    /// <summary>The row of the configured line, or null when the line is not supported.</summary>
    public static SupportedRelease? Row(StackComponent component, MinorVersion line) =>
        Table.FirstOrDefault(r => r.Component == component && r.Line == line);

    /// <summary>
    /// Every problem of a combination, components in a fixed order: a version outside its component's supported
    /// lines, then, for supported lines, each requirement another component's line does not meet. Unparsable versions
    /// are the loader's to report and are skipped here.
    /// </summary>
    public static IReadOnlyList<VersionProblem> Check(PlatformVersions versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var components = Enum.GetValues<StackComponent>();
        var rows = new Dictionary<StackComponent, SupportedRelease>();
        var lines = new Dictionary<StackComponent, MinorVersion>();
        var problems = new List<VersionProblem>();
        foreach (var component in components)
        {
            var text = Version(versions, component);
            if (!MinorVersion.TryParse(text, out var line))
            {
                continue;
            }

            lines[component] = line;
            if (Row(component, line) is { } row)
            {
                rows[component] = row;
                continue;
            }

            var supported = Supported(component);
            var sources = string.Join("; ", Table.Where(r => r.Component == component).Select(r => r.Source).Distinct().Select(s => $"{s.Title} ({s.Url})"));
            problems.Add(new VersionProblem(component,
                $"`{KeyPath(component)}` is `{text}`; SecureServing installs and supports {DisplayName(component)} {supported} ({sources}).",
                $"Set `{Key(component)}` under `secure-serving:versions` to a {supported} release, e.g. `{Example(component)}`."));
        }

        foreach (var (dependent, row) in rows.OrderBy(r => r.Key))
        {
            foreach (var requirement in row.Requires)
            {
                if (!lines.TryGetValue(requirement.Component, out var line) || requirement.Range.Contains(line)
                    || !rows.ContainsKey(requirement.Component))
                {
                    continue;
                }

                var required = requirement.Component;
                var range = Within(requirement.Range, Supported(required));
                problems.Add(new VersionProblem(required,
                    $"`{KeyPath(required)}` is `{Version(versions, required)}`, but {DisplayName(dependent)} {row.Line} (`{KeyPath(dependent)}` `{Version(versions, dependent)}`) " +
                    $"needs {DisplayName(required)} {range}: {requirement.Evidence} ({requirement.Source.Title}, {requirement.Source.Url}).",
                    $"Set `{Key(required)}` to a {range} release, or `{Key(dependent)}` to a line that supports {DisplayName(required)} {line}."));
            }
        }

        return problems;
    }

    /// <summary>The shipped default of a component, as an example of a supported version.</summary>
    private static string Example(StackComponent component) => Version(new PlatformVersions(), component);

    /// <summary>A requirement bounded by the lines the table supports (open-ended requirements read as the supported ones).</summary>
    private static MinorRange Within(MinorRange requirement, MinorRange supported) =>
        new(requirement.From > supported.From ? requirement.From : supported.From, requirement.To < supported.To ? requirement.To : supported.To);

    /// <summary>The table of supported lines in docs/configuration.md: one row per line.</summary>
    public static string MarkdownTable()
    {
        var lines = new List<string>
        {
            "| Component (`secure-serving:versions.<key>`) | Line | Kubernetes | Needs | Source |",
            "|---|---|---|---|---|",
        };
        foreach (var row in Table)
        {
            var needs = row.Requires.Count == 0
                ? "—"
                : string.Join("; ", row.Requires.Select(r => $"{DisplayName(r.Component)} {Within(r.Range, Supported(r.Component))}"));
            var kubernetes = row.Kubernetes.To.Minor >= 99 ? $"{row.Kubernetes.From} or later" : $"{row.Kubernetes.From} to {row.Kubernetes.To}";
            var sources = string.Join(", ", row.Requires.Select(r => r.Source).Prepend(row.Source).Distinct().Select(s => $"[{s.Title}]({s.Url})"));
            lines.Add($"| {DisplayName(row.Component)} (`{Key(row.Component)}`) | {row.Line}.x | {kubernetes} | {needs} | {sources} |");
        }

        return string.Join("\n", lines) + "\n";
    }
}
