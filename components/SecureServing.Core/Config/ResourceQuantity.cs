using System.Globalization;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Config;

/// <summary>
/// The Kubernetes quantities the config accepts for CPU and memory (a subset of Kubernetes' syntax, see
/// <c>Formats.CpuQuantity</c> and <c>Formats.MemoryQuantity</c>), as numbers, so quotas and requests can be compared.
/// </summary>
public static class ResourceQuantity
{
    private static readonly (string Suffix, decimal Factor)[] MemorySuffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
    ];

    private static bool IsCpu(string? text) => text is not null && Formats.CpuQuantity().IsMatch(text);

    private static bool IsMemory(string? text) => text is not null && Formats.MemoryQuantity().IsMatch(text);

    /// <summary>Cores of a CPU quantity (<c>500m</c> is 0.5); null when it is not one.</summary>
    public static decimal? Cores(string? text)
    {
        if (!IsCpu(text))
        {
            return null;
        }

        var (digits, divisor) = text!.EndsWith('m') ? (text[..^1], 1000m) : (text, 1m);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number / divisor : decimal.MaxValue;
    }

    /// <summary>Bytes of a memory quantity (<c>1Gi</c> is 1073741824); null when it is not one.</summary>
    public static decimal? Bytes(string? text)
    {
        if (!IsMemory(text))
        {
            return null;
        }

        foreach (var (suffix, factor) in MemorySuffixes)
        {
            if (text!.EndsWith(suffix, StringComparison.Ordinal))
            {
                // Saturates instead of overflowing: the format bounds the shape, not the size.
                return decimal.TryParse(text[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && number <= decimal.MaxValue / factor
                    ? number * factor
                    : decimal.MaxValue;
            }
        }

        return decimal.TryParse(text!, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : decimal.MaxValue;
    }
}
