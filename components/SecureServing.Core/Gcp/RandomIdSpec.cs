using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>
/// <c>random:index/randomId:RandomId</c>: the random suffix of a name that must change when its resource is recreated
/// (the KMS key ring, a team's bucket).
/// </summary>
public sealed record RandomIdSpec
{
    public required string LogicalName { get; init; }
    public required int ByteLength { get; init; }
}

/// <summary>Renders a <see cref="RandomIdSpec"/> as <c>render</c> writes it and the components register it.</summary>
public static class RandomIdRendering
{
    internal static RenderedResource Render(this RandomIdSpec suffix) => new PropertyBag()
        .Add("byteLength", suffix.ByteLength)
        .Resource(GcpResourceTypes.RandomId, suffix.LogicalName);
}
