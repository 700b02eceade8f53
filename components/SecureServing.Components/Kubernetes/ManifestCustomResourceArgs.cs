using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Args of a custom resource (Istio, KServe, cert-manager, GKE kinds) built from its manifest: typed
/// <c>metadata</c> and the untyped <c>spec</c>. The SDK's <see cref="CustomResourceArgs"/> is abstract and carries
/// only apiVersion, kind and metadata, so the body is an extra <c>[Input("spec")]</c>.
/// </summary>
public sealed class ManifestCustomResourceArgs : CustomResourceArgs
{
    public ManifestCustomResourceArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    [Input("spec")]
    public InputMap<object>? Spec { get; set; }
}

/// <summary>Args of a patch of an existing custom resource (server-side apply of the manifest's fields only).</summary>
public sealed class ManifestCustomResourcePatchArgs : CustomResourcePatchArgs
{
    public ManifestCustomResourcePatchArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    [Input("spec")]
    public InputMap<object>? Spec { get; set; }
}
