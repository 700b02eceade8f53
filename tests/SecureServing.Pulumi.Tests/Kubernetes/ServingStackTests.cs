using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pulumi;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Infra;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// The installed serving stack under mocks: each release of <c>releases.yaml</c> is one <c>Helm.V4.Chart</c> or
/// <c>Yaml.V2.ConfigFile</c> with exactly the rendered inputs, in dependency order, with every image inside the stack's
/// Artifact Registry under restricted egress.
/// </summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class ServingStackTests(ShippedRuns runs)
{
    public const string ChartType = "kubernetes:helm.sh/v4:Chart";
    public const string ConfigFileType = "kubernetes:yaml/v2:ConfigFile";

    private static string NameOf(Release release) => ServingStackNames.Release(ServingStackNames.Component, release.Name);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_release_is_registered_exactly_as_releases_yaml_renders_it(string stack)
    {
        var run = runs[stack];
        var plan = ServingStackPlanner.Plan(ProgramRun.Load(stack));

        var registered = run.Mocks.Registered.Where(r => r.Type is ChartType or ConfigFileType).Select(r => r.Name!).Order(StringComparer.Ordinal);
        Assert.Equal(plan.Releases.Select(NameOf).Order(StringComparer.Ordinal), registered);
        var differences = plan.Releases.SelectMany(r => Differences(ReleasesYamlWriter.Document(r), run).Select(d => $"{r.Name}: {d}")).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void The_comparison_notices_a_changed_value()
    {
        var run = runs["dev"];
        var release = ServingStackPlanner.Plan(ProgramRun.Load("dev")).Find("istiod")!;
        var document = ReleasesYamlWriter.Document(release);
        document["values"]!["meshConfig"]!["trustDomain"] = "example.org";
        document["version"] = "1.29.0";

        var differences = Differences(document, run);

        Assert.Contains(differences, d => d.Contains("trustDomain", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("version:", StringComparison.Ordinal));

        // A release manifest's version is checked against the registered file, not against the document itself.
        var manifest = ReleasesYamlWriter.Document(ServingStackPlanner.Plan(ProgramRun.Load("dev")).Find("knative-serving")!);
        manifest["version"] = "knative-v0.0.1";
        Assert.StartsWith("version: rendered knative-v0.0.1, not the registered file's release tag", Assert.Single(Differences(manifest, run)), StringComparison.Ordinal);
    }

    /// <summary>A release's rendered document against its registration: source, version, name, namespace, values.</summary>
    private static IReadOnlyList<string> Differences(JsonObject document, ProgramRun run)
    {
        var differences = new List<string>();
        var name = (string)document["name"]!;
        var chart = document["mechanism"]!.GetValue<string>() == "helm-chart";
        var inputs = run.Inputs(chart ? ChartType : ConfigFileType, ServingStackNames.Release(ServingStackNames.Component, name));
        void Same(string what, string? expected, object? actual)
        {
            if (expected != actual as string)
            {
                differences.Add($"{what}: rendered {expected ?? "nothing"}, registered {actual ?? "nothing"}");
            }
        }

        if (chart)
        {
            var repository = (string)document["repository"]!;
            var oci = repository.StartsWith("oci://", StringComparison.Ordinal);
            Same("chart", oci ? $"{repository}/{document["chart"]}" : (string?)document["chart"], inputs.GetValueOrDefault("chart"));
            Same("repository", oci ? null : repository, Values.Has(inputs, "repositoryOpts.repo") ? Values.Text(inputs, "repositoryOpts.repo") : null);
            Same("name", name, inputs.GetValueOrDefault("name"));
            Same("namespace", (string?)document["namespace"], inputs.GetValueOrDefault("namespace"));
            differences.AddRange(RegisteredInputs.Differences(document["values"]!, inputs.GetValueOrDefault("values") ?? ImmutableDictionary<string, object>.Empty)
                .Select(d => "values" + d));
        }
        else
        {
            Same("manifest", (string?)document["manifest"], inputs.GetValueOrDefault("file"));
            // A release manifest has no version input: the registered file's URL carries the rendered release tag.
            if ((inputs.GetValueOrDefault("file") as string)?.Contains($"/{document["version"]}/", StringComparison.Ordinal) != true)
            {
                differences.Add($"version: rendered {document["version"]}, not the registered file's release tag ({inputs.GetValueOrDefault("file") ?? "nothing"})");
            }
        }

        if (chart)
        {
            Same("version", (string?)document["version"], inputs.GetValueOrDefault("version"));
        }

        return differences;
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Under_restricted_egress_every_image_value_is_in_the_stacks_artifact_registry(string stack)
    {
        var run = runs[stack];
        var config = ProgramRun.Load(stack);
        var registry = $"{config.Region}-docker.pkg.dev/{config.ProjectId}/{config.DeploymentName}-";

        var images = run.Mocks.Registered.Where(r => r.Type == ChartType)
            .SelectMany(r => ImageValues(r.Inputs.GetValueOrDefault("values")))
            .ToList();

        Assert.Equal(20, images.Count);
        Assert.All(images, image => Assert.StartsWith(registry, image, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Each_release_waits_for_the_releases_it_needs_and_the_namespace_the_stack_creates_for_it(string stack)
    {
        var run = runs[stack];
        // What the component itself waits for (the node pools, the webhook firewall rules, the admission policy), which
        // Pulumi does not hand down to children: every namespace and release carries it too.
        var inherited = await run.DependsOnOf("serving-namespace-istio-system");
        Assert.Contains("cluster-pool-serving", inherited);
        Assert.Contains("binary-authorization-policy", inherited);
        async Task<IReadOnlyList<string>> Own(string release) => [.. (await run.DependsOnOf(release)).Except(inherited)];

        Assert.Equal(inherited, await run.DependsOnOf("serving-namespace-kserve"));
        Assert.Equal(["serving-namespace-istio-system"], await Own("serving-istio-base"));
        Assert.Equal(["serving-istio-base"], await Own("serving-istiod"));
        Assert.Equal(["serving-istiod"], await Own("serving-istio-public-gateway"));
        Assert.Equal(["serving-namespace-cert-manager"], await Own("serving-cert-manager"));
        Assert.Equal(["serving-istiod", "serving-knative-serving"], await Own("serving-net-istio"));
        Assert.Equal(["serving-cert-manager", "serving-knative-serving", "serving-kserve-crd", "serving-namespace-kserve"], await Own("serving-kserve"));
        Assert.Equal(["serving-kserve"], await Own("serving-kserve-runtimes"));
        foreach (var release in new[] { "serving-istio-base", "serving-kserve-runtimes" })
        {
            Assert.Empty(inherited.Except(await run.DependsOnOf(release)));
        }
        foreach (var ns in new[] { "istio-system", "cert-manager", "kserve" })
        {
            var inputs = run.Inputs("kubernetes:core/v1:Namespace", $"serving-namespace-{ns}");
            Assert.Equal(ns, Values.Text(inputs, "metadata.name"));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Kubernetes_objects_wait_for_exactly_the_releases_serving_their_kinds(string stack)
    {
        var run = runs[stack];
        var plan = KubernetesPlanner.Plan(ProgramRun.Load(stack));
        string Name(KubernetesObject o) => KubernetesResourceNames.LogicalName(KubernetesResourceNames.Group(KubernetesWiring.LayerName, o.Owner), o);

        var isvc = plan.Objects.First(o => o.Kind == "InferenceService");
        var isvcDeps = await run.DependsOnOf(Name(isvc));
        Assert.Contains("serving-kserve-runtimes", isvcDeps);
        Assert.Contains("serving-net-istio", isvcDeps);
        Assert.DoesNotContain(isvcDeps, d => d.StartsWith("serving-istio", StringComparison.Ordinal) || d == "serving-cert-manager");

        var gateway = plan.Objects.Single(o => o.Kind == "Gateway" && o.Name == "public-gateway");
        Assert.Equal(["serving-istiod"], await run.DependsOnOf(Name(gateway)));

        foreach (var team in plan.Objects.Where(o => o.Kind is "Namespace" or "ServiceAccount" && o.Owner != KubernetesObject.PlatformOwner))
        {
            Assert.DoesNotContain(await run.DependsOnOf(Name(team)), d => d.StartsWith("serving-", StringComparison.Ordinal));
        }

        // Team objects never wait for another team's objects.
        foreach (var obj in plan.Objects.Where(o => o.Owner != KubernetesObject.PlatformOwner))
        {
            var others = plan.Objects.Where(o => o.Owner != obj.Owner).Select(Name).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(await run.DependsOnOf(Name(obj)), others.Contains);
        }
    }

    [Fact]
    public async Task Inference_services_are_registered_only_after_the_kserve_runtimes_while_team_namespaces_do_not_wait()
    {
        var plan = KubernetesPlanner.Plan(ProgramRun.Load("dev"));
        string Name(KubernetesObject o) => KubernetesResourceNames.LogicalName(KubernetesResourceNames.Group(KubernetesWiring.LayerName, o.Owner), o);
        var teamNamespace = plan.Objects.First(o => o.Kind == "Namespace" && o.Owner != KubernetesObject.PlatformOwner);
        var mocks = new ProgramMocks(ChartType) { ReleaseAfter = [Name(teamNamespace)] };
        var run = await ProgramRun.ProgramAsync("dev", mocks);
        var events = mocks.Events.ToList();

        var runtimesDone = events.At("done:serving-kserve-runtimes");
        Assert.True(runtimesDone > 0);
        foreach (var isvc in plan.Objects.Where(o => o.Kind == "InferenceService"))
        {
            Assert.True(events.At($"start:{Name(isvc)}") > runtimesDone, $"{isvc.Key} was registered before the KServe runtimes");
        }

        Assert.True(events.At($"done:{Name(teamNamespace)}") < events.At("done:serving-istio-base"), "a team namespace waited for the serving stack");
        Assert.True(events.At("start:serving-istiod") > events.At("done:serving-istio-base"), "istiod was registered before the Istio CRDs");
        Assert.True(events.At("start:serving-kserve") > events.At("done:serving-cert-manager"), "KServe was registered before cert-manager");
        Assert.NotNull(run.Program?.Composition?.ServingStack);
    }

    [Fact]
    public void Release_manifests_and_charts_carry_the_transform_that_applies_overrides_and_mirrors()
    {
        var run = runs["dev"];
        var plan = ServingStackPlanner.Plan(ProgramRun.Load("dev"));
        var knative = Assert.Single(run.OptionsOf("serving-knative-serving").ResourceTransforms);
        var netIstio = Assert.Single(run.OptionsOf("serving-net-istio").ResourceTransforms);
        var runtimes = Assert.Single(run.OptionsOf("serving-kserve-runtimes").ResourceTransforms);

        var activator = Transform(knative, "kubernetes:apps/v1:Deployment", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"activator","namespace":"knative-serving"},
             "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"activator","image":"gcr.io/knative-releases/knative.dev/serving/cmd/activator@sha256:ab"}]}}}}
            """)!;
        Assert.Equal("europe-west4-docker.pkg.dev/acme-ml-dev/ss-dev-gcr-io/knative-releases/knative.dev/serving/cmd/activator@sha256:ab",
            Values.Text(Values.Objects(activator, "spec.template.spec.containers")[0], "image"));
        Assert.Equal(1, Assert.IsType<int>(Values.At(activator, "spec.replicas")));

        var configIstio = Transform(netIstio, "kubernetes:core/v1:ConfigMap", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"config-istio","namespace":"knative-serving"},"data":{}}""")!;
        Assert.Equal((string?)plan.Find("net-istio")!.Overrides.Single(o => o.Name == "config-istio").Merge["data"]!["external-gateways"], Values.Text(configIstio, "data.external-gateways"));

        var sklearn = Transform(runtimes, "kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", """{"apiVersion":"serving.kserve.io/v1alpha1","kind":"ClusterServingRuntime","metadata":{"name":"kserve-sklearnserver"},"spec":{"containers":[{"name":"kserve-container","image":"kserve/sklearnserver:v0.20.0"}]}}""")!;
        Assert.StartsWith("europe-west4-docker.pkg.dev/acme-ml-dev/ss-dev-docker-io/", Values.Text(Values.Objects(sklearn, "spec.containers")[0], "image"), StringComparison.Ordinal);

        Assert.Null(Transform(knative, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"x"}}"""));
    }

    [Fact]
    public void A_value_the_transform_cannot_read_fails_naming_the_object()
    {
        var release = ServingStackPlanner.Plan(ProgramRun.Load("dev")).Find("knative-serving")!;
        var args = new ResourceTransformArgs("webhook-certs", "kubernetes:core/v1:ConfigMap", true,
            ImmutableDictionary<string, object?>.Empty.Add("kind", "ConfigMap").Add("data", new object()), new CustomResourceOptions());

        var error = Assert.Throws<InvalidOperationException>(() => ReleaseTransforms.Apply(release, args));

        Assert.Contains("knative-serving: kubernetes:core/v1:ConfigMap webhook-certs.data", error.Message, StringComparison.Ordinal);
    }

    private static ImmutableDictionary<string, object>? Transform(ResourceTransform transform, string type, string json)
    {
        var args = ReleaseValues.ToArgs(JsonNode.Parse(json)!.AsObject());
        var result = transform(new ResourceTransformArgs("child", type, true, args, new CustomResourceOptions())).GetAwaiter().GetResult();
        return result?.Args.ToImmutableDictionary(kv => kv.Key, kv => kv.Value!);
    }

    /// <summary>Every string under an image-holding key of chart values.</summary>
    private static IEnumerable<string> ImageValues(object? node)
    {
        switch (node)
        {
            case IReadOnlyDictionary<string, object> map:
                foreach (var (key, value) in map)
                {
                    if (key is "image" or "hub" or "rbacProxyImage" or "imageRegistry" && value is string text)
                    {
                        yield return text;
                    }

                    foreach (var inner in ImageValues(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case ImmutableArray<object> list:
                foreach (var inner in list.SelectMany(ImageValues))
                {
                    yield return inner;
                }

                break;
        }
    }
}

/// <summary><c>serving.install: false</c>: nothing is installed, the objects the cluster's own stack created are patched.</summary>
public sealed class BringYourOwnStackTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("ss-byo-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task A_bring_your_own_stack_registers_no_release_and_patches_the_installed_objects()
    {
        var root = ProgramRun.RepoRoot();
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(_repo, "Pulumi.dev.yaml"), File.ReadAllText(Path.Combine(root, "Pulumi.dev.yaml"))
            .Replace("  secure-serving:serving:\n    install: true", "  secure-serving:serving:\n    install: false", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_repo, "stacks", "dev"));
        foreach (var team in Directory.GetFiles(Path.Combine(root, "stacks", "dev")))
        {
            File.Copy(team, Path.Combine(_repo, "stacks", "dev", Path.GetFileName(team)));
        }

        var run = await ProgramRun.ProgramAsync("dev", repoRoot: _repo);

        Assert.NotNull(run.Program?.Composition);
        Assert.Null(run.Program!.Composition!.ServingStack);
        Assert.DoesNotContain(run.Mocks.Registered, r => r.Type is ServingStackTests.ChartType or ServingStackTests.ConfigFileType);
        Assert.Contains(run.Mocks.Registered, r => r.Type == "kubernetes:core/v1:ConfigMapPatch" && r.Name!.EndsWith("inferenceservice-config", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Mocks.Registered, r => r.Name!.StartsWith("image-supply-", StringComparison.Ordinal));
    }
}
