using System.Net;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Validation;

/// <summary>CIDR parsing and overlap on <see cref="IPNetwork"/>.</summary>
public static class Cidr
{
    /// <summary>restricted.googleapis.com: the VIP Google APIs are reached at inside the perimeter.</summary>
    public static readonly IPNetwork RestrictedVip = IPNetwork.Parse("199.36.153.4/30");

    /// <summary>
    /// Parses a CIDR strictly: address and prefix, host bits zero. On failure <paramref name="hint"/> says why and, when
    /// only host bits were set, which network was probably meant.
    /// </summary>
    public static bool TryParse(string text, out IPNetwork network, out string hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        hint = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            network = default;
            hint = "it has no `/prefix`";
            return false;
        }

        // IPAddress.Parse accepts inet_aton spellings (010 is octal 8, 0xac is 172, 10.1 is 10.0.0.1) and surrounding
        // spaces, which GCP and other tools read differently: only the canonical spelling is accepted.
        if (!Formats.Ipv4Cidr().IsMatch(text) && !(text.Contains(':', StringComparison.Ordinal) && Formats.Ipv6Cidr().IsMatch(text)))
        {
            network = default;
            hint = NonCanonical(text);
            return false;
        }

        // IPNetwork.TryParse masks host bits silently (10.0.0.1/24 -> 10.0.0.0/24); a range written with host bits
        // set is usually a typo for another range, so it is refused here with the masked one as a suggestion.
        if (!IPNetwork.TryParse(text, out network) || !IPAddress.TryParse(text[..slash], out var address))
        {
            hint = "it is not an address with a prefix length";
            return false;
        }

        if (!address.Equals(network.BaseAddress))
        {
            hint = $"it has host bits set; did you mean `{network}`?";
            return false;
        }

        return true;
    }

    private static string NonCanonical(string text)
    {
        var address = text[..text.IndexOf('/', StringComparison.Ordinal)];
        if (address.Contains("0x", StringComparison.OrdinalIgnoreCase))
        {
            return "it has a hex octet; write every octet in decimal (e.g. `172.16.0.0/28`)";
        }

        if (address.Split('.').Any(o => o.Length > 1 && o[0] == '0' && o.All(char.IsAsciiDigit)))
        {
            return "it has an octet with a leading zero, which some tools read as octal; write every octet in decimal without leading zeros (e.g. `10.10.0.0/16`)";
        }

        return "it is not a strict dotted-decimal IPv4 (or lowercase IPv6) address with a prefix length: four decimal octets, `/` and the prefix, no spaces or other characters";
    }

    /// <summary>True when the two networks share any address. Symmetric.</summary>
    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>The broadest IPv4 range an allow-list (authorized networks, access levels) takes without an acknowledgement.</summary>
    public const int BroadestIpv4Prefix = 8;

    /// <summary>The broadest IPv6 range an allow-list takes without an acknowledgement (a typical ISP allocation).</summary>
    public const int BroadestIpv6Prefix = 32;

    /// <summary>True for a range broader than <see cref="BroadestIpv4Prefix"/> (IPv4) or <see cref="BroadestIpv6Prefix"/> (IPv6).</summary>
    public static bool IsTooBroad(IPNetwork n) =>
        n.PrefixLength < (n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? BroadestIpv4Prefix : BroadestIpv6Prefix);

    /// <summary>Number of addresses in an IPv4 range of <paramref name="prefix"/>.</summary>
    public static long Ipv4Addresses(int prefix) => 1L << (32 - prefix);

    /// <summary>How many distinct IPv4 addresses the ranges cover together (overlaps counted once).</summary>
    public static long Ipv4AddressesCovered(IEnumerable<IPNetwork> ranges)
    {
        var intervals = ranges
            .Where(r => r.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            .Select(r => (Start: Ipv4Value(r.BaseAddress), Count: Ipv4Addresses(r.PrefixLength)))
            .OrderBy(r => r.Start);
        long total = 0;
        long end = -1;
        foreach (var (start, count) in intervals)
        {
            var last = start + count - 1;
            if (last > end)
            {
                total += last - Math.Max(start, end + 1) + 1;
                end = last;
            }
        }

        return total;
    }

    /// <summary>"2147483648 addresses (half of all IPv4 addresses)" and the like.</summary>
    public static string Describe(IPNetwork n)
    {
        if (n.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return $"a /{n.PrefixLength} of IPv6 (2^{128 - n.PrefixLength} addresses)";
        }

        var share = 1L << n.PrefixLength;
        return $"{Ipv4Addresses(n.PrefixLength).ToString(System.Globalization.CultureInfo.InvariantCulture)} addresses (1/{share.ToString(System.Globalization.CultureInfo.InvariantCulture)} of all IPv4 addresses)";
    }

    private static long Ipv4Value(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((long)bytes[0] << 24) | ((long)bytes[1] << 16) | ((long)bytes[2] << 8) | bytes[3];
    }

    /// <summary>True for 0.0.0.0/0 and ::/0.</summary>
    public static bool IsWholeInternet(IPNetwork n) => n.PrefixLength == 0;
}
