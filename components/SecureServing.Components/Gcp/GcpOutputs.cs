using System.Text.RegularExpressions;
using Pulumi;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// The outputs of the GCP resources created so far, keyed by logical name and Pulumi output name: how a component
/// turns a <see cref="ResourceRef"/> of its spec (<c>${network-vpc.id}</c>) into that resource's typed output. Each
/// component registers its children as it creates them, so components must be created in plan order (every reference
/// points to an earlier resource, see <see cref="GcpPlan"/>). Resolving through the typed output carries the
/// dependency, so Pulumi orders exactly the resources that use each other and nothing else.
/// </summary>
public sealed partial class GcpOutputs
{
    private readonly Dictionary<(string Resource, string Output), Output<string>> _values = [];
    private readonly Dictionary<string, CustomResource> _resources = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="resource"/>'s <c>id</c> and the given outputs under <paramref name="logicalName"/>.</summary>
    public void Add(string logicalName, CustomResource resource, params (string Output, Output<string> Value)[] outputs)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(outputs);
        Set(logicalName, ResourceRef.Outputs.Id, resource.Id);
        _resources[logicalName] = resource;
        foreach (var (output, value) in outputs)
        {
            Set(logicalName, output, value);
        }
    }

    /// <summary>The resource registered under <paramref name="logicalName"/> (e.g. for a <c>dependsOn</c> the plan names).</summary>
    /// <exception cref="InvalidOperationException">No component registered it (a wiring bug, never a user mistake).</exception>
    public CustomResource Resource(string logicalName)
    {
        ArgumentNullException.ThrowIfNull(logicalName);
        return _resources.TryGetValue(logicalName, out var resource)
            ? resource
            : throw new InvalidOperationException($"'{logicalName}' is not registered: the component creating it must be created first.");
    }

    /// <summary>True when <paramref name="reference"/> can be resolved.</summary>
    public bool Contains(ResourceRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _values.ContainsKey((reference.Resource, reference.Output));
    }

    /// <summary>The output <paramref name="reference"/> names.</summary>
    /// <exception cref="InvalidOperationException">No component registered it (a wiring bug, never a user mistake).</exception>
    public Output<string> Resolve(ResourceRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _values.TryGetValue((reference.Resource, reference.Output), out var value)
            ? value
            : throw new InvalidOperationException(
                $"{reference.Rendered} is not registered: the component creating '{reference.Resource}' must be created first and register its '{reference.Output}' output.");
    }

    /// <summary>
    /// Resolves every <c>${name.output}</c> placeholder inside <paramref name="text"/> (e.g.
    /// <c>accessPolicies/${perimeter-access-policy.name}</c>); text without placeholders stays a plain value.
    /// </summary>
    public Input<string> Interpolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = Placeholder().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var parts = new List<Output<string>>();
        var last = 0;
        foreach (Match match in matches)
        {
            parts.Add(Output.Create(text[last..match.Index]));
            parts.Add(Resolve(new ResourceRef(match.Groups["resource"].Value, match.Groups["output"].Value)));
            last = match.Index + match.Length;
        }

        parts.Add(Output.Create(text[last..]));
        return Output.All(parts).Apply(values => string.Concat(values));
    }

    private void Set(string logicalName, string output, Output<string> value)
    {
        if (!_values.TryAdd((logicalName, output), value))
        {
            throw new InvalidOperationException($"{RenderedRef(logicalName, output)} is registered twice: logical names must be unique.");
        }
    }

    private static string RenderedRef(string logicalName, string output) => new ResourceRef(logicalName, output).Rendered;

    [GeneratedRegex(@"\$\{(?<resource>[a-z0-9-]+)\.(?<output>[A-Za-z0-9]+)\}")]
    private static partial Regex Placeholder();
}
