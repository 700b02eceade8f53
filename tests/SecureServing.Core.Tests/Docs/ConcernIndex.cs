using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Tests.Fixtures;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// The concern index of <c>docs/concerns.md</c>, generated from the code: one entry per GCP concern (a
/// <c>Gcp/&lt;Concern&gt;/</c> folder whose <c>…Planner.Plan(PlatformConfig)</c> returns a spec with a
/// <c>Component</c>) and per Kubernetes decision (a type of <c>Kubernetes/</c> with a <c>For(…)</c> that returns
/// objects). For each: its files, the component that registers it, what it creates, the config keys that change what
/// it renders (found by changing each key of the shipped stacks, <see cref="ConfigChanges"/>), the rules whose rule
/// cases report at those keys (<see cref="RuleCases"/>), and the tests named after it.
/// </summary>
internal static partial class ConcernIndex
{
    public const string DocFile = "docs/concerns.md";
    public const string Section = "concern-index";

    private static readonly Assembly Core = typeof(PlatformConfig).Assembly;

    /// <summary>Rules the loader applies to every key (or every value), listed once instead of under each concern.</summary>
    private static readonly Rule[] EveryKeyRules = [RuleCatalog.WrongType, RuleCatalog.MissingKey, RuleCatalog.UnknownKey, RuleCatalog.InvalidValue, RuleCatalog.SecretInClear];

    private sealed record Concern(string Title, IReadOnlyList<string> Code, string? Component, IReadOnlyList<string> Creates, IReadOnlyList<string> Apis, Func<PlatformConfig, string> Output, IReadOnlyList<(string Folder, string Stem)> Tests)
    {
        public SortedSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }

    public static string Generate(string repoRoot)
    {
        var baselines = Baselines(repoRoot);
        var gcp = GcpConcerns(repoRoot, baselines);
        var kubernetes = KubernetesDecisions(repoRoot, baselines);
        var serving = ServingStack(repoRoot, baselines);
        IReadOnlyList<Concern> all = [.. gcp, serving, .. kubernetes];
        foreach (var baseline in baselines)
        {
            var before = all.Select(c => c.Output(baseline)).ToList();
            foreach (var change in ConfigChanges.Of(baseline))
            {
                for (var i = 0; i < all.Count; i++)
                {
                    if (!all[i].Keys.Contains(change.Key) && all[i].Output(change.Config) != before[i])
                    {
                        all[i].Keys.Add(change.Key);
                    }
                }
            }
        }

        var rulesByKey = RuleCases.All
            .Where(c => !EveryKeyRules.Any(r => r.Id == c.Rule))
            .Select(c => (c.Rule, Key: NormalizedKey(c.File, c.KeyPath)))
            .Distinct()
            .ToList();
        var tests = Directory.EnumerateFiles(Path.Combine(repoRoot, "tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Select(f => Relative(repoRoot, f)).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var indexed = new HashSet<string>(StringComparer.Ordinal);

        var text = new StringBuilder();
        text.Append("Generated from the code by `ConcernIndex` (tests/SecureServing.Core.Tests/Docs); regenerate with `SECURE_SERVING_UPDATE_SNAPSHOTS=1 dotnet test tests/SecureServing.Core.Tests --filter FullyQualifiedName~ConcernIndexTests`.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Config keys are the keys whose change (one at a time, on the shipped `dev` and `prod` stacks, and on `dev` with the serving stack installed, with NAT egress, a private endpoint, an existing cluster, IAP off, or out-of-mesh callers, and `prod` with every perimeter block) changes what the concern renders. ");
        text.Append(CultureInfo.InvariantCulture, $"Rules are those whose rule cases report at one of those keys; besides them every key has {string.Join(", ", EveryKeyRules.Select(r => $"`{r.Id}`"))}. ");
        text.Append("Every concern is also covered by the render snapshots (tests/SecureServing.Core.Tests/Rendering/SnapshotTests.cs) and the equivalence tests (tests/SecureServing.Pulumi.Tests/Composition/GcpEquivalenceTests.cs, tests/SecureServing.Pulumi.Tests/Kubernetes/KubernetesEquivalenceTests.cs).\n");

        text.Append("\n### GCP concerns\n\nIn resource order (`GcpPlanner`). Each is one Pulumi component in `SecureServing.Components.Gcp`, created by `GcpLayer`.\n");
        foreach (var concern in gcp)
        {
            Entry(text, concern, rulesByKey, tests, indexed);
        }

        text.Append("\n### Serving stack\n\nThe releases `pulumi up` installs under the platform's objects (`render` writes them to releases.yaml).\n");
        Entry(text, serving, rulesByKey, tests, indexed);

        text.Append("\n### Kubernetes decisions\n\nIn plan order (`KubernetesPlanner`). Each object is registered by `KubernetesObjectRegistrar` (SecureServing.Components.Kubernetes) with typed args for built-in kinds, or installed as a release value when the stack installs the object's owner (`InstalledObjects`).\n");
        foreach (var concern in kubernetes)
        {
            Entry(text, concern, rulesByKey, tests, indexed);
        }

        var other = RuleCatalog.All.Where(r => !indexed.Contains(r.Id) && !EveryKeyRules.Contains(r)).Select(r => $"`{r.Id}`").ToList();
        text.Append(CultureInfo.InvariantCulture, $"\n### Rules not tied to one concern's keys\n\n{string.Join(", ", other)}.\n");
        return text.ToString();
    }

    private static void Entry(StringBuilder text, Concern concern, List<(string Rule, string Key)> rulesByKey, List<string> tests, HashSet<string> indexed)
    {
        var rules = rulesByKey.Where(r => concern.Keys.Any(k => Related(k, r.Key))).Select(r => r.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        indexed.UnionWith(rules);
        var concernTests = tests.Where(t => concern.Tests.Any(p => Path.GetDirectoryName(t)!.EndsWith("/" + p.Folder, StringComparison.Ordinal)
            && Path.GetFileName(t).StartsWith(p.Stem, StringComparison.Ordinal))).ToList();

        text.Append(CultureInfo.InvariantCulture, $"\n#### {concern.Title}\n\n| | |\n|---|---|\n");
        Row(text, "Code", string.Join(", ", concern.Code.Select(Link)));
        if (concern.Component is { } component)
        {
            Row(text, "Component", Link(component));
        }

        Row(text, "Creates", List(concern.Creates));
        if (concern.Apis.Count > 0)
        {
            Row(text, "Project APIs", List(concern.Apis));
        }

        Row(text, "Config keys", List(concern.Keys));
        Row(text, "Rules", List(rules));
        Row(text, "Tests", concernTests.Count == 0 ? "—" : string.Join(", ", concernTests.Select(Link)));
    }

    private static void Row(StringBuilder text, string name, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"| {name} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |\n");

    private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items.Select(i => $"`{i}`")) : "—";

    private static string Link(string file) => $"[{Path.GetFileNameWithoutExtension(file)}](../{file})";

    /// <summary>The shipped stacks, and dev in the modes they do not use.</summary>
    private static List<PlatformConfig> Baselines(string repoRoot)
    {
        var dev = StackCheck.Run(repoRoot, "dev", includeAccess: false).Config!;
        var prod = StackCheck.Run(repoRoot, "prod", includeAccess: false).Config!;
        return
        [
            dev,
            prod,
            dev with { Serving = dev.Serving with { Install = true }, Network = dev.Network with { Egress = EgressMode.Restricted } },
            dev with { Network = dev.Network with { Egress = EgressMode.Nat } },
            dev with { Cluster = dev.Cluster with { Endpoint = ControlPlaneEndpoint.Private, MasterAuthorizedNetworks = [new AuthorizedNetwork("10.200.0.0/24", "ci-runners")] } },
            dev with { Cluster = dev.Cluster with { Provider = ClusterProvider.Existing, Kubeconfig = new SecretRef("secure-serving:cluster", "kubeconfig") } },
            dev with { Iap = dev.Iap with { Enabled = false } },
            dev with { Mesh = dev.Mesh with { OutOfMeshCallers = true } },
            prod with { Perimeter = PerimeterBlocks.Everywhere(prod.Perimeter, dryRun: true) },
        ];
    }

    private static List<Concern> GcpConcerns(string repoRoot, List<PlatformConfig> baselines)
    {
        var concerns = new List<Concern>();
        var planners = Core.GetTypes().Where(t => t.Namespace == typeof(GcpPlan).Namespace && t.Name.EndsWith("Planner", StringComparison.Ordinal) && t != typeof(GcpPlanner))
            .Select(t => (Type: t, Plan: t.GetMethod("Plan", [typeof(PlatformConfig)])))
            .Where(p => p.Plan is not null)
            .ToList();
        var order = typeof(GcpPlan).GetProperties().Select(p => SpecOf(p.PropertyType)).ToList();
        foreach (var (planner, plan) in planners.OrderBy(p => order.IndexOf(SpecOf(p.Plan!.ReturnType))))
        {
            var spec = SpecOf(plan!.ReturnType);
            var render = Core.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .Single(m => m.Name == "Render" && m.GetParameters() is [var p] && p.ParameterType == spec);
            var component = (string?)spec.GetField("Component")?.GetRawConstantValue() ?? $"{TeamIdentitySpec.ComponentPrefix}-<team>";
            var apiOf = spec.GetField("Component") is null ? TeamIdentitySpec.ComponentPrefix : component;
            var plannerFile = SourceFile(repoRoot, "components/SecureServing.Core", planner.Name);
            var folder = Path.GetDirectoryName(plannerFile)!;
            var stems = Directory.EnumerateFiles(Path.Combine(repoRoot, folder), "*.cs")
                .Select(f => Regex.Replace(Path.GetFileNameWithoutExtension(f), "(Spec|Planner|Rendering)$", ""))
                .Append(Path.GetFileName(folder)).Distinct().ToList();
            string Output(PlatformConfig config) => Guarded(() => GcpResourcesJsonWriter.Write(Resources(plan.Invoke(null, [config]), render)));
            IReadOnlyList<string> apis = component == ProjectServicesSpec.Component ? [] : ProjectServicesPlanner.ApisCalledBy(apiOf);
            concerns.Add(new Concern(
                $"`{component}` (Gcp/{Path.GetFileName(folder)})",
                [plannerFile, SourceFile(repoRoot, "components/SecureServing.Core", spec.Name), SourceFile(repoRoot, "components/SecureServing.Core", render.DeclaringType!.Name)],
                ComponentFile(repoRoot, spec),
                [.. baselines.SelectMany(b => Resources(plan.Invoke(null, [b]), render)).Select(r => r.Type).Distinct().Order(StringComparer.Ordinal)],
                apis,
                Output,
                [.. stems.Select(stem => ("Gcp", stem))]));
        }

        return concerns;
    }

    /// <summary>
    /// The Kubernetes decisions, in plan order: the types of <c>Kubernetes/</c> with a <c>For(…)</c> that returns
    /// objects, ordered as <see cref="KubernetesPlanner"/> calls them.
    /// </summary>
    public static IReadOnlyList<(Type Type, MethodInfo For)> KubernetesDecisionMethods(string repoRoot)
    {
        var plannerSource = ReadText(repoRoot, "components/SecureServing.Core/Kubernetes/KubernetesPlanner.cs");
        return [.. Core.GetTypes()
            .Where(t => t.Namespace == typeof(KubernetesPlanner).Namespace)
            .Select(t => (Type: t, For: t.GetMethod("For", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!))
            .Where(d => d.For is not null && d.For.ReturnType == typeof(IEnumerable<KubernetesObject>))
            .OrderBy(d => plannerSource.IndexOf($"{d.Type.Name}.For(", StringComparison.Ordinal))];
    }

    private static List<Concern> KubernetesDecisions(string repoRoot, List<PlatformConfig> baselines)
    {
        var concerns = new List<Concern>();
        foreach (var (type, method) in KubernetesDecisionMethods(repoRoot))
        {
            string Output(PlatformConfig config) => Guarded(() => string.Join("\n", Objects(method, config).Select(o => $"{o.Mode} {o.Owner} {o.Manifest.ToJsonString()}")));
            concerns.Add(new Concern(
                $"`{type.Name}`",
                [SourceFile(repoRoot, "components/SecureServing.Core", type.Name)],
                null,
                [.. baselines.SelectMany(b => Objects(method, b)).Select(o => $"{(string?)o.Manifest["apiVersion"]} {(string?)o.Manifest["kind"]}{(o.Mode == ApplyMode.Patch ? " (patch)" : "")}").Distinct().Order(StringComparer.Ordinal)],
                [],
                Output,
                [("Kubernetes", type.Name + "Tests")]));
        }

        return concerns;
    }

    private static Concern ServingStack(string repoRoot, List<PlatformConfig> baselines) => new(
        "`serving-stack` (ServingStack)",
        [SourceFile(repoRoot, "components/SecureServing.Core", nameof(ServingStackPlanner)), SourceFile(repoRoot, "components/SecureServing.Core", nameof(ServingStackPlan))],
        Relative(repoRoot, Path.Combine(repoRoot, "components/SecureServing.Components/Kubernetes/ServingStackComponent.cs")),
        [.. baselines.SelectMany(b => ServingStackPlanner.Plan(b).Releases).Select(r => $"{r.Name} ({r.Mechanism})").Distinct().Order(StringComparer.Ordinal)],
        [],
        config => Guarded(() => ReleasesYamlWriter.Write(config.Stack, ServingStackPlanner.Plan(config))),
        [("ServingStack", ""), ("Kubernetes", "ServingStack")]);

    /// <summary>The objects of one decision for a config: its <c>For</c> called with the config, and for each team (and
    /// each of its models, with the team's bucket) when it takes them, as <see cref="KubernetesPlanner"/> calls it.</summary>
    public static IEnumerable<KubernetesObject> Objects(MethodInfo method, PlatformConfig config)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToList();
        if (!parameters.Contains(typeof(TeamConfig)))
        {
            return Invoke(method, [config]);
        }

        var buckets = parameters.Contains(typeof(ResourceRef))
            ? TeamIdentityPlanner.Plan(config).ToDictionary(t => t.Team, t => ResourceRef.Name(t.Bucket.LogicalName), StringComparer.Ordinal)
            : [];
        return config.Teams.OrderBy(t => t.Team, StringComparer.Ordinal).SelectMany(team =>
            parameters.Contains(typeof(ModelConfig))
                ? team.Models.SelectMany(model => Invoke(method, [.. parameters.Select(p => Argument(p, config, team, model, buckets))]))
                : Invoke(method, [.. parameters.Select(p => Argument(p, config, team, null, buckets))]));
    }

    private static object? Argument(Type type, PlatformConfig config, TeamConfig team, ModelConfig? model, Dictionary<string, ResourceRef> buckets) =>
        type == typeof(PlatformConfig) ? config
        : type == typeof(TeamConfig) ? team
        : type == typeof(ModelConfig) ? model
        : type == typeof(ResourceRef) ? buckets[team.Team]
        : throw new InvalidOperationException($"A decision's For takes a {type.Name}; teach ConcernIndex how KubernetesPlanner passes it.");

    private static IEnumerable<KubernetesObject> Invoke(MethodInfo method, object?[] arguments) =>
        ((IEnumerable<KubernetesObject>)method.Invoke(null, arguments)!).ToList();

    private static IEnumerable<RenderedResource> Resources(object? planned, MethodInfo render) => planned switch
    {
        null => [],
        IEnumerable specs => specs.Cast<object>().SelectMany(s => (IEnumerable<RenderedResource>)render.Invoke(null, [s])!),
        _ => (IEnumerable<RenderedResource>)render.Invoke(null, [planned])!,
    };

    /// <summary>A concern that fails on a changed value reads that value: the failure is its output. (A changed value
    /// may make a config <c>check</c> would refuse, which planners do not expect.)</summary>
    private static string Guarded(Func<string> output)
    {
        try
        {
            return output();
        }
        catch (Exception e)
        {
            return $"throws {(e is TargetInvocationException { InnerException: { } inner } ? inner : e).GetType().Name}";
        }
    }

    /// <summary>The spec type a planner returns or a <see cref="GcpPlan"/> property holds: nullable and list wrappers removed.</summary>
    public static Type SpecOf(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? plain.GetGenericArguments()[0] : plain;
    }

    /// <summary>The component file that takes the spec: <c>SecureServing.Components/Gcp/*Component.cs</c> with a <c>(…, XSpec spec, …)</c> constructor.</summary>
    private static string? ComponentFile(string repoRoot, Type spec) =>
        Directory.EnumerateFiles(Path.Combine(repoRoot, "components/SecureServing.Components/Gcp"), "*Component.cs")
            .Order(StringComparer.Ordinal)
            .Where(f => File.ReadAllText(f).Contains($"{spec.Name} spec", StringComparison.Ordinal))
            .Select(f => Relative(repoRoot, f))
            .FirstOrDefault();

    private static string SourceFile(string repoRoot, string under, string typeName) =>
        Relative(repoRoot, Directory.EnumerateFiles(Path.Combine(repoRoot, under), typeName + ".cs", SearchOption.AllDirectories).Single());

    private static string ReadText(string repoRoot, string relative) => File.ReadAllText(Path.Combine(repoRoot, relative));

    private static string Relative(string repoRoot, string path) => Path.GetRelativePath(repoRoot, path).Replace('\\', '/');

    /// <summary>A rule case's key as <see cref="ConfigChanges"/> writes keys: list indexes as <c>[]</c>, a team file's keys after <c>&lt;team&gt;.yaml: </c>.</summary>
    private static string NormalizedKey(string file, string keyPath)
    {
        var key = ListIndex().Replace(keyPath, "[]");
        return file.StartsWith("stacks/", StringComparison.Ordinal) ? $"<team>.yaml: {key}" : key;
    }

    /// <summary>A key a concern reads and a key a rule reports at are related when one is the other, an item of it
    /// (a list of values), or lies inside it.</summary>
    private static bool Related(string a, string b) =>
        a == b || a == b + "[]" || b == a + "[]" || Inside(a, b) || Inside(b, a);

    /// <remarks>Only through a map: a rule at a list's item (<c>models[0].format</c>) is not about every key that reads the list.</remarks>
    private static bool Inside(string inner, string outer) => inner.StartsWith(outer + ".", StringComparison.Ordinal);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();
}
