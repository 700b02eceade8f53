using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Maps manifests of built-in kinds onto the SDK's typed args, field by field: exactly the fields the policy core
/// emits. Every object is read through <see cref="ManifestFields"/>, so a field not mapped here fails the run with
/// the object and field named instead of being dropped.
/// The create and patch mappings (<c>NamespaceArgs</c>/<c>NamespacePatchArgs</c>, <c>ObjectMetaArgs</c>/<c>ObjectMetaPatchArgs</c>,
/// <c>ServiceSpecArgs</c>/<c>ServiceSpecPatchArgs</c>, ...) mirror each other on purpose: the SDK generates them as unrelated types (both
/// derive only from <c>ResourceArgs</c>, no shared interface), so a shared body would need a setter delegate per field.
/// Change them together.
/// </summary>
internal static class TypedObjectArgs
{
    public static NamespaceArgs Namespace(ManifestFields root)
    {
        var args = new NamespaceArgs { Metadata = Metadata(root) };
        root.EnsureAllMapped();
        return args;
    }

    public static NamespacePatchArgs NamespacePatch(ManifestFields root)
    {
        var args = new NamespacePatchArgs { Metadata = MetadataPatch(root) };
        root.EnsureAllMapped();
        return args;
    }

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

    public static ConfigMapArgs ConfigMap(ManifestFields root)
    {
        var args = new ConfigMapArgs { Metadata = Metadata(root) };
        if (root.StringMap("data") is { } data)
        {
            args.Data = data;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static ConfigMapPatchArgs ConfigMapPatch(ManifestFields root)
    {
        var args = new ConfigMapPatchArgs { Metadata = MetadataPatch(root) };
        if (root.StringMap("data") is { } data)
        {
            args.Data = data;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static ServiceArgs Service(ManifestFields root)
    {
        var args = new ServiceArgs { Metadata = Metadata(root) };
        if (root.Object("spec", nameof(ServiceSpecArgs)) is { } spec)
        {
            var specArgs = new ServiceSpecArgs();
            if (spec.String("type") is { } type)
            {
                specArgs.Type = type;
            }

            if (spec.Objects("ports", nameof(ServicePortArgs)) is { } ports)
            {
                specArgs.Ports = ports.Select(ServicePort).ToList();
            }

            if (spec.StringMap("selector") is { } selector)
            {
                specArgs.Selector = selector;
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static ServicePatchArgs ServicePatch(ManifestFields root)
    {
        var args = new ServicePatchArgs { Metadata = MetadataPatch(root) };
        if (root.Object("spec", nameof(ServiceSpecPatchArgs)) is { } spec)
        {
            var specArgs = new ServiceSpecPatchArgs();
            if (spec.String("type") is { } type)
            {
                specArgs.Type = type;
            }

            if (spec.Objects("ports", nameof(ServicePortPatchArgs)) is { } ports)
            {
                specArgs.Ports = ports.Select(ServicePortPatch).ToList();
            }

            if (spec.StringMap("selector") is { } selector)
            {
                specArgs.Selector = selector;
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
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

    /// <summary><c>metadata</c>: name, namespace, labels, annotations.</summary>
    public static ObjectMetaArgs Metadata(ManifestFields root)
    {
        var metadata = RequiredMetadata(root, nameof(ObjectMetaArgs));
        var args = new ObjectMetaArgs
        {
            Name = metadata.String("name"),
            Namespace = metadata.String("namespace"),
        };
        if (metadata.StringMap("labels") is { } labels)
        {
            args.Labels = labels;
        }

        if (metadata.StringMap("annotations") is { } annotations)
        {
            args.Annotations = annotations;
        }

        metadata.EnsureAllMapped();
        return args;
    }

    private static ObjectMetaPatchArgs MetadataPatch(ManifestFields root)
    {
        var metadata = RequiredMetadata(root, nameof(ObjectMetaPatchArgs));
        var args = new ObjectMetaPatchArgs
        {
            Name = metadata.String("name"),
            Namespace = metadata.String("namespace"),
        };
        if (metadata.StringMap("labels") is { } labels)
        {
            args.Labels = labels;
        }

        if (metadata.StringMap("annotations") is { } annotations)
        {
            args.Annotations = annotations;
        }

        metadata.EnsureAllMapped();
        return args;
    }

    /// <summary>The <c>metadata</c> object every manifest must have, read for the <paramref name="argsType"/> it maps onto.</summary>
    private static ManifestFields RequiredMetadata(ManifestFields root, string argsType) =>
        root.Object("metadata", argsType) ?? throw new UnmappedManifestFieldException("A manifest without metadata cannot be registered.");

    private static ServicePortArgs ServicePort(ManifestFields port)
    {
        var args = new ServicePortArgs
        {
            Name = port.String("name"),
            Protocol = port.String("protocol"),
            Port = port.Int("port") ?? throw new UnmappedManifestFieldException("A Service port needs 'port' (core/v1 ServicePort)."),
            AppProtocol = port.String("appProtocol"),
        };
        if (port.IntOrString("targetPort") is { } target)
        {
            args.TargetPort = target;
        }

        port.EnsureAllMapped();
        return args;
    }

    private static ServicePortPatchArgs ServicePortPatch(ManifestFields port)
    {
        var args = new ServicePortPatchArgs
        {
            Name = port.String("name"),
            Protocol = port.String("protocol"),
            Port = Optional(port.Int("port")),
            AppProtocol = port.String("appProtocol"),
        };
        if (port.IntOrString("targetPort") is { } target)
        {
            args.TargetPort = target;
        }

        port.EnsureAllMapped();
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
