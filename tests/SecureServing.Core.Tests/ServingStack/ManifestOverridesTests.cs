using System.Text.Json.Nodes;
using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

/// <summary>What the release component does to each object a release manifest renders.</summary>
public sealed class ManifestOverridesTests
{
    private static readonly ServingStackPlan Plan = ServingStackPlanner.Plan(TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } });
    private const string Prefix = "europe-west4-docker.pkg.dev/acme-ml-dev/";

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Knative_deployments_pull_through_the_gcr_mirror()
    {
        var activator = Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"activator","namespace":"knative-serving"},
             "spec":{"template":{"spec":{"initContainers":[{"name":"init","image":"gcr.io/knative-releases/knative.dev/serving/cmd/init@sha256:aa"}],
             "containers":[{"name":"activator","image":"gcr.io/knative-releases/knative.dev/serving/cmd/activator@sha256:bb"}]}}}}
            """);

        var result = ManifestOverrides.Apply(Plan.Find("knative-serving")!, activator)!;

        Assert.Equal(Prefix + "ss-dev-gcr-io/knative-releases/knative.dev/serving/cmd/activator@sha256:bb", (string?)result["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal(Prefix + "ss-dev-gcr-io/knative-releases/knative.dev/serving/cmd/init@sha256:aa", (string?)result["spec"]!["template"]!["spec"]!["initContainers"]![0]!["image"]);
        Assert.StartsWith("gcr.io/", (string?)activator["spec"]!["template"]!["spec"]!["containers"]![0]!["image"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_queue_proxy_image_knative_adds_to_every_revision_is_mirrored_too()
    {
        var configDeployment = Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"config-deployment","namespace":"knative-serving"},"data":{"queue-sidecar-image":"gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:cc","_example":"x"}}""");
        var cache = Parse("""{"apiVersion":"caching.internal.knative.dev/v1alpha1","kind":"Image","metadata":{"name":"queue-proxy","namespace":"knative-serving"},"spec":{"image":"gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:cc"}}""");

        var data = ManifestOverrides.Apply(Plan.Find("knative-serving")!, configDeployment)!["data"]!;
        var image = ManifestOverrides.Apply(Plan.Find("knative-serving")!, cache)!["spec"]!["image"];

        Assert.Equal(Prefix + "ss-dev-gcr-io/knative-releases/knative.dev/serving/cmd/queue@sha256:cc", (string?)data["queue-sidecar-image"]);
        Assert.Equal("kind.local,ko.local,dev.local,europe-west4-docker.pkg.dev", (string?)data["registries-skipping-tag-resolving"]);
        Assert.Equal("x", (string?)data["_example"]);
        Assert.Equal((string?)data["queue-sidecar-image"], (string?)image);
    }

    [Fact]
    public void An_override_merges_into_its_object_and_leaves_the_rest()
    {
        var configIstio = Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"config-istio","namespace":"knative-serving","labels":{"app.kubernetes.io/name":"knative-serving"}},"data":{"_example":"docs"}}""");

        var result = ManifestOverrides.Apply(Plan.Find("net-istio")!, configIstio)!;

        Assert.Contains("public-gateway", (string?)result["data"]!["external-gateways"], StringComparison.Ordinal);
        Assert.Equal("docs", (string?)result["data"]!["_example"]);
        Assert.Equal("knative-serving", (string?)result["metadata"]!["labels"]!["app.kubernetes.io/name"]);
        Assert.Equal("config-istio", (string?)result["metadata"]!["name"]);
    }

    [Fact]
    public void Objects_without_an_override_or_an_image_are_left_unchanged()
    {
        var role = Parse("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"knative-serving-istio"},"rules":[]}""");
        var otherConfigMap = Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"config-istio","namespace":"elsewhere"},"data":{}}""");

        Assert.Null(ManifestOverrides.Apply(Plan.Find("net-istio")!, role));
        Assert.Null(ManifestOverrides.Apply(Plan.Find("net-istio")!, otherConfigMap));
    }

    [Fact]
    public void Merge_patch_replaces_lists_and_removes_null_keys()
    {
        var target = Parse("""{"spec":{"servers":[{"port":{"number":8081}},{"port":{"number":80}}],"selector":{"istio":"ingressgateway"}},"keep":1}""");

        ManifestOverrides.MergePatch(target, Parse("""{"spec":{"servers":[{"port":{"number":8081,"protocol":"HTTPS"}}],"selector":null}}"""));

        Assert.Equal("""{"spec":{"servers":[{"port":{"number":8081,"protocol":"HTTPS"}}]},"keep":1}""", target.ToJsonString());
    }

    [Fact]
    public void Chart_objects_get_the_image_safety_net_and_serving_runtimes_are_covered()
    {
        var runtime = Parse("""{"apiVersion":"serving.kserve.io/v1alpha1","kind":"ClusterServingRuntime","metadata":{"name":"kserve-sklearnserver"},"spec":{"containers":[{"name":"kserve-container","image":"kserve/sklearnserver:v0.20.0"}]}}""");
        var triton = Parse("""{"apiVersion":"serving.kserve.io/v1alpha1","kind":"ClusterServingRuntime","metadata":{"name":"kserve-tritonserver"},"spec":{"disabled":true,"containers":[{"name":"kserve-container","image":"nvcr.io/nvidia/tritonserver:23.05-py3"}]}}""");

        var result = ManifestOverrides.Apply(Plan.Find("kserve-runtimes")!, runtime)!;

        Assert.Equal(Prefix + "ss-dev-docker-io/kserve/sklearnserver:v0.20.0", (string?)result["spec"]!["containers"]![0]!["image"]);
        Assert.Null(ManifestOverrides.Apply(Plan.Find("kserve-runtimes")!, triton));
    }

    [Fact]
    public void Merge_patch_into_a_missing_or_scalar_key_drops_the_patch_nulls_as_rfc_7386_says()
    {
        var target = Parse("""{"spec":"scalar"}""");

        ManifestOverrides.MergePatch(target, Parse("""{"spec":{"a":1,"b":null,"c":{"d":null,"e":2}},"extra":{"x":null}}"""));

        Assert.Equal("""{"spec":{"a":1,"c":{"e":2}},"extra":{}}""", target.ToJsonString());
    }

    [Fact]
    public void May_change_names_exactly_the_kinds_an_override_targets_or_an_image_field_lives_in()
    {
        var netIstio = Plan.Find("net-istio")!;
        var runtimes = Plan.Find("kserve-runtimes")!;

        Assert.NotEmpty(netIstio.Overrides);
        Assert.All(netIstio.Overrides, o => Assert.True(ManifestOverrides.MayChange(netIstio, o.Kind), o.Kind));
        Assert.True(ManifestOverrides.MayChange(runtimes, "ClusterServingRuntime"));
        Assert.True(ManifestOverrides.MayChange(runtimes, "CronJob"));
        Assert.False(ManifestOverrides.MayChange(netIstio, "ClusterRole"));
        Assert.False(ManifestOverrides.MayChange(runtimes, "Secret"));
        Assert.False(ManifestOverrides.MayChange(runtimes with { Images = null }, "ClusterServingRuntime"));
    }
}
