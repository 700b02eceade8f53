using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Loading;

/// <summary>Formats of the hardening settings (KMS keys, groups, labels, image patterns, times).</summary>
internal static partial class Formats
{
    /// <summary>A Cloud KMS key: <c>projects/P/locations/L/keyRings/R/cryptoKeys/K</c>.</summary>
    [GeneratedRegex(@"^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/(?<location>[a-z0-9-]{1,63})/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}\z")]
    public static partial Regex KmsKeyName();

    /// <summary>A GCP label value: at most 63 lowercase letters, digits, underscores and hyphens.</summary>
    [GeneratedRegex(@"^[a-z0-9_-]{1,63}\z")]
    public static partial Regex LabelValue();

    /// <summary>
    /// A Binary Authorization name pattern: a registry host, a literal first path segment, more segments, and at most
    /// a trailing <c>*</c> (within the last segment) or <c>**</c> (any depth), the wildcards Binary Authorization accepts.
    /// </summary>
    [GeneratedRegex(@"^(?=.{1,500}\z)[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]{1,5})?/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*(/?[A-Za-z0-9._-]*\*{1,2})?\z")]
    public static partial Regex ImagePattern();

    /// <summary>An RFC 3339 UTC time with seconds, e.g. <c>2026-01-03T00:00:00Z</c>.</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\z")]
    public static partial Regex UtcTime();

    /// <summary>The recurrences GKE accepts that <c>check</c> can verify: daily, or weekly on listed days.</summary>
    [GeneratedRegex(@"^FREQ=(DAILY|WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU)){0,6})\z")]
    public static partial Regex Recurrence();

    /// <summary>A maintenance exclusion name.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _-]{0,62}\z")]
    public static partial Regex ExclusionName();

    /// <summary>Google Groups for RBAC: the group must be named <c>gke-security-groups@DOMAIN</c>.</summary>
    [GeneratedRegex(@"\Agke-security-groups@(?=.{1,253}\z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z")]
    public static partial Regex SecurityGroup();
}
