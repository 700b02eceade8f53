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

    /// <summary>True for 0.0.0.0/0 and ::/0.</summary>
    public static bool IsWholeInternet(IPNetwork n) => n.PrefixLength == 0;
}
