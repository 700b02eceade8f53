using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Maps manifests of built-in kinds onto the SDK's typed args, field by field: exactly the fields the policy core
/// emits. Every object is read through <see cref="ManifestFields"/>, so a field not mapped here fails the run with
/// the object and field named instead of being dropped.
/// The kinds registered both created and patched (Namespace, ConfigMap, Service, and their metadata, spec and ports) are
/// described once each (<see cref="CreateAndPatchMapping{TCreate, TPatch}"/>): one line per field, with the setter of
/// the create args (<c>NamespaceArgs</c>, ...) beside the setter of the patch args (<c>NamespacePatchArgs</c>, ...).
/// </summary>
internal static class TypedObjectArgs
{
    private const string NoMetadata = "A manifest without metadata cannot be registered.";

    // Each description uses the ones declared above it (static fields initialize in this order).

    /// <summary><c>metadata</c>: name, namespace, labels, annotations.</summary>
    private static readonly CreateAndPatchMapping<ObjectMetaArgs, ObjectMetaPatchArgs> MetadataFields = new CreateAndPatchMapping<ObjectMetaArgs, ObjectMetaPatchArgs>()
        .String("name", (a, v) => a.Name = v, (p, v) => p.Name = v)
        .String("namespace", (a, v) => a.Namespace = v, (p, v) => p.Namespace = v)
        .StringMap("labels", (a, v) => a.Labels = v, (p, v) => p.Labels = v)
        .StringMap("annotations", (a, v) => a.Annotations = v, (p, v) => p.Annotations = v);

    private static readonly CreateAndPatchMapping<NamespaceArgs, NamespacePatchArgs> NamespaceFields = new CreateAndPatchMapping<NamespaceArgs, NamespacePatchArgs>()
        .Object("metadata", MetadataFields, (a, v) => a.Metadata = v, (p, v) => p.Metadata = v, RequiredOn.Both, NoMetadata);

    private static readonly CreateAndPatchMapping<ConfigMapArgs, ConfigMapPatchArgs> ConfigMapFields = new CreateAndPatchMapping<ConfigMapArgs, ConfigMapPatchArgs>()
        .Object("metadata", MetadataFields, (a, v) => a.Metadata = v, (p, v) => p.Metadata = v, RequiredOn.Both, NoMetadata)
        .StringMap("data", (a, v) => a.Data = v, (p, v) => p.Data = v);

    /// <summary>A Service port: a patch may leave <c>port</c> to the live object, a created Service may not.</summary>
    private static readonly CreateAndPatchMapping<ServicePortArgs, ServicePortPatchArgs> ServicePortFields = new CreateAndPatchMapping<ServicePortArgs, ServicePortPatchArgs>()
        .String("name", (a, v) => a.Name = v, (p, v) => p.Name = v)
        .String("protocol", (a, v) => a.Protocol = v, (p, v) => p.Protocol = v)
        .Int("port", (a, v) => a.Port = v, (p, v) => p.Port = v, RequiredOn.Create, "A Service port needs 'port' (core/v1 ServicePort).")
        .String("appProtocol", (a, v) => a.AppProtocol = v, (p, v) => p.AppProtocol = v)
        .IntOrString("targetPort", (a, v) => a.TargetPort = v, (p, v) => p.TargetPort = v);

    private static readonly CreateAndPatchMapping<ServiceSpecArgs, ServiceSpecPatchArgs> ServiceSpecFields = new CreateAndPatchMapping<ServiceSpecArgs, ServiceSpecPatchArgs>()
        .String("type", (a, v) => a.Type = v, (p, v) => p.Type = v)
        .Objects("ports", ServicePortFields, (a, v) => a.Ports = v, (p, v) => p.Ports = v)
        .StringMap("selector", (a, v) => a.Selector = v, (p, v) => p.Selector = v);

    private static readonly CreateAndPatchMapping<ServiceArgs, ServicePatchArgs> ServiceFields = new CreateAndPatchMapping<ServiceArgs, ServicePatchArgs>()
        .Object("metadata", MetadataFields, (a, v) => a.Metadata = v, (p, v) => p.Metadata = v, RequiredOn.Both, NoMetadata)
        .Object("spec", ServiceSpecFields, (a, v) => a.Spec = v, (p, v) => p.Spec = v);

    public static NamespaceArgs Namespace(ManifestFields root) => NamespaceFields.Create(root);

    public static NamespacePatchArgs NamespacePatch(ManifestFields root) => NamespaceFields.Patch(root);

    public static ConfigMapArgs ConfigMap(ManifestFields root) => ConfigMapFields.Create(root);

    public static ConfigMapPatchArgs ConfigMapPatch(ManifestFields root) => ConfigMapFields.Patch(root);

    public static ServiceArgs Service(ManifestFields root) => ServiceFields.Create(root);

    public static ServicePatchArgs ServicePatch(ManifestFields root) => ServiceFields.Patch(root);

    /// <summary><c>metadata</c> of a kind registered only created (custom resources, ServiceAccount, Secret, Ingress).</summary>
    public static ObjectMetaArgs Metadata(ManifestFields root) =>
        MetadataFields.Create(root.Object("metadata", nameof(ObjectMetaArgs)) ?? throw new UnmappedManifestFieldException(NoMetadata));

    public static ServiceAccountArgs ServiceAccount(ManifestFields root)
    {
        var args = new ServiceAccountArgs { Metadata = Metadata(root) };
        root.EnsureAllMapped();
        return args;
    }

    public static SecretArgs Secret(ManifestFields root)
    {
        var args = new SecretArgs
        {
            Metadata = Metadata(root),
            Type = root.String("type"),
        };
        if (root.StringMap("stringData") is { } stringData)
        {
            args.StringData = stringData;
        }

        if (root.StringMap("data") is { } data)
        {
            args.Data = data;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static IngressArgs Ingress(ManifestFields root)
    {
        var args = new IngressArgs { Metadata = Metadata(root) };
        if (root.Object("spec", nameof(IngressSpecArgs)) is { } spec)
        {
            var specArgs = new IngressSpecArgs { IngressClassName = spec.String("ingressClassName") };
            if (spec.Objects("rules", nameof(IngressRuleArgs)) is { } rules)
            {
                specArgs.Rules = rules.Select(IngressRule).ToList();
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
        }

        root.EnsureAllMapped();
        return args;
    }

    private static IngressRuleArgs IngressRule(ManifestFields rule)
    {
        var args = new IngressRuleArgs { Host = rule.String("host") };
        if (rule.Object("http", nameof(HTTPIngressRuleValueArgs)) is { } http)
        {
            var httpArgs = new HTTPIngressRuleValueArgs();
            if (http.Objects("paths", nameof(HTTPIngressPathArgs)) is { } paths)
            {
                httpArgs.Paths = paths.Select(IngressPath).ToList();
            }

            http.EnsureAllMapped();
            args.Http = httpArgs;
        }

        rule.EnsureAllMapped();
        return args;
    }

    private static HTTPIngressPathArgs IngressPath(ManifestFields path)
    {
        var args = new HTTPIngressPathArgs
        {
            Path = path.String("path"),
            PathType = path.String("pathType") ?? throw new UnmappedManifestFieldException("An Ingress path needs pathType (networking.k8s.io/v1)."),
        };
        if (path.Object("backend", nameof(IngressBackendArgs)) is { } backend)
        {
            var backendArgs = new IngressBackendArgs();
            if (backend.Object("service", nameof(IngressServiceBackendArgs)) is { } service)
            {
                var serviceArgs = new IngressServiceBackendArgs { Name = service.String("name") ?? throw new UnmappedManifestFieldException("An Ingress service backend needs a name.") };
                if (service.Object("port", nameof(ServiceBackendPortArgs)) is { } port)
                {
                    serviceArgs.Port = new ServiceBackendPortArgs { Name = port.String("name"), Number = Optional(port.Int("number")) };
                    port.EnsureAllMapped();
                }

                service.EnsureAllMapped();
                backendArgs.Service = serviceArgs;
            }

            backend.EnsureAllMapped();
            args.Backend = backendArgs;
        }

        path.EnsureAllMapped();
        return args;
    }

    private static Input<int>? Optional(int? value) => value is { } v ? v : null;
}
