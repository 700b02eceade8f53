using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// Formats of identifiers the stack and team files hold. Each one matches the whole value (<c>\A...\z</c>: .NET's
/// <c>$</c> also matches before a final newline) and only ASCII (<c>[0-9]</c>, never <c>\d</c>, which takes
/// fullwidth and other digits), so a trailing newline, a space or a look-alike letter is refused, not rendered.
/// </summary>
internal static partial class Formats
{
    /// <summary>GCP project ID: 6-30 lowercase letters, digits, hyphens; starts with a letter.</summary>
    [GeneratedRegex(@"\A[a-z][a-z0-9-]{4,28}[a-z0-9]\z")]
    public static partial Regex ProjectId();

    [GeneratedRegex(@"\A[a-z]+-[a-z]+[0-9]+\z")]
    public static partial Regex Region();

    [GeneratedRegex(@"\A[0-9]{6,20}\z")]
    public static partial Regex Numeric();

    /// <summary>A DNS hostname (lowercase labels, at least two).</summary>
    [GeneratedRegex(@"\A(?=.{1,253}\z)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\z")]
    public static partial Regex Hostname();

    /// <summary>IAM member with a type prefix; the rest is printable ASCII without spaces or colons.</summary>
    [GeneratedRegex(@"\A(user|group|serviceAccount|domain):[!-9;-~]+\z")]
    public static partial Regex Member();

    /// <summary>Access Context Manager basic-level members: users and service accounts only (groups are not supported).</summary>
    [GeneratedRegex(@"\A(user|serviceAccount):[!-9;-?A-~]+@[!-9;-?A-~]+\z")]
    public static partial Regex AccessLevelMember();

    [GeneratedRegex(@"\A[0-9a-z-]+\.apps\.googleusercontent\.com\z")]
    public static partial Regex OAuthClientId();

    [GeneratedRegex(@"\A/projects/[0-9]+/global/backendServices/[0-9]+\z")]
    public static partial Regex IapAudience();

    /// <summary>Cloud Storage bucket name (domain-named buckets aside).</summary>
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]\z")]
    public static partial Regex Bucket();

    [GeneratedRegex(@"\A[0-9]+\.[0-9]+\.[0-9]+\z")]
    public static partial Regex Version();

    /// <summary>Stack name as Pulumi allows it (no path separators).</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{1,100}\z")]
    public static partial Regex StackName();

    /// <summary>Restricted services are <c>*.googleapis.com</c> service names.</summary>
    [GeneratedRegex(@"\A[a-z0-9-]+\.googleapis\.com\z")]
    public static partial Regex ServiceName();

    /// <summary>A model location: <c>{teamBucket}/path</c> or <c>gs://bucket/path</c>; the path is printable ASCII without spaces.</summary>
    [GeneratedRegex(@"\A(\{teamBucket\}|gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9])/[!-~]+\z")]
    public static partial Regex StorageUri();

    /// <summary>A container image reference: <c>[host[:port]/]path[:tag][@sha256:digest]</c> (the distribution reference grammar, lowercase paths).</summary>
    [GeneratedRegex(@"\A[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?\z")]
    public static partial Regex Image();

    /// <summary>An https URL with a DNS host, no user-info, printable ASCII only.</summary>
    [GeneratedRegex(@"\Ahttps://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?(/[!-~]*)?\z")]
    public static partial Regex HttpsUrl();

    /// <summary>A Compute Engine machine type such as <c>e2-standard-4</c> or <c>n2-custom-8-16384</c>.</summary>
    [GeneratedRegex(@"\A[a-z][a-z0-9]*(-[a-z0-9]+)+\z")]
    public static partial Regex MachineType();

    /// <summary>A user-managed service account ID: 6-30 characters, <c>[a-z]([-a-z0-9]*[a-z0-9])</c>.</summary>
    [GeneratedRegex(@"\A[a-z][-a-z0-9]{4,28}[a-z0-9]\z")]
    public static partial Regex ServiceAccountId();

    /// <summary>An IPv4 CIDR in strict dotted decimal: no leading zeros, no hex or octal octets, no spaces.</summary>
    [GeneratedRegex(@"\A((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])\z")]
    public static partial Regex Ipv4Cidr();

    /// <summary>An IPv6 CIDR in lowercase hex groups (no embedded IPv4, no zone), prefix 0-128 without leading zeros.</summary>
    [GeneratedRegex(@"\A[0-9a-f:]{2,39}/(12[0-8]|1[01][0-9]|[1-9]?[0-9])\z")]
    public static partial Regex Ipv6Cidr();
}
