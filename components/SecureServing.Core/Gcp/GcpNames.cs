using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Naming rules shared by every GCP decision (see the naming scheme on <see cref="GcpPlan"/>).
/// Names are deterministic functions of the config: the same config always yields the same names.
/// </summary>
public static class GcpNames
{
    /// <summary>Logical name of a component's child: <c>component-part-part</c>, kebab-case.</summary>
    public static string Child(string component, params string[] parts) =>
        Kebab(string.Join('-', parts.Prepend(component)));

    /// <summary>Lower-case; every run of characters other than a-z and 0-9 becomes one hyphen; no leading/trailing hyphen.</summary>
    public static string Kebab(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingHyphen = false;
        foreach (var c in value.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="name"/> when it fits in <paramref name="maxLength"/>; otherwise its head plus <c>-</c> and a
    /// 6-hex-digit hash of the whole name, so long names stay unique and stable.
    /// </summary>
    public static string Bounded(string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Hash6(name);
        return name[..(maxLength - hash.Length - 1)].TrimEnd('-') + "-" + hash;
    }

    /// <summary>First 6 hex digits of the SHA-256 of <paramref name="value"/>.</summary>
    public static string Hash6(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..6];

    /// <summary>
    /// A valid service account id (6-30 characters, <c>[a-z][-a-z0-9]*[a-z0-9]</c>) derived from <paramref name="candidate"/>.
    /// </summary>
    public static string ServiceAccountId(string candidate)
    {
        var id = Kebab(candidate);
        if (id.Length == 0 || id[0] is < 'a' or > 'z')
        {
            id = "sa-" + id;
        }

        id = Bounded(id, 30);
        return id.Length >= 6 ? id : id + "-gsa";
    }

    /// <summary>E-mail of a user-managed service account: <c>ID@PROJECT.iam.gserviceaccount.com</c>.</summary>
    public static string ServiceAccountEmail(string accountId, string projectId) =>
        $"{accountId}@{projectId}.iam.gserviceaccount.com";

    /// <summary>The cluster's Workload Identity pool, <c>PROJECT.svc.id.goog</c>.</summary>
    public static string WorkloadPool(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return $"{config.ProjectId}.svc.id.goog";
    }

    /// <summary>A GCP resource name <c>&lt;deploymentName&gt;-&lt;purpose&gt;</c>, at most 63 characters.</summary>
    public static string Prefixed(PlatformConfig config, string purpose)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Bounded(Kebab($"{config.DeploymentName}-{purpose}"), 63);
    }

    /// <summary>Kebab keys for <paramref name="values"/>; values whose keys collide get a hash suffix so every key is unique.</summary>
    public static IReadOnlyDictionary<string, string> UniqueKeys(IEnumerable<string> values, int maxLength = 48)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        var keys = distinct.ToDictionary(v => v, v => Bounded(Kebab(v), maxLength), StringComparer.Ordinal);
        var collisions = keys.GroupBy(kv => kv.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g);
        foreach (var (value, key) in collisions.ToList())
        {
            keys[value] = Bounded(key, maxLength - 7) + "-" + Hash6(value);
        }

        return keys;
    }

    /// <summary><c>AnyServiceAccount</c> → <c>ANY_SERVICE_ACCOUNT</c>: a .NET enum name as GCP APIs spell their enums.</summary>
    public static string UpperSnake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
