using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureServing.Core.Gcp;

/// <summary>
/// What is knowable offline about Compute Engine GPUs, for <c>check</c>: which machine series carries which GPU and how
/// many, and, for a few regions, whether a GPU type is offered there.
/// <para>
/// Machine types: "GPU machine types" (https://cloud.google.com/compute/docs/gpus). The L4, A100, H100, H200 and B200
/// come attached to their accelerator-optimized series (G2, A2, A3, A4) in a fixed number per machine type; T4, V100,
/// P4 and P100 are attached to N1 machines.
/// </para>
/// <para>
/// Regions: "GPU regions and zones availability" (https://cloud.google.com/compute/docs/gpus/gpu-regions-zones), as read
/// for this table. Only the pairs listed are decided; Google adds GPU types to regions over time, so a pair not listed
/// is not knowable offline, and a listed "no" can go stale (the rule accepts an acknowledgement for that). Not knowable
/// offline at all: which zones of the region have the type (a regional pool uses the cluster's zones, and GKE refuses a
/// pool in a zone without it), the project's GPU quota per region, and whether capacity is available when nodes scale up.
/// </para>
/// </summary>
public static partial class GpuAccelerators
{
    public const string RegionsSource = "https://cloud.google.com/compute/docs/gpus/gpu-regions-zones";

    /// <summary>Accelerator type → the machine series (name prefixes) it runs on.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> MachineSeries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["nvidia-l4"] = ["g2-standard-"],
        ["nvidia-tesla-a100"] = ["a2-highgpu-", "a2-megagpu-"],
        ["nvidia-a100-80gb"] = ["a2-ultragpu-"],
        ["nvidia-h100-80gb"] = ["a3-highgpu-"],
        ["nvidia-h100-mega-80gb"] = ["a3-megagpu-"],
        ["nvidia-h200-141gb"] = ["a3-ultragpu-"],
        ["nvidia-b200"] = ["a4-highgpu-"],
        ["nvidia-tesla-t4"] = ["n1-"],
        ["nvidia-tesla-v100"] = ["n1-"],
        ["nvidia-tesla-p4"] = ["n1-"],
        ["nvidia-tesla-p100"] = ["n1-"],
    };

    /// <summary>G2 machine types and their L4 count (the others name the count: <c>a2-highgpu-4g</c> carries 4).</summary>
    private static readonly IReadOnlyDictionary<string, int> G2Gpus = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["g2-standard-4"] = 1, ["g2-standard-8"] = 1, ["g2-standard-12"] = 1, ["g2-standard-16"] = 1, ["g2-standard-32"] = 1,
        ["g2-standard-24"] = 2, ["g2-standard-48"] = 4, ["g2-standard-96"] = 8,
    };

    /// <summary>GPUs an N1 machine can have attached.</summary>
    public static readonly IReadOnlyList<int> N1Counts = [1, 2, 4, 8];

    /// <summary>(accelerator type, region) → offered there, from <see cref="RegionsSource"/>. Pairs not listed are not decided.</summary>
    public static readonly IReadOnlyDictionary<(string Type, string Region), bool> OfferedInRegion = new Dictionary<(string, string), bool>
    {
        [("nvidia-l4", "europe-west4")] = true,
        [("nvidia-l4", "europe-west1")] = true,
        [("nvidia-l4", "us-central1")] = true,
        [("nvidia-l4", "us-east1")] = true,
        [("nvidia-l4", "asia-southeast1")] = true,
        [("nvidia-tesla-t4", "europe-west4")] = true,
        [("nvidia-tesla-t4", "europe-west1")] = true,
        [("nvidia-tesla-t4", "us-central1")] = true,
        [("nvidia-tesla-t4", "us-east1")] = true,
        [("nvidia-tesla-t4", "asia-southeast1")] = true,
        [("nvidia-tesla-a100", "europe-west4")] = true,
        [("nvidia-tesla-a100", "us-central1")] = true,
        [("nvidia-tesla-a100", "asia-southeast1")] = true,
        [("nvidia-tesla-a100", "europe-west1")] = false,
        [("nvidia-h100-80gb", "europe-west4")] = true,
        [("nvidia-h100-80gb", "us-central1")] = true,
        [("nvidia-tesla-v100", "europe-west4")] = true,
        [("nvidia-tesla-v100", "us-central1")] = true,
        [("nvidia-tesla-v100", "europe-west1")] = false,
        [("nvidia-tesla-p4", "europe-west4")] = true,
        [("nvidia-tesla-p4", "us-central1")] = true,
        [("nvidia-tesla-p4", "europe-west1")] = false,
    };

    /// <summary>Retired everywhere: the K80 reached its end of support on Compute Engine on 2024-05-01.</summary>
    public static readonly IReadOnlyList<string> Retired = ["nvidia-tesla-k80"];

    /// <summary>True/false when the table decides whether <paramref name="type"/> is offered in <paramref name="region"/>; null when it cannot.</summary>
    public static bool? Offered(string type, string region) =>
        Retired.Contains(type, StringComparer.Ordinal) ? false
        : OfferedInRegion.TryGetValue((type, region), out var offered) ? offered
        : null;

    /// <summary>
    /// Why <paramref name="machineType"/> cannot carry <paramref name="count"/> × <paramref name="type"/>, or null when it can
    /// or the table does not know the type.
    /// </summary>
    public static string? MachineMismatch(string type, int count, string machineType)
    {
        if (!MachineSeries.TryGetValue(type, out var series))
        {
            return null;
        }

        if (!series.Any(s => machineType.StartsWith(s, StringComparison.Ordinal)))
        {
            return $"`{type}` runs on {string.Join(" or ", series.Select(s => $"`{s}*`"))} machines, not `{machineType}`";
        }

        var carried = machineType.StartsWith("g2-", StringComparison.Ordinal)
            ? G2Gpus.TryGetValue(machineType, out var g2) ? g2 : (int?)null
            : GpuSuffix().Match(machineType) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        if (machineType.StartsWith("n1-", StringComparison.Ordinal))
        {
            return N1Counts.Contains(count) ? null : $"an N1 machine takes 1, 2, 4 or 8 GPUs, not {count}";
        }

        return carried is { } n && n != count ? $"`{machineType}` carries {n} × `{type}`, not {count}" : null;
    }

    [GeneratedRegex(@"-([0-9]{1,2})g\z")]
    private static partial Regex GpuSuffix();
}
