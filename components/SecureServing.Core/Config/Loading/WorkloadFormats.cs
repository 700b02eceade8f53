using System.Text.RegularExpressions;

namespace SecureServing.Core.Config.Loading;

/// <summary>Formats of the serving-workload keys: accelerators, taints, quantities.</summary>
internal static partial class Formats
{
    /// <summary>A Compute Engine GPU accelerator type name, e.g. <c>nvidia-l4</c>, <c>nvidia-tesla-t4</c>.</summary>
    [GeneratedRegex(@"\Anvidia-[a-z0-9]+(?:-[a-z0-9]+){0,5}\z")]
    public static partial Regex AcceleratorType();

    /// <summary>
    /// A taint key: a Kubernetes qualified name, an optional DNS-subdomain prefix and <c>/</c>, then at most 63
    /// alphanumerics, <c>-</c>, <c>_</c>, <c>.</c> starting and ending alphanumeric.
    /// </summary>
    [GeneratedRegex(@"\A(?:(?=[a-z0-9.-]{1,253}/)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*/)?[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?\z")]
    public static partial Regex TaintKey();

    /// <summary>A taint value: a Kubernetes label value, at most 63 characters, not empty (GKE requires one).</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?\z")]
    public static partial Regex TaintValue();

    /// <summary>A CPU quantity: whole or decimal cores (<c>2</c>, <c>0.5</c>, at most 3 decimals) or millicores (<c>500m</c>).</summary>
    [GeneratedRegex(@"\A(?:[0-9]{1,6}(?:\.[0-9]{1,3})?|[0-9]{1,9}m)\z")]
    public static partial Regex CpuQuantity();

    /// <summary>A memory quantity: bytes with an optional binary (<c>Ki</c>..<c>Ti</c>) or decimal (<c>k</c>..<c>T</c>) suffix.</summary>
    [GeneratedRegex(@"\A[0-9]{1,15}(?:Ki|Mi|Gi|Ti|k|M|G|T)?\z")]
    public static partial Regex MemoryQuantity();
}
