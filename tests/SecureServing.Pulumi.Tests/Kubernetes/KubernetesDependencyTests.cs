using SecureServing.Components.Kubernetes;
using SecureServing.Core.Kubernetes;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// Ordering the API server and controllers need, and only that: the mocks hold back one kind of resource for a moment;
/// objects that depend on it are registered only after it, objects that do not are registered meanwhile.
/// </summary>
public sealed class KubernetesDependencyTests
{
    [Fact]
    public async Task Namespaced_team_objects_wait_for_their_namespace_and_others_do_not()
    {
        var config = ShippedStacks.Load("dev");
        var mocks = new RecordingMocks("kubernetes:core/v1:Namespace");
        var run = await LayerRun.RunAsync(config, mocks);
        var events = mocks.Events.ToList();

        foreach (var team in config.Teams)
        {
            var ns = run.Plan.Objects.Single(o => o.Kind == "Namespace" && o.Name == team.Namespace);
            var namespaceDone = events.At($"done:{LayerRun.NameOf(ns)}");
            foreach (var obj in run.Plan.Objects.Where(o => o.Namespace == team.Namespace))
            {
                Assert.True(events.At($"start:{LayerRun.NameOf(obj)}") > namespaceDone, $"{obj.Key} was registered before its namespace");
            }

            // The platform objects do not wait for team namespaces.
            var platform = run.Plan.OwnedBy(KubernetesObject.PlatformOwner).First();
            Assert.True(events.At($"start:{LayerRun.NameOf(platform)}") < namespaceDone, "platform objects waited for a team namespace");
        }
    }

    [Fact]
    public async Task Inference_services_wait_for_the_serving_configuration_patches()
    {
        var mocks = new RecordingMocks("kubernetes:core/v1:ConfigMapPatch");
        var run = await LayerRun.RunAsync(ShippedStacks.LoadBringYourOwn("dev"), mocks);
        var events = mocks.Events.ToList();

        var patches = run.Plan.Objects.Where(o => o.Mode == ApplyMode.Patch && o.Kind == "ConfigMap").ToList();
        Assert.Equal(5, patches.Count);
        var lastPatchDone = patches.Max(p => events.At($"done:{LayerRun.NameOf(p)}"));
        foreach (var isvc in run.Plan.Objects.Where(o => o.Kind == "InferenceService"))
        {
            Assert.True(events.At($"start:{LayerRun.NameOf(isvc)}") > lastPatchDone, $"{isvc.Key} was registered before the serving configuration");
        }

        // Namespaces and authorization policies do not wait for the serving configuration.
        var policy = run.Plan.Objects.First(o => o.Kind == "AuthorizationPolicy" && o.Owner != KubernetesObject.PlatformOwner);
        Assert.True(events.At($"done:{LayerRun.NameOf(policy)}") < lastPatchDone, "team policies waited for the serving configuration");
    }

    [Fact]
    public void Dependencies_are_the_namespace_the_service_account_the_quota_and_the_serving_configuration_only()
    {
        var plan = KubernetesPlanner.Plan(ShippedStacks.LoadBringYourOwn("dev"));

        var dependencies = KubernetesDependencies.For(plan);

        Assert.Equal(plan.Objects.Count, dependencies.Count);
        Assert.Equal(["Namespace/fraud-models"], dependencies["AuthorizationPolicy.security.istio.io/fraud-models/namespace-isolation"]);
        Assert.Empty(dependencies["Namespace/fraud-models"]);
        Assert.Equal(
            [
                "Namespace/fraud-models",
                "ServiceAccount/fraud-models/model-serving",
                "ResourceQuota/fraud-models/team-quota",
                "LimitRange/fraud-models/container-defaults",
                "ConfigMap/kserve/inferenceservice-config",
                "ConfigMap/knative-serving/config-istio",
                "ConfigMap/knative-serving/config-domain",
                "ConfigMap/knative-serving/config-network",
                "ConfigMap/knative-serving/config-features",
            ],
            dependencies["InferenceService.serving.kserve.io/fraud-models/sklearn-iris"]);
        Assert.All(plan.OwnedBy(KubernetesObject.PlatformOwner), o => Assert.Empty(dependencies[o.Key]));
        // Team boundaries wait only for their namespace.
        Assert.Equal(["Namespace/fraud-models"], dependencies["NetworkPolicy.networking.k8s.io/fraud-models/default-deny"]);
        Assert.Equal(["Namespace/fraud-models"], dependencies["Role.rbac.authorization.k8s.io/fraud-models/team-member-read"]);
        Assert.Equal(["Namespace/fraud-models"], dependencies["ResourceQuota/fraud-models/team-quota"]);
    }
}
