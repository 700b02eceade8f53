using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Firewall</c>: the control plane → node webhook rules and the egress lock-down of
/// <see cref="FirewallSpec"/>, one <c>gcp:compute/firewall:Firewall</c> per rule.
/// </summary>
public sealed class FirewallComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Firewall";

    public FirewallComponent(string name, FirewallSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        Rules = [.. spec.Rules.Select(rule =>
        {
            var firewall = new Firewall(ChildOptions.Prefixed(name, rule.LogicalName), new FirewallArgs
            {
                Project = rule.Project,
                Name = rule.Name,
                Description = rule.Description,
                Network = outputs.Resolve(rule.Network),
                Direction = rule.Direction,
                Priority = rule.Priority,
                SourceRanges = InputValues.ListOrUnset(rule.SourceRanges),
                DestinationRanges = InputValues.ListOrUnset(rule.DestinationRanges),
                TargetTags = InputValues.ListOrUnset(rule.TargetTags),
                Allows = InputValues.ListOrUnset(rule.Allows.Select(p =>
                    new FirewallAllowArgs { Protocol = p.Protocol, Ports = InputValues.ListOrUnset(p.Ports) })),
                Denies = InputValues.ListOrUnset(rule.Denies.Select(p =>
                    new FirewallDenyArgs { Protocol = p.Protocol, Ports = InputValues.ListOrUnset(p.Ports) })),
                LogConfig = rule.LogMetadata is { } metadata ? (Input<FirewallLogConfigArgs>)new FirewallLogConfigArgs { Metadata = metadata } : null,
            }, child);
            outputs.Add(rule.LogicalName, firewall, (ResourceRef.Outputs.Name, firewall.Name));
            return firewall;
        })];

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["rules"] = Output.All(Rules.Select(r => r.Name)),
        });
    }

    /// <summary>In spec order: webhook ingress rules, then egress rules.</summary>
    public IReadOnlyList<Firewall> Rules { get; }
}
