using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Loading;

/// <summary>Formats of identifiers the stack and team files hold.</summary>
internal static partial class Formats
{
    /// <summary>GCP project ID: 6-30 lowercase letters, digits, hyphens; starts with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    public static partial Regex ProjectId();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]+$")]
    public static partial Regex Region();

    [GeneratedRegex("^[0-9]{6,20}$")]
    public static partial Regex Numeric();

    /// <summary>A DNS hostname (lowercase labels, at least two).</summary>
    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    public static partial Regex Hostname();

    /// <summary>IAM member with a type prefix.</summary>
    [GeneratedRegex("^(user|group|serviceAccount|domain):[^\\s:]+$")]
    public static partial Regex Member();

    /// <summary>Access Context Manager basic-level members: users and service accounts only (groups are not supported).</summary>
    [GeneratedRegex("^(user|serviceAccount):[^\\s:@]+@[^\\s:@]+$")]
    public static partial Regex AccessLevelMember();

    [GeneratedRegex("^[0-9a-z-]+\\.apps\\.googleusercontent\\.com$")]
    public static partial Regex OAuthClientId();

    [GeneratedRegex("^/projects/[0-9]+/global/backendServices/[0-9]+$")]
    public static partial Regex IapAudience();

    /// <summary>Cloud Storage bucket name (domain-named buckets aside).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$")]
    public static partial Regex Bucket();

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+$")]
    public static partial Regex Version();

    /// <summary>Stack name as Pulumi allows it (no path separators).</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    public static partial Regex StackName();

    /// <summary>Restricted services are <c>*.googleapis.com</c> service names.</summary>
    [GeneratedRegex("^[a-z0-9-]+\\.googleapis\\.com$")]
    public static partial Regex ServiceName();
}
