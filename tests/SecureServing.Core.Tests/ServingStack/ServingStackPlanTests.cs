using System.Text.Json;
using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

/// <summary>What the stack installs, in which order, with which values.</summary>
public sealed class ServingStackPlanTests
{
    private static PlatformConfig Installing(PlatformConfig? config = null) =>
        (config ?? TestConfigs.Dev()) with { Serving = new ServingConfig { Install = true } };

    [Fact]
    public void Bring_your_own_installs_nothing_and_keeps_the_patches()
    {
        var config = TestConfigs.Dev();

        Assert.Empty(ServingStackPlanner.Plan(config).Releases);
        Assert.Contains(KubernetesPlanner.Plan(config).Objects, o => o.Mode == ApplyMode.Patch);
    }

    [Fact]
    public void The_stack_installs_istio_cert_manager_knative_and_kserve_in_dependency_order()
    {
        var plan = ServingStackPlanner.Plan(Installing());

        Assert.Equal(
            ["istio-base", "istiod", "istio-public-gateway", "istio-ingressgateway", "cert-manager", "knative-serving", "net-istio", "kserve-crd", "kserve", "kserve-runtimes"],
            plan.Releases.Select(r => r.Name));
        var seen = new HashSet<string>();
        foreach (var release in plan.Releases)
        {
            Assert.All(release.DependsOn, d => Assert.Contains(d, seen));
            seen.Add(release.Name);
        }

        Assert.Equal(["istio-base"], plan.Find("istiod")!.DependsOn);
        Assert.Equal(["istiod", "knative-serving"], plan.Find("net-istio")!.DependsOn);
        Assert.Equal(["kserve-crd", "cert-manager", "knative-serving"], plan.Find("kserve")!.DependsOn);
        Assert.Equal(["kserve"], plan.Find("kserve-runtimes")!.DependsOn);
    }

    [Fact]
    public void Charts_and_manifests_are_pinned_to_the_configured_versions()
    {
        var config = Installing() with { Versions = new PlatformVersions { Istio = "1.29.5", Knative = "1.22.1", Kserve = "0.19.0", CertManager = "1.20.3" } };

        var plan = ServingStackPlanner.Plan(config);

        Assert.All(plan.Releases.Where(r => r.Name.StartsWith("istio", StringComparison.Ordinal)), r =>
        {
            Assert.Equal("1.29.5", r.Version);
            Assert.Equal("https://istio-release.storage.googleapis.com/charts", r.RepositoryUrl);
        });
        var certManager = plan.Find("cert-manager")!;
        Assert.Equal(("cert-manager", "v1.20.3", "https://charts.jetstack.io"), (certManager.ChartReference, certManager.Version, certManager.RepositoryUrl));
        var kserve = plan.Find("kserve")!;
        Assert.Equal(("oci://ghcr.io/kserve/charts/kserve-resources", "v0.19.0"), (kserve.ChartReference, kserve.Version));
        Assert.Null(kserve.RepositoryUrl);
        Assert.Equal("https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-core.yaml", plan.Find("knative-serving")!.ManifestUrl);
        Assert.Equal("https://github.com/knative-extensions/net-istio/releases/download/knative-v1.22.1/net-istio.yaml", plan.Find("net-istio")!.ManifestUrl);
        Assert.All(plan.Releases.Where(r => r.Mechanism == InstallMechanism.ReleaseManifest), r => Assert.Null(r.Chart));
    }

    [Fact]
    public void Every_patch_becomes_an_install_time_value_of_the_release_that_creates_the_object()
    {
        var config = Installing();
        var patches = KubernetesPlanner.PlatformObjects(config).Where(o => o.Mode == ApplyMode.Patch).ToList();
        var plan = ServingStackPlanner.Plan(config);

        Assert.NotEmpty(patches);
        Assert.DoesNotContain(KubernetesPlanner.Plan(config).Objects, o => o.Mode == ApplyMode.Patch);
        Assert.All(patches, p => Assert.NotNull(InstalledObjects.OwnerOf(p)));

        var overrides = plan.Releases.SelectMany(r => r.Overrides.Select(o => (r.Name, o.Target))).ToList();
        Assert.Contains(("net-istio", "ConfigMap/knative-serving/config-istio"), overrides);
        Assert.Contains(("knative-serving", "ConfigMap/knative-serving/config-domain"), overrides);
        Assert.Contains(("knative-serving", "ConfigMap/knative-serving/config-network"), overrides);
        var configIstio = plan.Find("net-istio")!.Overrides.Single(o => o.Name == "config-istio");
        var patch = patches.Single(p => p.Name == "config-istio");
        Assert.Equal(patch.Manifest["data"]!.ToJsonString(), configIstio.Merge["data"]!.ToJsonString());
    }

    [Fact]
    public void Inferenceservice_config_is_rendered_by_the_kserve_chart_from_the_platforms_ingress_settings()
    {
        var config = Installing();
        var gateway = ServingStackPlanner.Plan(config).Find("kserve")!.Values["kserve"]!["controller"]!["gateway"]!;
        var ingress = KserveIngressConfig.Ingress(config);

        Assert.Equal(("models.dev.example.com", "models.dev.example.com"), ((string?)ingress["ingressDomain"], (string?)gateway["domain"]));
        Assert.Equal(("istio-system/public-gateway", "istio-system/public-gateway"), ((string?)ingress["ingressGateway"], (string?)gateway["ingressGateway"]!["gateway"]));
        Assert.Equal(("istio-system/kserve-local-gateway", "istio-system/kserve-local-gateway"), ((string?)ingress["localGateway"], (string?)gateway["localGateway"]!["gateway"]));
        Assert.Equal(
            ("knative-local-gateway.istio-system.svc.cluster.local", "knative-local-gateway.istio-system.svc.cluster.local"),
            ((string?)ingress["knativeLocalGatewayService"], (string?)gateway["localGateway"]!["knativeGatewayService"]));
        Assert.Equal((true, true), ((bool)ingress["disableIstioVirtualHost"]!, (bool)gateway["disableIstioVirtualHost"]!));
        Assert.Equal("https", (string?)gateway["urlScheme"]);
        Assert.Equal(ingress.Count, CountLeaves(gateway.AsObject()));
    }

    [Fact]
    public void Both_gateways_get_their_own_deployment_and_a_cluster_ip_service_and_the_iap_annotations_follow_the_patch()
    {
        var config = Installing();
        var plan = ServingStackPlanner.Plan(config);
        var servicePatch = KubernetesPlanner.PlatformObjects(config).Single(o => o.Kind == "Service" && o.Mode == ApplyMode.Patch && o.Manifest["metadata"]!["annotations"] is not null);

        foreach (var name in new[] { "istio-public-gateway", "istio-ingressgateway" })
        {
            var release = plan.Find(name)!;
            Assert.Equal(("gateway", "istio-system"), (release.Chart, release.Namespace));
            Assert.Equal(["istiod"], release.DependsOn);
            Assert.Equal("ClusterIP", (string?)release.Values["service"]!["type"]);
        }

        Assert.Equal("istio-ingressgateway-service-account", (string?)plan.Find("istio-ingressgateway")!.Values["serviceAccount"]!["name"]);
        Assert.Equal("istio-public-gateway", servicePatch.Name); // IAP's load balancer reaches only the public gateway
        Assert.Null(plan.Find("istio-ingressgateway")!.Values["service"]!["annotations"]);
        var owner = plan.Find(servicePatch.Name)!;
        Assert.Equal(servicePatch.Manifest["metadata"]!["annotations"]!.ToJsonString(), owner.Values["service"]!["annotations"]!.ToJsonString());
        Assert.Contains("cloud.google.com/neg", owner.Values["service"]!["annotations"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_load_balancer_service_patch_becomes_the_gateway_service_type()
    {
        var config = Installing() with { Iap = TestConfigs.Dev().Iap with { Enabled = false }, Ingress = TestConfigs.Dev().Ingress with { LoadBalancerService = true } };

        var plan = ServingStackPlanner.Plan(config);

        Assert.Equal("LoadBalancer", (string?)plan.Find("istio-public-gateway")!.Values["service"]!["type"]);
        Assert.Equal("ClusterIP", (string?)plan.Find("istio-ingressgateway")!.Values["service"]!["type"]);
    }

    [Fact]
    public void Under_restricted_egress_every_image_value_points_at_the_stacks_mirrors()
    {
        var config = Installing();
        var plan = ServingStackPlanner.Plan(config);
        var prefix = "europe-west4-docker.pkg.dev/acme-ml-dev/";

        Assert.Equal(prefix + "ss-dev-docker-io/istio", (string?)plan.Find("istiod")!.Values["global"]!["hub"]);
        Assert.Equal(prefix + "ss-dev-quay-io", (string?)plan.Find("cert-manager")!.Values["imageRegistry"]);
        var kserve = plan.Find("kserve")!.Values["kserve"]!;
        Assert.Equal(prefix + "ss-dev-docker-io/kserve/kserve-controller", (string?)kserve["controller"]!["image"]);
        Assert.Equal(prefix + "ss-dev-quay-io/brancz/kube-rbac-proxy:v0.18.0", (string?)kserve["controller"]!["rbacProxyImage"]);
        Assert.Equal(prefix + "ss-dev-docker-io/kserve/storage-initializer", (string?)kserve["storage"]!["image"]);
        var runtimes = plan.Find("kserve-runtimes")!.Values["kserve"]!["servingruntime"]!.AsObject();
        Assert.True((bool)runtimes["enabled"]!);
        Assert.Equal(prefix + "ss-dev-docker-io/seldonio/mlserver", (string?)runtimes["mlserver"]!["image"]);
        Assert.Equal(prefix + "ss-dev-docker-io/tensorflow/serving", (string?)runtimes["tensorflow"]!["image"]);
        Assert.True((bool)runtimes["tritonserver"]!["disabled"]!);

        Assert.All(ImageValues(plan), image => Assert.StartsWith(prefix, image, StringComparison.Ordinal));
        Assert.All(plan.Releases, r => Assert.NotNull(r.Images));
        Assert.Contains(plan.Find("knative-serving")!.Overrides, o => o.Name == "config-deployment"
            && ((string?)o.Merge["data"]!["registries-skipping-tag-resolving"])!.EndsWith(",europe-west4-docker.pkg.dev", StringComparison.Ordinal));
        Assert.Equal(20, ImageValues(plan).Count()); // istiod hub, cert-manager registry, 6 KServe images, 12 runtimes
    }

    [Fact]
    public void With_nat_egress_images_come_from_upstream_and_every_runtime_is_on()
    {
        var config = Installing() with { Network = TestConfigs.Dev().Network with { Egress = EgressMode.Nat } };

        var plan = ServingStackPlanner.Plan(config);

        Assert.Empty(ImageValues(plan));
        Assert.All(plan.Releases, r => Assert.Null(r.Images));
        Assert.Null(plan.Find("istiod")!.Values["global"]);
        Assert.Equal("""{"enabled":true}""", plan.Find("kserve-runtimes")!.Values["kserve"]!["servingruntime"]!.ToJsonString());
        Assert.DoesNotContain(plan.Find("knative-serving")!.Overrides, o => o.Name == "config-deployment");
    }

    [Fact]
    public void Triton_disabled_says_what_the_runtime_values_write()
    {
        foreach (var egress in new[] { EgressMode.Restricted, EgressMode.Nat })
        {
            var config = Installing() with { Network = TestConfigs.Dev().Network with { Egress = egress } };

            var triton = ServingStackPlanner.Plan(config).Find("kserve-runtimes")!.Values["kserve"]!["servingruntime"]![KserveReleases.TritonRuntime];

            Assert.Equal(egress == EgressMode.Restricted, KserveReleases.TritonDisabled(config));
            Assert.Equal(KserveReleases.TritonDisabled(config), (bool?)triton?["disabled"] == true);
        }
    }

    [Fact]
    public void Planning_with_the_kubernetes_plan_gives_the_same_releases_as_planning_from_the_config()
    {
        var config = Installing();

        var fromConfig = ServingStackPlanner.Plan(config);
        var fromPlan = ServingStackPlanner.Plan(config, KubernetesPlanner.Plan(config));

        Assert.Equal(ReleasesYamlWriter.Write(config.Stack, fromConfig), ReleasesYamlWriter.Write(config.Stack, fromPlan));
        Assert.Same(ServingStackPlan.None, ServingStackPlanner.Plan(TestConfigs.Dev(), KubernetesPlanner.Plan(TestConfigs.Dev())));
    }

    [Fact]
    public void Kserve_0_19_has_no_runtimes_that_came_with_0_20()
    {
        var config = Installing() with { Versions = new PlatformVersions { Kserve = "0.19.0" } };

        var runtimes = ServingStackPlanner.Plan(config).Find("kserve-runtimes")!.Values["kserve"]!["servingruntime"]!.AsObject();

        Assert.False(runtimes.ContainsKey("vllmserver"));
        Assert.False(runtimes.ContainsKey("autogluonserver"));
        Assert.True(runtimes.ContainsKey("sklearnserver"));
    }

    [Fact]
    public void Knative_waits_for_istiod_only_when_its_namespace_is_injected()
    {
        var config = Installing();
        var label = new KubernetesObject(JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"knative-serving","labels":{"istio-injection":"enabled"}}}""")!.AsObject(),
            ApplyMode.Patch, KubernetesObject.PlatformOwner);

        var plain = KnativeReleases.For(config, null, new Dictionary<string, IReadOnlyList<KubernetesObject>>()).First();
        var injected = KnativeReleases.For(config, null, new Dictionary<string, IReadOnlyList<KubernetesObject>> { ["knative-serving"] = [label] }).First();

        Assert.Empty(plain.DependsOn);
        Assert.Equal(["istiod"], injected.DependsOn);
        Assert.Equal("""{"metadata":{"labels":{"istio-injection":"enabled"}}}""", Assert.Single(injected.Overrides).Merge.ToJsonString());
    }

    [Fact]
    public void A_patch_field_no_chart_value_renders_is_a_wiring_error_naming_the_object()
    {
        var patch = new KubernetesObject(JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"istio-ingressgateway","namespace":"istio-system"},"spec":{"externalTrafficPolicy":"Local"}}""")!.AsObject(),
            ApplyMode.Patch, "platform");
        var absorbed = new Dictionary<string, IReadOnlyList<KubernetesObject>> { ["istio-ingressgateway"] = [patch] };

        var error = Assert.Throws<InvalidOperationException>(() => IstioReleases.For(Installing(), null, absorbed).ToList());

        Assert.Contains("Service/istio-system/istio-ingressgateway", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.externalTrafficPolicy", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Values that are image references or registries: keys named image, rbacProxyImage, hub, imageRegistry.</summary>
    internal static IEnumerable<string> ImageValues(ServingStackPlan plan) =>
        plan.Releases.SelectMany(r => Leaves(r.Values)).Where(l => l.Key is "image" or "rbacProxyImage" or "hub" or "imageRegistry").Select(l => l.Value);

    private static IEnumerable<(string Key, string Value)> Leaves(JsonNode? node, string key = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (k, v) in obj)
                {
                    foreach (var leaf in Leaves(v, k))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var leaf in Leaves(item, key))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (key, value.GetValue<string>());
                break;
        }
    }

    private static int CountLeaves(JsonObject obj) => obj.Sum(kv => kv.Value is JsonObject child ? CountLeaves(child) : 1);
}
