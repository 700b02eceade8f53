using System.Text.Json.Nodes;
using Pulumi;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// A manifest the layer cannot register faithfully fails the run with the object and field named, instead of
/// silently dropping part of it or deploying a placeholder literally.
/// </summary>
public sealed class ManifestMappingTests
{
    private static readonly Dictionary<ResourceRef, Output<string>> NoOutputs = [];
    private static readonly Dictionary<SecretRef, Output<string>> NoSecrets = [];

    private static KubernetesObject Service(JsonObject spec, ApplyMode mode = ApplyMode.Create) => new(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "apps" },
        ["spec"] = spec,
    }, mode, KubernetesObject.PlatformOwner);

    [Fact]
    public void A_field_the_typed_mapping_does_not_carry_fails_naming_object_field_and_args_type()
    {
        var obj = Service(new JsonObject { ["type"] = "ClusterIP", ["clusterIP"] = "None" });

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("Service apps/web", error.Message, StringComparison.Ordinal);
        Assert.Contains("'spec.clusterIP'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceSpecArgs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_unmapped_field_is_named_with_its_array_index()
    {
        var obj = Service(new JsonObject
        {
            ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["nodePort"] = 30080 }),
        });

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("'spec.ports.[0].nodePort'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_maps_the_same_fields_onto_the_patch_args_and_names_them_when_one_is_not_mapped()
    {
        var patch = Service(new JsonObject
        {
            ["type"] = "ClusterIP",
            ["selector"] = new JsonObject { ["app"] = "web" },
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http", ["appProtocol"] = "http" }),
        }, ApplyMode.Patch);
        var args = Assert.IsType<global::Pulumi.Kubernetes.Types.Inputs.Core.V1.ServicePatchArgs>(KubernetesObjectRegistrar.BuildArgs(patch, NoOutputs, NoSecrets));
        Assert.NotNull(args.Spec);
        Assert.NotNull(args.Metadata);

        var unmapped = Service(new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["nodePort"] = 30080 }) }, ApplyMode.Patch);
        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(unmapped, NoOutputs, NoSecrets));
        Assert.Contains("'spec.ports.[0].nodePort' is not mapped onto ServicePortPatchArgs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_created_service_port_needs_its_port_a_patched_one_may_leave_it_to_the_live_object()
    {
        var spec = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["targetPort"] = 8080 }) };

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(Service(spec), NoOutputs, NoSecrets));
        Assert.Equal("A Service port needs 'port' (core/v1 ServicePort).", error.Message);
        Assert.IsType<global::Pulumi.Kubernetes.Types.Inputs.Core.V1.ServicePatchArgs>(
            KubernetesObjectRegistrar.BuildArgs(Service((JsonObject)spec.DeepClone(), ApplyMode.Patch), NoOutputs, NoSecrets));
    }

    [Fact]
    public void A_value_of_the_wrong_shape_fails_instead_of_being_coerced()
    {
        var obj = Service(new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = "eighty" }) });

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("'spec.ports.[0].port' must be an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_resource_field_other_than_metadata_and_spec_fails()
    {
        var obj = new KubernetesObject(new JsonObject
        {
            ["apiVersion"] = "cert-manager.io/v1",
            ["kind"] = "Certificate",
            ["metadata"] = new JsonObject { ["name"] = "c", ["namespace"] = "istio-system" },
            ["spec"] = new JsonObject { ["secretName"] = "c" },
            ["status"] = new JsonObject { ["ready"] = true },
        }, ApplyMode.Create, KubernetesObject.PlatformOwner);

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("Certificate istio-system/c", error.Message, StringComparison.Ordinal);
        Assert.Contains("'status'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_kind_without_a_typed_mapping_fails_instead_of_becoming_a_custom_resource()
    {
        var obj = new KubernetesObject(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "d", ["namespace"] = "apps" },
        }, ApplyMode.Create, KubernetesObject.PlatformOwner);

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("built-in kind Deployment (apps/v1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_the_object_does_not_declare_fails()
    {
        var obj = Service(new JsonObject { ["type"] = "${team-x-bucket.name}" });

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("'spec.type'", error.Message, StringComparison.Ordinal);
        Assert.Contains("declares no secret or output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_output_without_its_value_fails_naming_the_reference()
    {
        var bucket = ResourceRef.Name("team-fraud-bucket");
        var obj = new KubernetesObject(new JsonObject
        {
            ["apiVersion"] = "serving.kserve.io/v1beta1",
            ["kind"] = "InferenceService",
            ["metadata"] = new JsonObject { ["name"] = "m", ["namespace"] = "fraud-models" },
            ["spec"] = new JsonObject { ["predictor"] = new JsonObject { ["model"] = new JsonObject { ["storageUri"] = $"gs://{bucket.Rendered}/m" } } },
        }, ApplyMode.Create, KubernetesObject.TeamOwner("fraud"))
        {
            Outputs = [new OutputField(["spec", "predictor", "model", "storageUri"], bucket)],
        };

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("${team-fraud-bucket.name}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'spec.predictor.model.storageUri'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_secret_without_its_value_fails_naming_the_config_key_not_a_value()
    {
        var secretRef = new SecretRef("secure-serving:iap", "oauthClient.clientSecret");
        var obj = new KubernetesObject(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "s", ["namespace"] = "istio-system" },
            ["stringData"] = new JsonObject { ["client_secret"] = "[secret]" },
        }, ApplyMode.Create, KubernetesObject.PlatformOwner)
        {
            Secrets = [new SecretField(["stringData", "client_secret"], secretRef)],
        };

        var error = Assert.Throws<UnmappedManifestFieldException>(() => KubernetesObjectRegistrar.BuildArgs(obj, NoOutputs, NoSecrets));

        Assert.Contains("'secure-serving:iap' path 'oauthClient.clientSecret'", error.Message, StringComparison.Ordinal);
    }
}
