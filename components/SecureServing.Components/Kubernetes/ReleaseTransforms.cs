using Pulumi;
using SecureServing.Core.ServingStack;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// The <see cref="ResourceTransform"/> a release is registered with: every Kubernetes object its chart or manifest
/// renders goes through <see cref="ManifestOverrides.Apply"/> before it is created: its override merged in and its images
/// pointed at the stack's mirrors. Nothing is decided here; only kinds <see cref="ManifestOverrides.MayChange"/> names
/// are read, every other object passes untouched.
/// </summary>
public static class ReleaseTransforms
{
    public static ResourceTransform For(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return (args, _) => Task.FromResult(Apply(release, args));
    }

    /// <summary>The transformed properties, or null to leave the resource as it is.</summary>
    public static ResourceTransformResult? Apply(Release release, ResourceTransformArgs args)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (!args.Custom || !args.Type.StartsWith("kubernetes:", StringComparison.Ordinal) || !ManifestOverrides.MayChange(release, KindOf(args.Type)))
        {
            return null;
        }

        var manifest = ReleaseValues.ToJson(args.Args, $"{release.Name}: {args.Type} {args.Name}");
        return ManifestOverrides.Apply(release, manifest) is { } changed
            ? new ResourceTransformResult(ReleaseValues.ToArgs(changed), args.Options)
            : null;
    }

    /// <summary><c>kubernetes:apps/v1:Deployment</c> → <c>Deployment</c>.</summary>
    private static string KindOf(string type) => type[(type.LastIndexOf(':') + 1)..];
}
