using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Loading;

/// <summary>Formats of the hardening settings (KMS keys, groups, labels, image patterns, times).</summary>
internal static partial class Formats
{
    /// <summary>A Cloud KMS key: <c>projects/P/locations/L/keyRings/R/cryptoKeys/K</c>.</summary>
    [GeneratedRegex(@"\Aprojects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/(?<location>[a-z0-9-]{1,63})/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}\z")]
    public static partial Regex KmsKeyName();

    /// <summary>A GCP label value: at most 63 lowercase letters, digits, underscores and hyphens.</summary>
    [GeneratedRegex(@"\A[a-z0-9_-]{1,63}\z")]
    public static partial Regex LabelValue();

    /// <summary>
    /// A Binary Authorization name pattern: a registry host, a literal first path segment, more segments, and at most
    /// a trailing <c>*</c> (within the last segment) or <c>**</c> (any depth), the wildcards Binary Authorization accepts.
    /// </summary>
    [GeneratedRegex(@"\A(?=.{1,500}\z)[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]{1,5})?/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*(/[A-Za-z0-9._-]*\*{1,2})?\z")]
    public static partial Regex ImagePattern();

    /// <summary>An RFC 3339 UTC time with seconds, e.g. <c>2026-01-03T00:00:00Z</c>.</summary>
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\z")]
    public static partial Regex UtcTime();

    /// <summary>The recurrences GKE accepts that <c>check</c> can verify: daily, or weekly on listed days.</summary>
    [GeneratedRegex(@"\AFREQ=(DAILY|WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU)){0,6})\z")]
    public static partial Regex Recurrence();

    /// <summary>A maintenance exclusion name: ASCII letters, digits, spaces, <c>_</c> and <c>-</c>, not starting or ending with a space.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9 _-]{0,61}[A-Za-z0-9_-])?\z")]
    public static partial Regex ExclusionName();

    /// <summary>Google Groups for RBAC: the group must be named <c>gke-security-groups@DOMAIN</c>.</summary>
    [GeneratedRegex(@"\Agke-security-groups@(?=.{1,253}\z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z")]
    public static partial Regex SecurityGroup();

    /// <summary>
    /// An identity in an ingress or egress policy: a user, service account or group, or a workforce / workload identity
    /// principal; printable ASCII only (no spaces, and no colon or <c>@</c> inside the address's parts).
    /// </summary>
    [GeneratedRegex(@"\A(?:(?:user|serviceAccount|group):[!-9;-?A-~]{1,128}@[!-9;-?A-~]{1,255}|principal(?:Set)?://[!-~]{1,500})\z")]
    public static partial Regex PerimeterIdentity();

    /// <summary>A project by number, as VPC Service Controls names resources: <c>projects/NUMBER</c>.</summary>
    [GeneratedRegex(@"\Aprojects/[0-9]{1,20}\z")]
    public static partial Regex ProjectResource();

    /// <summary>A folder as the scope of an access policy: <c>folders/ID</c>.</summary>
    [GeneratedRegex(@"\Afolders/[0-9]{1,20}\z")]
    public static partial Regex FolderScope();

    /// <summary>An ISO 3166-1 alpha-2 region code, e.g. <c>DE</c>.</summary>
    [GeneratedRegex(@"\A[A-Z]{2}\z")]
    public static partial Regex RegionCode();

    /// <summary>A VPC network's full name: <c>//compute.googleapis.com/projects/P/global/networks/N</c>.</summary>
    [GeneratedRegex(@"\A//compute\.googleapis\.com/projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/global/networks/[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?\z")]
    public static partial Regex VpcNetwork();

    /// <summary>A service in an ingress or egress operation: <c>*</c> or <c>NAME.googleapis.com</c>.</summary>
    [GeneratedRegex(@"\A(?:\*|[a-z0-9-]{1,63}\.googleapis\.com)\z")]
    public static partial Regex OperationService();

    /// <summary>An API method selector, e.g. <c>google.storage.objects.get</c>, <c>BucketService.ListBuckets</c>, or <c>*</c>.</summary>
    [GeneratedRegex(@"\A(?:\*|[A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z][A-Za-z0-9_]{0,63}){1,7})\z")]
    public static partial Regex OperationMethod();

    /// <summary>An IAM permission, e.g. <c>storage.objects.get</c>.</summary>
    [GeneratedRegex(@"\A[a-z][a-z0-9]{0,63}\.[A-Za-z][A-Za-z0-9]{0,63}\.[A-Za-z][A-Za-z0-9]{0,63}\z")]
    public static partial Regex Permission();

    /// <summary>An operating system version, e.g. <c>14.4</c>.</summary>
    [GeneratedRegex(@"\A[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}\z")]
    public static partial Regex OsVersion();
}
