using Pulumi;
using Pulumi.Gcp.Dns;
using Pulumi.Gcp.Dns.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:RegistryDns</c>: per registry domain a private zone bound to the VPC with
/// <c>*.D. CNAME D.</c> and <c>D. A</c> to the restricted VIP (<see cref="RegistryDnsSpec"/>). Zones are
/// <c>protect</c>ed when the spec says so.
/// </summary>
public sealed class RegistryDnsComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:RegistryDns";

    public RegistryDnsComponent(string name, RegistryDnsSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var zones = new List<ManagedZone>();
        var records = new List<RecordSet>();
        foreach (var domain in spec.Zones)
        {
            var z = domain.Zone;
            var zone = new ManagedZone(ChildOptions.Prefixed(name, z.LogicalName), new ManagedZoneArgs
            {
                Project = z.Project,
                Name = z.Name,
                DnsName = z.DnsName,
                Description = z.Description,
                Visibility = z.Visibility,
                Labels = InputValues.MapOrUnset(z.Labels),
                PrivateVisibilityConfig = new ManagedZonePrivateVisibilityConfigArgs
                {
                    Networks = InputValues.ListOrUnset(z.Networks.Select(n =>
                        new ManagedZonePrivateVisibilityConfigNetworkArgs { NetworkUrl = outputs.Resolve(n) })),
                },
            }, ChildOptions.For(this, options, protect: z.Protect));
            outputs.Add(z.LogicalName, zone, (ResourceRef.Outputs.Name, zone.Name));
            zones.Add(zone);

            records.Add(Record(name, domain.Wildcard, outputs, child));
            records.Add(Record(name, domain.Apex, outputs, child));
        }

        Zones = zones;
        Records = records;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["zones"] = Output.All(zones.Select(z => z.DnsName)),
        });
    }

    public IReadOnlyList<ManagedZone> Zones { get; }
    /// <summary>Per zone: the wildcard CNAME, then the apex A record.</summary>
    public IReadOnlyList<RecordSet> Records { get; }

    private static RecordSet Record(string component, RecordSetSpec r, GcpOutputs outputs, CustomResourceOptions options)
    {
        var record = new RecordSet(ChildOptions.Prefixed(component, r.LogicalName), new RecordSetArgs
        {
            Project = r.Project,
            ManagedZone = outputs.Resolve(r.ManagedZone),
            Name = r.Name,
            Type = r.Type,
            Ttl = r.Ttl,
            Rrdatas = InputValues.ListOrUnset(r.Rrdatas),
        }, options);
        outputs.Add(r.LogicalName, record, (ResourceRef.Outputs.Name, record.Name));
        return record;
    }
}
