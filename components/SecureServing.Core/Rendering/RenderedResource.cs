using System.Text.Json.Nodes;

namespace SecureServing.Core.Rendering;

/// <summary>
/// A GCP resource as the Pulumi program registers it: the provider's type token
/// (e.g. <c>gcp:compute/firewall:Firewall</c>), the logical name, and its inputs under the provider's own
/// property names (e.g. <c>sourceRanges</c>, <c>allows[].ports</c>). This is what <c>render</c> writes to
/// <c>gcp-resources.json</c> and what the equivalence test compares with the mocks' registered inputs.
/// </summary>
public sealed record RenderedResource(string Type, string Name, JsonObject Properties);

/// <summary>How values that are not known offline appear in rendered properties.</summary>
public static class RenderedValue
{
    /// <summary>Placeholder for a secret: the plaintext never leaves Pulumi.</summary>
    public const string Secret = "[secret]";

    /// <summary>A value known only after deploy: an output of another resource, e.g. <c>${net-vpc.id}</c>.</summary>
    public static string Ref(string resourceName, string output) => $"${{{resourceName}.{output}}}";
}
