namespace SecureServing.Core.Gcp;

/// <summary>
/// Component <c>registry-dns</c>: one private zone per registry domain, bound to the stack's VPC, answering
/// <c>*.D. CNAME D.</c> and <c>D. A 199.36.153.4-7</c> so image pulls and API calls go to the restricted VIP (Kubeflow "Securing Your Clusters", https://v0-5.kubeflow.org/docs/gke/private-clusters/; Google Cloud "Private Google Access with VPC Service Controls", https://cloud.google.com/vpc-service-controls/docs/private-connectivity).
/// </summary>
public sealed record RegistryDnsSpec
{
    public const string Component = "registry-dns";

    public required IReadOnlyList<RegistryZoneSpec> Zones { get; init; }
}

/// <summary>One domain: its zone and its two record sets.</summary>
public sealed record RegistryZoneSpec
{
    /// <summary>e.g. <c>gcr.io</c>.</summary>
    public required string Domain { get; init; }
    public required ManagedZoneSpec Zone { get; init; }
    /// <summary><c>*.D. CNAME D.</c></summary>
    public required RecordSetSpec Wildcard { get; init; }
    /// <summary><c>D. A 199.36.153.4 .5 .6 .7</c></summary>
    public required RecordSetSpec Apex { get; init; }
}

/// <summary><c>gcp:dns/managedZone:ManagedZone</c>.</summary>
public sealed record ManagedZoneSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    public required string Name { get; init; }
    /// <summary>Fully qualified, trailing dot: <c>gcr.io.</c></summary>
    public required string DnsName { get; init; }
    public required string Description { get; init; }
    /// <summary><c>private</c>.</summary>
    public required string Visibility { get; init; }
    /// <summary><c>privateVisibilityConfig.networks[].networkUrl</c>: the VPC's <c>id</c>.</summary>
    public required IReadOnlyList<ResourceRef> Networks { get; init; }
    /// <summary>Pulumi <c>protect</c> (true in production).</summary>
    public required bool Protect { get; init; }
    /// <summary>GCP labels (<see cref="GcpLabels"/>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>gcp:dns/recordSet:RecordSet</c>.</summary>
public sealed record RecordSetSpec
{
    public required string LogicalName { get; init; }
    public required string Project { get; init; }
    /// <summary>The zone's <c>name</c>.</summary>
    public required ResourceRef ManagedZone { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required int Ttl { get; init; }
    public required IReadOnlyList<string> Rrdatas { get; init; }
}
