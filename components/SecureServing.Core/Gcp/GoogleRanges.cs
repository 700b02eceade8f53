namespace SecureServing.Core.Gcp;

/// <summary>Google-owned address ranges the network and DNS decisions rely on.</summary>
public static class GoogleRanges
{
    /// <summary>restricted.googleapis.com: only APIs that VPC Service Controls supports (Google Cloud "Private Google Access with VPC Service Controls", https://cloud.google.com/vpc-service-controls/docs/private-connectivity).</summary>
    public const string RestrictedVip = "199.36.153.4/30";

    /// <summary>The four addresses of <see cref="RestrictedVip"/>, the A records of every registry zone.</summary>
    public static readonly IReadOnlyList<string> RestrictedVipAddresses =
        ["199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7"];

    /// <summary>Google Cloud load balancer health-check sources.</summary>
    public static readonly IReadOnlyList<string> HealthCheckRanges = ["35.191.0.0/16", "130.211.0.0/22"];

    /// <summary>The next hop that reaches Google APIs (Private Google Access) from nodes without external IPs.</summary>
    public const string DefaultInternetGateway = "default-internet-gateway";

    /// <summary>Any IPv4 address. Used only as an egress destination (deny-all), never as a source.</summary>
    public const string AnyIpv4 = "0.0.0.0/0";
}
