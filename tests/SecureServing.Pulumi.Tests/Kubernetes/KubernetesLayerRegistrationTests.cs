using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Utilities;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using CoreV1 = Pulumi.Kubernetes.Core.V1;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using NetworkingV1 = Pulumi.Kubernetes.Networking.V1;
using RbacV1 = Pulumi.Kubernetes.Rbac.V1;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>What the Kubernetes layer registers for the shipped dev and prod stacks: types, names, provider, groups.</summary>
public sealed class KubernetesLayerRegistrationTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_planned_object_is_registered_once_and_nothing_else(string stack)
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load(stack));

        foreach (var obj in run.Plan.Objects)
        {
            run.RegistrationOf(obj);
        }

        var kubernetesObjects = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.Equal(run.Plan.Objects.Count, kubernetesObjects.Count);
        Assert.Equal(run.Plan.Objects.Count, run.Layer.Objects.Count);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Crd_kinds_are_custom_resources_and_built_in_kinds_their_typed_resources(string stack)
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load(stack));

        foreach (var obj in run.Plan.Objects.Where(o => o.Mode == ApplyMode.Create))
        {
            var resource = run.Layer.Objects[obj.Key];
            var expected = (obj.ApiVersion, obj.Kind) switch
            {
                ("v1", "Namespace") => typeof(CoreV1.Namespace),
                ("v1", "ServiceAccount") => typeof(CoreV1.ServiceAccount),
                ("v1", "Service") => typeof(CoreV1.Service),
                ("v1", "Secret") => typeof(CoreV1.Secret),
                ("v1", "ConfigMap") => typeof(CoreV1.ConfigMap),
                ("networking.k8s.io/v1", "Ingress") => typeof(NetworkingV1.Ingress),
                ("networking.k8s.io/v1", "NetworkPolicy") => typeof(NetworkingV1.NetworkPolicy),
                ("v1", "ResourceQuota") => typeof(CoreV1.ResourceQuota),
                ("v1", "LimitRange") => typeof(CoreV1.LimitRange),
                ("rbac.authorization.k8s.io/v1", "Role") => typeof(RbacV1.Role),
                ("rbac.authorization.k8s.io/v1", "RoleBinding") => typeof(RbacV1.RoleBinding),
                _ => typeof(KubernetesCustomResource),
            };
            Assert.True(resource.GetType() == expected, $"{obj.Key} is a {resource.GetType().Name}, expected {expected.Name}");
        }
    }

    [Fact]
    public async Task Prod_registers_the_istio_kserve_cert_manager_and_gke_kinds_under_their_api_versions()
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load("prod"));
        var types = run.Mocks.Registered.Select(r => r.Type).ToHashSet();

        string[] expected =
        [
            "kubernetes:security.istio.io/v1:AuthorizationPolicy",
            "kubernetes:security.istio.io/v1:PeerAuthentication",
            "kubernetes:security.istio.io/v1:RequestAuthentication",
            "kubernetes:networking.istio.io/v1:DestinationRule",
            "kubernetes:networking.istio.io/v1:Gateway",
            "kubernetes:networking.istio.io/v1:VirtualService",
            "kubernetes:serving.kserve.io/v1beta1:InferenceService",
            "kubernetes:cert-manager.io/v1:Certificate",
            "kubernetes:cert-manager.io/v1:ClusterIssuer",
            "kubernetes:cloud.google.com/v1:BackendConfig",
            "kubernetes:networking.k8s.io/v1:Ingress",
            "kubernetes:core/v1:Namespace",
            "kubernetes:core/v1:ServiceAccount",
            "kubernetes:core/v1:Service",
            "kubernetes:core/v1:Secret",
        ];
        Assert.All(expected, type => Assert.Contains(type, types));
        run.Mocks.Single("kubernetes:serving.kserve.io/v1beta1:InferenceService", "k8s-team-fraud-inferenceservice-fraud-models-sklearn-iris");
        run.Mocks.Single("kubernetes:core/v1:Namespace", "k8s-team-recsys-namespace-recsys-models");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Objects_that_already_exist_are_patched_never_created(string stack)
    {
        var run = await LayerRun.RunAsync(ShippedStacks.LoadBringYourOwn(stack));

        var patches = run.Plan.Objects.Where(o => o.Mode == ApplyMode.Patch).ToList();
        Assert.NotEmpty(patches);
        foreach (var obj in patches)
        {
            var resource = run.Layer.Objects[obj.Key];
            var expected = obj.Kind switch
            {
                "Namespace" => typeof(CoreV1.NamespacePatch),
                "ConfigMap" => typeof(CoreV1.ConfigMapPatch),
                "Service" => typeof(CoreV1.ServicePatch),
                _ => typeof(CustomResourcePatch),
            };
            Assert.True(resource.GetType() == expected, $"{obj.Key} is a {resource.GetType().Name}, expected {expected.Name}");
            Assert.EndsWith("Patch", run.RegistrationOf(obj).Type!, StringComparison.Ordinal);
        }

        run.Mocks.Single("kubernetes:core/v1:ConfigMapPatch", "k8s-platform-configmap-kserve-inferenceservice-config");
        run.Mocks.Single("kubernetes:core/v1:ServicePatch", "k8s-platform-service-istio-system-istio-ingressgateway");
        run.Mocks.Single("kubernetes:core/v1:ServicePatch", "k8s-platform-service-istio-system-istio-public-gateway");
        run.Mocks.Single("kubernetes:core/v1:NamespacePatch", "k8s-platform-namespace-knative-serving");
        Assert.DoesNotContain(run.Mocks.Registered, r => r.Type == "kubernetes:core/v1:ConfigMap");
    }

    [Fact]
    public async Task Prod_patches_the_knative_local_gateway_as_a_custom_resource_patch()
    {
        var run = await LayerRun.RunAsync(ShippedStacks.LoadBringYourOwn("prod"));

        var gateway = run.Mocks.Single("kubernetes:networking.istio.io/v1:GatewayPatch", "k8s-platform-gateway-knative-serving-knative-local-gateway");
        Assert.Equal("networking.istio.io/v1", gateway.Inputs["apiVersion"]);
        Assert.Equal("Gateway", gateway.Inputs["kind"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_object_is_registered_with_the_explicit_kubernetes_provider(string stack)
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load(stack));

        var provider = run.Mocks.Single(LayerRun.ProviderType, LayerRun.ProviderName);
        var providerUrn = await OutputUtilities.GetValueAsync(run.Provider.Urn);
        Assert.EndsWith($"{LayerRun.ProviderType}::{LayerRun.ProviderName}", providerUrn, StringComparison.Ordinal);
        var providerRef = $"{providerUrn}::{LayerRun.ProviderName}_id";
        Assert.Equal("true", provider.Inputs["enableServerSideApply"]);
        Assert.All(run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)),
            r => Assert.True(r.Provider == providerRef, $"{r.Type} {r.Name} uses provider '{r.Provider}'"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Objects_are_grouped_per_team_and_platform_under_the_layer(string stack)
    {
        var config = ShippedStacks.Load(stack);
        var run = await LayerRun.RunAsync(config);

        run.Mocks.Single(KubernetesResourceNames.LayerType, LayerRun.LayerName);
        run.Mocks.Single(KubernetesResourceNames.PlatformType, "k8s-platform");
        var teams = run.Mocks.Registered.Where(r => r.Type == KubernetesResourceNames.TeamType).Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(config.Teams.Select(t => $"k8s-team-{t.Team}").Order(StringComparer.Ordinal), teams);

        foreach (var obj in run.Plan.Objects)
        {
            var group = run.Layer.Groups[obj.Owner];
            Assert.Same(run.Layer.Objects[obj.Key], group.Objects[obj.Key]);
            Assert.StartsWith(group.GetResourceName() + "-", LayerRun.NameOf(obj), StringComparison.Ordinal);
        }

        Assert.Equal(config.Teams.Count + 1, run.Layer.Groups.Count);
    }

    [Fact]
    public async Task A_preview_before_the_buckets_exist_registers_every_object()
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load("dev"), preview: true);

        Assert.Equal(run.Plan.Objects.Count, run.Mocks.Registered.Count(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)));

        // Objects that do not wait for a GCP output are registered in full already.
        var known = run.Plan.Objects.Where(o => o.Outputs.Count == 0).ToList();
        Assert.NotEmpty(known);
        Assert.All(known, obj => Assert.Empty(RegisteredInputs.Differences(LayerRun.ExpectedManifest(obj), run.RegistrationOf(obj).Inputs)));

        // The mock monitor reports a body holding an unknown value (the bucket name) as unknown as a whole.
        var isvc = run.Mocks.Single("kubernetes:serving.kserve.io/v1beta1:InferenceService", "k8s-team-fraud-inferenceservice-fraud-models-sklearn-iris");
        Assert.Equal("sklearn-iris", ((IReadOnlyDictionary<string, object>)isvc.Inputs["metadata"])["name"]);
        Assert.False(isvc.Inputs.ContainsKey("spec"));
    }

    [Fact]
    public async Task Storage_uri_uses_the_team_bucket_name_output()
    {
        var config = ShippedStacks.Load("dev");
        var run = await LayerRun.RunAsync(config);

        var isvc = run.Mocks.Single("kubernetes:serving.kserve.io/v1beta1:InferenceService", "k8s-team-fraud-inferenceservice-fraud-models-sklearn-iris");
        var predictor = (IReadOnlyDictionary<string, object>)((IReadOnlyDictionary<string, object>)isvc.Inputs["spec"])["predictor"];
        var model = (IReadOnlyDictionary<string, object>)predictor["model"];
        var bucket = ResourceRef.Name(TeamIdentityPlanner.Plan(config).Single(t => t.Team == "fraud").Bucket.LogicalName);
        Assert.Equal($"gs://{LayerRun.ResolvedOutput(bucket)}/sklearn/iris", model["storageUri"]);
    }

    [Fact]
    public async Task The_byo_oauth_client_secret_is_registered_from_the_pulumi_secret_and_stays_secret()
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load("prod"));
        var secretObject = Assert.Single(run.Plan.Objects, o => o.Kind == "Secret");
        var field = Assert.Single(secretObject.Secrets);

        var registered = run.RegistrationOf(secretObject);
        var stringData = (IReadOnlyDictionary<string, object>)registered.Inputs["stringData"];
        Assert.Equal(LayerRun.SecretValue(field.Source), stringData["client_secret"]);

        // Even a plain output handed in for the secret is registered as a Pulumi secret.
        var args = (SecretArgs)KubernetesObjectRegistrar.BuildArgs(secretObject,
            new Dictionary<ResourceRef, Output<string>>(),
            new Dictionary<SecureServing.Core.Config.SecretRef, Output<string>> { [field.Source] = Output.Create("plain-handed-in") });
        Output<System.Collections.Immutable.ImmutableDictionary<string, string>> registeredStringData = args.StringData;
        Assert.True(await Output.IsSecretAsync(registeredStringData));
        Assert.Equal("plain-handed-in", (await OutputUtilities.GetValueAsync(registeredStringData))["client_secret"]);
    }
}
