using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using CoreV1 = Pulumi.Kubernetes.Core.V1;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using NetworkingV1 = Pulumi.Kubernetes.Networking.V1;
using RbacV1 = Pulumi.Kubernetes.Rbac.V1;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Registers one <see cref="KubernetesObject"/> as exactly one Pulumi resource: the SDK's typed resource for
/// built-in kinds (Namespace, ServiceAccount, Service, Secret, ConfigMap, ResourceQuota, LimitRange, networking.k8s.io/v1
/// Ingress and NetworkPolicy, rbac.authorization.k8s.io/v1 Role and RoleBinding),
/// <see cref="KubernetesCustomResource"/> for CRD kinds (Istio, KServe, cert-manager, GKE), and <c>NamespacePatch</c> /
/// <c>ConfigMapPatch</c> / <c>ServicePatch</c> / <see cref="CustomResourcePatch"/> for objects that already exist in the cluster
/// (<see cref="ApplyMode.Patch"/>). Any other built-in kind, and any field not mapped, fails with the object named.
/// </summary>
public static class KubernetesObjectRegistrar
{
    /// <summary>Registers <paramref name="obj"/> under <paramref name="logicalName"/> with the args of <see cref="BuildArgs"/>.</summary>
    public static Pulumi.CustomResource Register(KubernetesObject obj, string logicalName, KubernetesLayerInputs inputs, CustomResourceOptions options) =>
        BuildArgs(obj, (inputs ?? throw new ArgumentNullException(nameof(inputs))).Outputs, inputs.Secrets) switch
        {
            NamespaceArgs a => new CoreV1.Namespace(logicalName, a, options),
            ServiceAccountArgs a => new CoreV1.ServiceAccount(logicalName, a, options),
            ServiceArgs a => new CoreV1.Service(logicalName, a, options),
            SecretArgs a => new CoreV1.Secret(logicalName, a, options),
            ConfigMapArgs a => new CoreV1.ConfigMap(logicalName, a, options),
            IngressArgs a => new NetworkingV1.Ingress(logicalName, a, options),
            ResourceQuotaArgs a => new CoreV1.ResourceQuota(logicalName, a, options),
            LimitRangeArgs a => new CoreV1.LimitRange(logicalName, a, options),
            NetworkPolicyArgs a => new NetworkingV1.NetworkPolicy(logicalName, a, options),
            RoleArgs a => new RbacV1.Role(logicalName, a, options),
            RoleBindingArgs a => new RbacV1.RoleBinding(logicalName, a, options),
            NamespacePatchArgs a => new CoreV1.NamespacePatch(logicalName, a, options),
            ConfigMapPatchArgs a => new CoreV1.ConfigMapPatch(logicalName, a, options),
            ServicePatchArgs a => new CoreV1.ServicePatch(logicalName, a, options),
            ManifestCustomResourceArgs a => new KubernetesCustomResource(logicalName, a, options),
            ManifestCustomResourcePatchArgs a => new CustomResourcePatch(logicalName, a, options),
            var other => throw new InvalidOperationException($"No resource for {other.GetType().Name}."),
        };

    /// <summary>
    /// The args <paramref name="obj"/> is registered with: every manifest field mapped (or an
    /// <see cref="UnmappedManifestFieldException"/>), placeholders filled from <paramref name="outputs"/> and
    /// <paramref name="secrets"/> (see <see cref="KubernetesLayerInputs"/>), secrets kept secret.
    /// </summary>
    public static ResourceArgs BuildArgs(KubernetesObject obj, IReadOnlyDictionary<ResourceRef, Output<string>> outputs, IReadOnlyDictionary<SecretRef, Output<string>> secrets)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(secrets);
        var values = new ManifestValues(obj, outputs, secrets);
        ManifestFields Root(string target) => ManifestFields.Root(obj.Manifest, values, target);

        ResourceArgs args;
        if (KubernetesResourceNames.IsCustomResource(obj))
        {
            args = obj.Mode == ApplyMode.Create
                ? CustomResourceArgs(Root(nameof(ManifestCustomResourceArgs)), obj)
                : CustomResourcePatchArgs(Root(nameof(ManifestCustomResourcePatchArgs)), obj);
        }
        else
        {
            args = (obj.Mode, obj.ApiVersion, obj.Kind) switch
            {
                (ApplyMode.Create, "v1", "Namespace") => TypedObjectArgs.Namespace(Root(nameof(NamespaceArgs))),
                (ApplyMode.Create, "v1", "ServiceAccount") => TypedObjectArgs.ServiceAccount(Root(nameof(ServiceAccountArgs))),
                (ApplyMode.Create, "v1", "Service") => TypedObjectArgs.Service(Root(nameof(ServiceArgs))),
                (ApplyMode.Create, "v1", "Secret") => TypedObjectArgs.Secret(Root(nameof(SecretArgs))),
                (ApplyMode.Create, "v1", "ConfigMap") => TypedObjectArgs.ConfigMap(Root(nameof(ConfigMapArgs))),
                (ApplyMode.Create, "networking.k8s.io/v1", "Ingress") => TypedObjectArgs.Ingress(Root(nameof(IngressArgs))),
                (ApplyMode.Create, "v1", "ResourceQuota") => TypedWorkloadArgs.ResourceQuota(Root(nameof(ResourceQuotaArgs))),
                (ApplyMode.Create, "v1", "LimitRange") => TypedWorkloadArgs.LimitRange(Root(nameof(LimitRangeArgs))),
                (ApplyMode.Create, "networking.k8s.io/v1", "NetworkPolicy") => TypedWorkloadArgs.NetworkPolicy(Root(nameof(NetworkPolicyArgs))),
                (ApplyMode.Create, "rbac.authorization.k8s.io/v1", "Role") => TypedWorkloadArgs.Role(Root(nameof(RoleArgs))),
                (ApplyMode.Create, "rbac.authorization.k8s.io/v1", "RoleBinding") => TypedWorkloadArgs.RoleBinding(Root(nameof(RoleBindingArgs))),
                (ApplyMode.Patch, "v1", "Namespace") => TypedObjectArgs.NamespacePatch(Root(nameof(NamespacePatchArgs))),
                (ApplyMode.Patch, "v1", "ConfigMap") => TypedObjectArgs.ConfigMapPatch(Root(nameof(ConfigMapPatchArgs))),
                (ApplyMode.Patch, "v1", "Service") => TypedObjectArgs.ServicePatch(Root(nameof(ServicePatchArgs))),
                _ => throw new UnmappedManifestFieldException(
                    $"{values.Subject}: no {obj.Mode} mapping for built-in kind {obj.Kind} ({obj.ApiVersion}). " +
                    "Add its typed resource to SecureServing.Components.Kubernetes.KubernetesObjectRegistrar."),
            };
        }

        values.EnsureAllResolved();
        return args;
    }

    private static ManifestCustomResourceArgs CustomResourceArgs(ManifestFields root, KubernetesObject obj)
    {
        var args = new ManifestCustomResourceArgs(obj.ApiVersion, obj.Kind) { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Any("spec") is { } spec)
        {
            args.Spec = Body(spec, obj);
        }

        root.EnsureAllMapped();
        return args;
    }

    private static ManifestCustomResourcePatchArgs CustomResourcePatchArgs(ManifestFields root, KubernetesObject obj)
    {
        var args = new ManifestCustomResourcePatchArgs(obj.ApiVersion, obj.Kind) { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Any("spec") is { } spec)
        {
            args.Spec = Body(spec, obj);
        }

        root.EnsureAllMapped();
        return args;
    }

    private static InputMap<object> Body(object spec, KubernetesObject obj) =>
        spec as Dictionary<string, object>
        ?? throw new UnmappedManifestFieldException($"{ManifestValues.Describe(obj)}: field 'spec' must be an object.");
}
