using SecureServing.Core.Config.Contract;
using SecureServing.Core.Gcp;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Docs;

/// <summary>
/// Every section of README.md and docs/*.md between <c>&lt;!-- BEGIN name --&gt;</c> and <c>&lt;!-- END name --&gt;</c>
/// is generated from the code, and is what the code generates now. A stale section fails with its first difference;
/// <c>SECURE_SERVING_UPDATE_SNAPSHOTS=1 dotnet test tests/SecureServing.Core.Tests --filter FullyQualifiedName~GeneratedDocs</c>
/// rewrites every section (never under CI). Tables outside such sections are explanation, not reference, and are
/// listed in <see cref="HandWrittenTables"/> with the reason.
/// </summary>
public sealed class GeneratedDocsTests
{
    private const string Filter = "FullyQualifiedName~GeneratedDocs";

    /// <summary>Sections named <c>cli-…</c> come from the CLI's own definitions and are checked by the CLI tests (<c>CliDocsTests</c>).</summary>
    public const string CliSectionPrefix = "cli-";

    /// <summary>Each generated section: the file it is in, its name, and what generates it.</summary>
    private static readonly IReadOnlyDictionary<(string File, string Name), Func<string>> Sections = new Dictionary<(string, string), Func<string>>
    {
        [("docs/configuration.md", "config-reference-stack")] = ConfigReference.StackFile,
        [("docs/configuration.md", "supported-versions")] = SupportedVersions.MarkdownTable,
        [("docs/configuration.md", "config-reference-team")] = ConfigReference.TeamFile,
        [("docs/guardrails.md", "rule-table")] = RuleCatalog.GuardrailTable,
        [("docs/deploy.md", "gcp-resources")] = DocTables.GcpResourcesTable,
        [("docs/gcp-layer.md", "gcp-components")] = () => DocTables.GcpComponentsTable("docs/gcp-layer.md"),
        [("docs/gcp-layer.md", "webhook-ports")] = DocTables.WebhookPortsTable,
        [("docs/mesh-layer.md", "mesh-objects")] = DocTables.MeshObjectsTable,
        [("docs/mesh-layer.md", "mesh-decisions")] = () => DocTables.MeshDecisions("docs/mesh-layer.md"),
        [("docs/access-model.md", "access-matrices")] = DocTables.AccessMatrices,
        [("docs/serving-stack.md", "releases")] = DocTables.ReleasesTable,
        [("docs/serving-stack.md", "release-decisions")] = () => DocTables.ReleaseDecisions("docs/serving-stack.md"),
        [("docs/serving-stack.md", "upstream-registries")] = DocTables.UpstreamRegistriesTable,
        [(ConcernIndex.DocFile, ConcernIndex.Section)] = () => ConcernIndex.Generate(TempRepo.RepoRoot()),
    };

    public static TheoryData<string, string> SectionNames() => DocSections.Data(Sections.Keys);

    [Theory]
    [MemberData(nameof(SectionNames))]
    public void Section_is_what_the_code_generates(string file, string name) =>
        DocSections.AssertFresh(TempRepo.RepoRoot(), file, name, Sections[(file, name)](), $"dotnet test tests/SecureServing.Core.Tests --filter {Filter}");

    [Fact]
    public void Every_marked_section_has_a_generator_and_every_generator_a_section() =>
        DocSections.AssertMarkedSectionsAre(TempRepo.RepoRoot(), Sections.Keys, n => !n.StartsWith(CliSectionPrefix, StringComparison.Ordinal));

    [Fact]
    public void Every_table_outside_a_generated_section_is_listed_as_hand_written()
    {
        var unlisted = MarkdownFile.LoadAll(TempRepo.RepoRoot())
            .SelectMany(d => TablesOutsideSections(d).Select(header => (d.RelativePath, header)))
            .Where(t => !HandWrittenTables.ContainsKey(t))
            .Select(t => $"{t.RelativePath}: {t.header}")
            .ToList();

        Assert.True(unlisted.Count == 0,
            "These tables are neither generated (between BEGIN/END markers, with a generator in GeneratedDocsTests) nor listed as hand-written explanation in HandWrittenTables:\n"
            + string.Join("\n", unlisted));
    }

    [Fact]
    public void Resources_table_covers_every_resource_type_the_planners_know()
    {
        var table = DocTables.GcpResourcesTable();
        var types = typeof(GcpResourceTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.All(types, t => Assert.Contains($"`{t}`", table, StringComparison.Ordinal));
        Assert.All(DocTables.GcpVariants().SelectMany(v => v.Plan.Resources), r => Assert.NotNull(DocTables.ComponentOf(r.Name, DocTables.GcpComponents())));
        Assert.Contains("| `network` | `gcp:compute/network:Network` | `network-vpc` |", table, StringComparison.Ordinal);
        Assert.Contains("|  | `gcp:compute/router:Router` | `network-router` (prod) |", table, StringComparison.Ordinal);
        Assert.Contains("`team-<team>-bucket`", table, StringComparison.Ordinal);
        Assert.Contains("`perimeter-access-policy` (`perimeter.accessPolicy.create`)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_ports_table_lists_the_ports_every_stack_opens_and_the_old_cert_manager_port()
    {
        var table = DocTables.WebhookPortsTable().Split('\n');

        Assert.Contains("| Knative Serving webhook | `knative` | 8443 | `firewall-webhook-knative` | always |", table);
        Assert.Contains("| KServe webhook | `kserve` | 9443 | `firewall-webhook-kserve` | always |", table);
        Assert.Contains("| istiod sidecar injector and validation webhook | `istio` | 15017 | `firewall-webhook-istio` | always |", table);
        Assert.Contains(table, l => l.StartsWith("| cert-manager 0.11.0 webhook", StringComparison.Ordinal) && l.Contains("| 6443 |", StringComparison.Ordinal) && l.Contains("older than 0.12.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Gcp_components_table_has_each_planners_resources_and_reasons()
    {
        var table = DocTables.GcpComponentsTable("docs/gcp-layer.md").Split('\n');
        var apis = ((System.Collections.IEnumerable)typeof(ProjectServicesPlanner).GetField("Apis", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!)
            .Cast<object>().Select(api => ((string)api.GetType().GetProperty("Service")!.GetValue(api)!).Split('.')[0]).ToList();
        var services = table.Single(l => l.StartsWith("| `services` ", StringComparison.Ordinal));

        Assert.Equal(DocTables.GcpComponents(), DocTables.GcpPlanners().Select(p => p.Component));
        Assert.Contains(table, l => l.StartsWith("| `network` ([`NetworkPlanner`](../components/SecureServing.Core/Gcp/Network/NetworkPlanner.cs)) | VPC (`autoCreateSubnetworks: false`)", StringComparison.Ordinal)
            && l.Contains("| Private nodes have no external IP;", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("| `team-<team>` ([`TeamIdentityPlanner`]", StringComparison.Ordinal));
        Assert.True(apis.Count > 10 && apis.All(api => services.Contains($" {api},", StringComparison.Ordinal) || services.Contains($" {api} |", StringComparison.Ordinal)),
            $"the services row names every API of ProjectServicesPlanner's table ({string.Join(", ", apis)})");
    }

    [Fact]
    public void Mesh_objects_table_shows_what_each_shipped_stack_creates_per_decision()
    {
        var rows = DocTables.MeshObjectsTable().Split('\n');

        Assert.StartsWith("| Decision (reasons and sources: its section below) | What it decides | dev (`mtls: namespace`, `localGateway.mode: http`, `oauthClient: managed`, no Dex) | prod (`mtls: mesh`, `localGateway.mode: https`", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("| [`MeshWideMtls`](#meshwidemtls) | `mesh.mtls: mesh`", StringComparison.Ordinal)
            && r.EndsWith("| – | PeerAuthentication `istio-system/default`, DestinationRule `istio-system/default` |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| [`DexAuth`](#dexauth) |", StringComparison.Ordinal) && r.EndsWith("| – | RequestAuthentication `<namespace>/dex-jwt` |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| [`TeamIsolation`](#teamisolation) |", StringComparison.Ordinal)
            && r.EndsWith("| Namespace `<namespace>`, PeerAuthentication `<namespace>/default`, AuthorizationPolicy `<namespace>/namespace-isolation` | as dev |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| [`GatewayServices`](#gatewayservices) |", StringComparison.Ordinal) && r.Contains("Service `istio-system/istio-public-gateway` (patch)", StringComparison.Ordinal));
    }

    [Fact]
    public void Mesh_decisions_are_the_decision_types_own_docs()
    {
        var decisions = DocTables.MeshDecisions("docs/mesh-layer.md");

        Assert.Contains("### `TeamIsolation`\n\n[`components/SecureServing.Core/Kubernetes/TeamIsolation.cs`](../components/SecureServing.Core/Kubernetes/TeamIsolation.cs)\n\n", decisions, StringComparison.Ordinal);
        Assert.Contains("PeerAuthentication STRICT is created in the team namespace in both mTLS scopes.", decisions, StringComparison.Ordinal);
        Assert.Contains("[`ModelCallers`](../components/SecureServing.Core/Kubernetes/ModelCallers.cs)", decisions, StringComparison.Ordinal);
        Assert.Contains("- **The activator** (namespace knative-serving) for models with `activator: on`", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("### `Manifest`", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("### `ApiVersions`", decisions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_section_is_shown_as_the_lines_that_differ() =>
        Assert.Equal("-   2: b\n+   2: B\n+   4: d", DocSections.Diff("a\nb\nc", "a\nB\nc\nd"));

    /// <summary>The header row of every table that is not inside a generated section.</summary>
    private static IEnumerable<string> TablesOutsideSections(MarkdownFile doc)
    {
        var inSection = false;
        var inFence = false;
        var previous = "";
        foreach (var line in doc.Text.Split('\n'))
        {
            inFence ^= line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            inSection = line.StartsWith("<!-- BEGIN ", StringComparison.Ordinal) || (inSection && !line.StartsWith("<!-- END ", StringComparison.Ordinal));
            if (!inSection && !inFence && line.StartsWith("|", StringComparison.Ordinal) && !previous.StartsWith("|", StringComparison.Ordinal))
            {
                yield return line;
            }

            previous = line;
        }
    }

    /// <summary>
    /// Tables that explain rather than mirror code, with the reason each stays hand-written. A new table belongs either
    /// in a generated section or here, so a reference table can never be a hand-kept copy by accident.
    /// </summary>
    private static readonly IReadOnlyDictionary<(string File, string Header), string> HandWrittenTables = new Dictionary<(string, string), string>
    {
        [("README.md", "| Path | What it holds |")] = "the repository layout: folders and what they are for",
        [("README.md", "| File | What it covers |")] = "the index of docs/ (the link test checks every file is listed)",
        [("docs/benchmarks.md", "| Method | Teams (×10 models) | K8s objects | Mean | Allocated |")] = "measurements, not code",
        [("docs/benchmarks.md", "| What (500 teams × 10 models, 3 runs each) | Median | Min |")] = "measurements, not code",
        [("docs/calling-models.md", "| The model | URL (`predict`; `health` drops `:predict`) |")] = "explains the URL rules of ModelUrls with their sources; EndpointResolverTests check the URLs",
        [("docs/calling-models.md", "| `--auth` | Sends | Default when |")] = "explains AuthSelection's rule with its sources; AuthSelectionTests check it",
        [("docs/calling-models.md", "| Answer | Explanation given |")] = "summarizes OutcomeExplainer's explanations; FailureExplanationTests check them",
        [("docs/ci.md", "| Job | When | What |")] = "describes the workflow's jobs; CiWorkflowTests check .github/workflows/ci.yml itself",
        [("docs/ci.md", "| Where | Name | Value |")] = "set-up instructions for GitHub settings outside the repository",
        [("docs/deploy.md", "| Output | What it is |")] = "the Pulumi program's outputs: the program needs the Pulumi packages, so only the Pulumi tests (StackOutputsTests) can see them",
        [("docs/gcp-layer.md", "| `network.egress` | Rules and resources |")] = "explains the two egress modes",
        [("docs/hardened-organization.md", "| Satisfied by the prod render | How |")] = "explains how each constraint is met; OrgPolicyTests checks every constraint against the prod render",
        [("docs/mesh-layer.md", "| Policy | Selects | Admits | Why |")] =
            "explains why the default deny carries exactly these allows; the policies are in the snapshots, and the access evaluator proves every intended path on the render (MeshDefaultDenyTests)",
        [("docs/pulumi-layer.md", "| Manifest | Pulumi resource | Type token (example) |")] = "the mapping lives in the Pulumi components, which need the Pulumi packages; the Pulumi tests check it",
        [("docs/testing.md", "| Variable | Effect |")] = "switches of the fuzz test, explained",
        [("docs/troubleshooting.md", "| Symptom | Likely cause | What to do |")] = "advice, not code",
    };

}
