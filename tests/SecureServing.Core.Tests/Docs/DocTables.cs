using System.Reflection;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Access;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// The generated sections of docs/*.md that are built here from the core's public results (plans, port lists, XML docs);
/// the others come from the core itself (<see cref="Config.Contract.ConfigReference"/>, <see cref="Validation.RuleCatalog.GuardrailTable"/>,
/// <see cref="ServingStack.SupportedVersions.MarkdownTable"/>, <see cref="AccessReportText.ToMarkdown"/>).
/// </summary>
internal static partial class DocTables
{
    /// <summary>The policy core's XML docs.</summary>
    public static XmlDocMarkdown CoreDocs { get; } = new(Config.TempRepo.RepoRoot(), "SecureServing.Core.xml", "components/SecureServing.Core");

    /// <summary>The control plane → node webhook ports (<see cref="WebhookPorts"/>): those every supported stack opens, and those only older releases need.</summary>
    public static string WebhookPortsTable()
    {
        var always = WebhookPorts.For(new PlatformVersions());
        var before = WebhookPorts.CertManagerWebhookOn10250Since;
        var legacy = WebhookPorts.For(new PlatformVersions { CertManager = $"{before.Major}.{before.Minor - 1}.0" })
            .Where(p => always.All(a => a.Component != p.Component));

        var rows = always.Select(p => (p, When: "always"))
            .Concat(legacy.Select(p => (p, When: $"only when `secure-serving:versions.certManager` is older than {before.ToString(3)} (later releases listen on 10250, which GKE's own rule already opens)")));
        return Table(["Webhook", "Component", "Port", "Firewall rule", "When"],
            rows.Select(r => new[] { r.p.Reason, $"`{r.p.Component}`", r.p.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"`firewall-webhook-{r.p.Component}`", r.When }));
    }

    /// <summary>
    /// Every GCP resource the planners create, by component: the resource types and the logical names in the shipped
    /// stacks and in a variant that creates its access policy. A component is a property of <see cref="GcpPlan"/>; its
    /// children are the resources whose logical names carry its prefix.
    /// </summary>
    public static string GcpResourcesTable()
    {
        var variants = GcpVariants();
        var components = GcpComponents();
        var rows = new List<string[]>();
        foreach (var component in components)
        {
            var resources = variants
                .SelectMany(v => v.Plan.Resources.Where(r => ComponentOf(r.Name, components) == component).Select(r => (v.Label, r.Type, Name: Generalize(r.Name, v.Config))))
                .ToList();
            var first = true;
            foreach (var type in resources.Select(r => r.Type).Distinct())
            {
                var names = resources.Where(r => r.Type == type).GroupBy(r => r.Name).Select(g =>
                {
                    var labels = g.Select(r => r.Label).Distinct().ToList();
                    return labels.Count == variants.Count ? $"`{g.Key}`" : $"`{g.Key}` ({string.Join(", ", labels)})";
                });
                rows.Add([first ? $"`{component}`" : "", $"`{type}`", string.Join(", ", names)]);
                first = false;
            }
        }

        return Table(["Component", "Resource type", "Logical names (only in some stacks: which)"], rows);
    }

    /// <summary>
    /// What each GCP component creates and why, from its planner's XML docs (<c>summary</c>: the resources, <c>remarks</c>:
    /// the reasons), in plan order: the one copy of each reason is beside the code that decides it.
    /// </summary>
    public static string GcpComponentsTable(string fromDoc) =>
        Table(["Component", "Resources", "Why"], GcpPlanners().Select(p => new[]
        {
            $"`{p.Component}` ([`{p.Planner.Name}`]({XmlDocMarkdown.RelativeLink(fromDoc, CoreDocs.DeclaringFile(p.Planner.Name)!)}))",
            Cell(CoreDocs.Summary(p.Planner, fromDoc), p.Planner),
            Cell(CoreDocs.Remarks(p.Planner, fromDoc), p.Planner),
        }));

    /// <summary>
    /// Each component of <see cref="GcpComponents"/> with its planner: the <c>…Planner</c> of the core whose
    /// <c>Plan(PlatformConfig)</c> returns the component's spec (or a list of them, for the teams).
    /// </summary>
    public static IReadOnlyList<(string Component, Type Planner)> GcpPlanners()
    {
        var planners = typeof(GcpPlanner).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(GcpPlan).Namespace && t.Name.EndsWith("Planner", StringComparison.Ordinal) && t != typeof(GcpPlanner))
            .Select(t => (Type: t, Plan: t.GetMethod("Plan", [typeof(PlatformConfig)])))
            .Where(p => p.Plan is not null)
            .ToList();
        var properties = typeof(GcpPlan).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsComponent).ToList();
        return [.. GcpComponents().Zip(properties, (component, property) =>
            (component, planners.Single(p => ConcernIndex.SpecOf(p.Plan!.ReturnType) == ConcernIndex.SpecOf(property.PropertyType)).Type))];
    }

    /// <summary>Markdown as one table cell: paragraphs joined by a space; a list cannot be a cell.</summary>
    private static string Cell(string markdown, Type source) =>
        markdown.Split("\n\n").Any(b => b.StartsWith("- ", StringComparison.Ordinal) || b.Contains('\n', StringComparison.Ordinal))
            ? throw new InvalidOperationException($"{source.Name}'s XML docs feed a table cell: write them as paragraphs, not lists.")
            : markdown.Replace("\n\n", " ", StringComparison.Ordinal);

    /// <summary>Whether a <see cref="GcpPlan"/> property is a component's spec (not the resource list or the Kubernetes prerequisites).</summary>
    private static bool IsComponent(PropertyInfo property) =>
        property.Name is not (nameof(GcpPlan.Resources) or nameof(GcpPlan.KubernetesPrerequisites));

    /// <summary>The components of the GCP plan: one per <see cref="GcpPlan"/> property (kebab-case), <c>team-&lt;team&gt;</c> for the teams.</summary>
    public static IReadOnlyList<string> GcpComponents() =>
        [.. typeof(GcpPlan).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsComponent)
            .Select(p => p.Name == nameof(GcpPlan.Teams) ? "team-<team>" : Kebab(p.Name))];

    /// <summary>The stacks the resources table is drawn from: dev, prod, and dev creating its access policy.</summary>
    public static IReadOnlyList<(string Label, PlatformConfig Config, GcpPlan Plan)> GcpVariants()
    {
        var dev = AccessKit.Shipped("dev");
        var prod = AccessKit.Shipped("prod");
        var created = dev with
        {
            Perimeter = dev.Perimeter with { AccessPolicy = new AccessPolicyRef { Create = true, Title = "SecureServing dev policy", Scope = $"projects/{dev.ProjectNumber}" } },
        };
        return [("dev", dev, GcpPlanner.Plan(dev)), ("prod", prod, GcpPlanner.Plan(prod)), ("`perimeter.accessPolicy.create`", created, GcpPlanner.Plan(created))];
    }

    public static string? ComponentOf(string logicalName, IReadOnlyList<string> components) =>
        logicalName.StartsWith("team-", StringComparison.Ordinal)
            ? "team-<team>"
            : components.Where(c => logicalName.StartsWith(c + "-", StringComparison.Ordinal)).MaxBy(c => c.Length);

    /// <summary>
    /// The rationale of each Kubernetes decision, from the XML docs of the types that decide objects: the static classes
    /// of <c>Kubernetes/</c> declared in a file named for them (<c>Kubernetes/&lt;Decision&gt;.cs</c>), but the planner
    /// (the entry point) and the <see cref="Manifest"/> helpers, in name order.
    /// </summary>
    public static string MeshDecisions(string fromDoc) =>
        TypeDocs(fromDoc, typeof(KubernetesPlanner).Namespace!, t => t != typeof(KubernetesPlanner) && t != typeof(Manifest));

    /// <summary>
    /// One <c>###</c> section per static class of <paramref name="ns"/> that is declared in a file named for it and
    /// <paramref name="include"/> accepts, in name order: a link to the file, then its XML summary.
    /// </summary>
    private static string TypeDocs(string fromDoc, string ns, Func<Type, bool> include)
    {
        var types = typeof(KubernetesPlanner).Assembly.GetTypes()
            .Where(t => t.Namespace == ns && t is { IsAbstract: true, IsSealed: true, IsNested: false } && include(t))
            .Select(t => (Type: t, File: CoreDocs.DeclaringFile(t.Name) ?? throw new InvalidOperationException($"no file declares {t.Name}")))
            .Where(t => Path.GetFileNameWithoutExtension(t.File) == t.Type.Name)
            .OrderBy(t => t.Type.Name, StringComparer.Ordinal);
        return string.Concat(types.Select(t =>
            $"### `{t.Type.Name}`\n\n[`{t.File}`]({XmlDocMarkdown.RelativeLink(fromDoc, t.File)})\n\n{CoreDocs.Summary(t.Type, fromDoc)}\n\n"));
    }

    /// <summary>
    /// What each Kubernetes decision creates in the two shipped stacks, in plan order: the objects of its <c>For(…)</c>
    /// (as <see cref="KubernetesPlanner"/> calls it, per team and model), a team's namespace and a model's name shown as
    /// <c>&lt;namespace&gt;</c> and <c>&lt;model&gt;</c>. The reasons and sources are the decision's own section
    /// (<see cref="MeshDecisions"/>), linked from its name.
    /// </summary>
    public static string MeshObjectsTable()
    {
        var stacks = new[] { "dev", "prod" }.Select(s => (Name: s, Config: AccessKit.Shipped(s))).ToList();
        var rows = ConcernIndex.KubernetesDecisionMethods(Config.TempRepo.RepoRoot()).Select(d =>
        {
            var methods = d.Type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(m => m.Name.StartsWith("For", StringComparison.Ordinal) && m.ReturnType == typeof(IEnumerable<KubernetesObject>))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .ToList();
            var cells = stacks.Select(s => ObjectList(methods.SelectMany(m => ConcernIndex.Objects(m, s.Config)), s.Config)).ToList();
            return new[] { $"[`{d.Type.Name}`](#{d.Type.Name.ToLowerInvariant()})", FirstSentence(CoreDocs.Summary(d.Type, "docs/mesh-layer.md")), cells[0], cells[1] == cells[0] ? "as dev" : cells[1] };
        });
        return Table(["Decision (reasons and sources: its section below)", "What it decides", .. stacks.Select(s => $"{s.Name} ({StackModes(s.Config)})")], rows);
    }

    /// <summary>The first sentence of a summary's first paragraph (up to a full stop followed by a capital, code or a link; a colon that introduces a list becomes a full stop).</summary>
    private static string FirstSentence(string markdown)
    {
        var paragraph = markdown.Split("\n\n")[0];
        var end = FullStop().Match(paragraph);
        var sentence = end.Success ? paragraph[..(end.Index + 1)] : paragraph.TrimEnd();
        return sentence.EndsWith(':') ? sentence[..^1] + "." : sentence;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\be\.g|\bi\.e)\.\s(?=[A-Z`\[])")]
    private static partial System.Text.RegularExpressions.Regex FullStop();

    /// <summary>The settings the mesh decisions branch on most, as the stack file spells them.</summary>
    private static string StackModes(PlatformConfig config)
    {
        var mtls = Core.Config.Contract.StackFileContract.Mesh.Mtls.Options.Single(o => o.Value == config.Mesh.Mtls).Spelling;
        var localGateway = config.Mesh.LocalGateway is { } gateway
            ? Core.Config.Contract.StackFileContract.Mesh.LocalGatewayMode.Options.Single(o => o.Value == gateway.Mode).Spelling
            : "none";
        var client = config.Iap.OAuthClient.IsManaged ? Core.Config.Contract.StackFileContract.Iap.OAuthClient.DefaultSpelling : "own client";
        return $"`mtls: {mtls}`, `localGateway.mode: {localGateway}`, `oauthClient: {client}`, {(config.Mesh.Dex is null ? "no Dex" : "Dex")}";
    }

    /// <summary>The objects as <c>Kind `namespace/name`</c>, a patch marked, each once, in plan order.</summary>
    private static string ObjectList(IEnumerable<KubernetesObject> objects, PlatformConfig config)
    {
        var names = objects.Select(o =>
        {
            var ns = config.Teams.Any(t => t.Namespace == o.Namespace) ? "<namespace>" : o.Namespace;
            var name = o.Namespace is null && config.Teams.Any(t => t.Namespace == o.Name) ? "<namespace>" : config.Teams.SelectMany(t => t.Models).Select(m => m.Name).Where(m => o.Name == m || o.Name.StartsWith(m + "-", StringComparison.Ordinal))
                .Select(m => "<model>" + o.Name[m.Length..]).FirstOrDefault() ?? o.Name;
            return $"{o.Kind} `{(ns is null ? "" : ns + "/")}{name}`{(o.Mode == ApplyMode.Patch ? " (patch)" : "")}";
        }).Distinct().ToList();
        return names.Count == 0 ? "–" : string.Join(", ", names);
    }

    /// <summary>The releases the dev stack installs (<see cref="ServingStackPlanner"/>), in install order.</summary>
    public static string ReleasesTable()
    {
        var dev = AccessKit.Shipped("dev");
        return Table(["Release", "Namespace", "Mechanism", "Source", "Version (dev)", "Waits for"],
            ServingStackPlanner.Plan(dev).Releases.Select(r => new[]
            {
                $"`{r.Name}`",
                $"`{r.Namespace}`" + (r.CreatesNamespace ? " (created)" : ""),
                r.Mechanism switch
                {
                    InstallMechanism.HelmChart => "`Helm.V4.Chart`",
                    InstallMechanism.ReleaseManifest => "`Yaml.V2.ConfigFile`",
                    _ => throw new InvalidOperationException($"no name for {r.Mechanism}"),
                },
                r.ManifestUrl is { } url ? $"`{url}`" : $"chart `{r.Chart}`, `{r.Repository}`",
                $"`{r.Version}`",
                r.DependsOn.Count == 0 ? "—" : string.Join(", ", r.DependsOn.Select(d => $"`{d}`")),
            }));
    }

    /// <summary>What the stack sets in each release and why: the XML docs of the types that plan them (<c>ServingStack/*Release*.cs</c>).</summary>
    public static string ReleaseDecisions(string fromDoc) =>
        TypeDocs(fromDoc, typeof(ServingStackPlanner).Namespace!, t => t.Name.EndsWith("Release", StringComparison.Ordinal) || t.Name.EndsWith("Releases", StringComparison.Ordinal));

    /// <summary>The registries the stack proxies through Artifact Registry remote repositories (<see cref="ImageMirrors.Upstreams"/>).</summary>
    public static string UpstreamRegistriesTable() =>
        Table(["Upstream", "Remote repository", "Upstream setting", "What pulls from it"],
            ImageMirrors.Upstreams.Select(u => new[]
            {
                $"`{u.Host}`",
                $"`<deploymentName>-{u.Key}`",
                u.PublicRepository is { } preset ? $"`publicRepository: {preset}`" : $"`customRepository.uri: {u.CustomUri}`",
                u.Why,
            }));

    /// <summary>The access matrices of the shipped stacks, as <c>access --format markdown</c> prints them.</summary>
    public static string AccessMatrices() =>
        string.Join("\n", new[] { "dev", "prod" }.Select(s => AccessReportText.ToMarkdown(AccessCheck.Evaluate(AccessKit.Shipped(s)))));

    private static string Generalize(string name, PlatformConfig config) =>
        config.Teams.Aggregate(name, (n, t) => n.StartsWith($"team-{t.Team}-", StringComparison.Ordinal) ? "team-<team>-" + n[$"team-{t.Team}-".Length..] : n);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string Table(IReadOnlyList<string> header, IEnumerable<string[]> rows) => DocSections.Table(header, rows);
}
