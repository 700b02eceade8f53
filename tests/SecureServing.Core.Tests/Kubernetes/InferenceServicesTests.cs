using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

public class InferenceServicesTests
{
    private static KubernetesObject Isvc(params ModelConfig[] models) =>
        PlanOf(TestConfigs.Dev().WithTeams(TestConfigs.Team(models: models))).Single("InferenceService", "fraud-models", models[0].Name);

    [Fact]
    public void Activator_off_sets_target_burst_capacity_zero_and_injects_the_sidecar()
    {
        var isvc = Isvc(TestConfigs.Model("m", ActivatorMode.Off));

        Assert.Equal("serving.kserve.io/v1beta1", isvc.ApiVersion);
        Assert.Equal("0", isvc.Annotation("autoscaling.knative.dev/targetBurstCapacity"));
        Assert.Equal("true", isvc.Annotation("sidecar.istio.io/inject"));
    }

    [Fact]
    public void Activator_on_leaves_target_burst_capacity_to_knative()
    {
        var isvc = Isvc(TestConfigs.Model("m", ActivatorMode.On));

        Assert.Null(isvc.Manifest["metadata"]!["annotations"]!["autoscaling.knative.dev/targetBurstCapacity"]);
    }

    [Fact]
    public void Sidecar_injection_off_is_explicit()
    {
        Assert.Equal("false", Isvc(TestConfigs.Model("m") with { SidecarInjection = false }).Annotation("sidecar.istio.io/inject"));
    }

    [Fact]
    public void Predictor_has_the_format_and_runs_as_the_team_service_account()
    {
        var config = TestConfigs.Dev();
        var plan = PlanOf(config);

        var isvc = plan.Single("InferenceService", "fraud-models", "sklearn-iris");

        Assert.Equal("sklearn", isvc.Str("spec.predictor.model.modelFormat.name"));
        Assert.NotNull(plan.Find("ServiceAccount", "fraud-models", isvc.Str("spec.predictor.serviceAccountName")!));
        Assert.Null(isvc.At("spec.predictor.model.image"));
    }

    [Fact]
    public void Team_bucket_placeholder_points_at_the_gcp_plans_bucket()
    {
        var config = TestConfigs.Dev();
        var bucket = TeamIdentityPlanner.Plan(config).Single(t => t.Team == "fraud").Bucket.LogicalName;

        var isvc = PlanOf(config).Single("InferenceService", "fraud-models", "sklearn-iris");

        Assert.Equal($"gs://${{{bucket}.name}}/sklearn/iris", isvc.Str("spec.predictor.model.storageUri"));
        var output = Assert.Single(isvc.Outputs);
        Assert.Equal("spec.predictor.model.storageUri", output.PathText);
        Assert.Equal(new ResourceRef(bucket, "name"), output.Ref);
    }

    [Fact]
    public void Other_gs_uris_are_kept_as_written()
    {
        var isvc = Isvc(TestConfigs.Model("m") with { StorageUri = "gs://shared-models/iris/1" });

        Assert.Equal("gs://shared-models/iris/1", isvc.Str("spec.predictor.model.storageUri"));
        Assert.Empty(isvc.Outputs);
    }

    [Fact]
    public void Custom_image_replaces_the_runtime_image_and_keeps_the_model_download()
    {
        var isvc = Isvc(TestConfigs.Model("m") with { Image = "europe-west4-docker.pkg.dev/acme/serving/sk:1" });

        Assert.Equal("europe-west4-docker.pkg.dev/acme/serving/sk:1", isvc.Str("spec.predictor.model.image"));
        Assert.NotNull(isvc.Str("spec.predictor.model.storageUri"));
    }

    [Fact]
    public void Private_models_are_cluster_local_and_exposed_ones_are_not()
    {
        Assert.Equal("cluster-local", Isvc(TestConfigs.Model("m", iap: false)).Label("networking.knative.dev/visibility"));
        Assert.Null(Isvc(TestConfigs.Model("m", iap: true)).Label("networking.knative.dev/visibility"));
    }

    [Theory]
    [InlineData(true, "europe-west4-docker.pkg.dev/acme-ml-dev/ss-dev-docker-io/kserve/xgbserver:v0.14.0")]
    [InlineData(false, "kserve/xgbserver:v0.14.0")]
    public void A_custom_image_from_a_proxied_registry_is_pulled_through_the_stacks_mirror(bool install, string expected)
    {
        var model = TestConfigs.Model("m") with { Image = "kserve/xgbserver:v0.14.0" };
        var config = TestConfigs.Dev().WithTeams(TestConfigs.Team(models: model)) with { Serving = new ServingConfig { Install = install } };

        var isvc = PlanOf(config).Single("InferenceService", "fraud-models", "m");

        Assert.Equal(expected, (string?)isvc.Manifest["spec"]!["predictor"]!["model"]!["image"]);
    }
}
