using System.Net;
using System.Net.Sockets;

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
        if (IPNetwork.TryParse(text, out network) && text.Contains('/', StringComparison.Ordinal))
        {
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            hint = "it has no `/prefix`";
            return false;
        }

        if (IPAddress.TryParse(text[..slash], out var address) && int.TryParse(text[(slash + 1)..], out var prefix)
            && prefix >= 0 && prefix <= (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            var bytes = address.GetAddressBytes();
            for (var bit = prefix; bit < bytes.Length * 8; bit++)
            {
                bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
            }

            hint = $"it has host bits set; did you mean `{new IPAddress(bytes)}/{prefix}`?";
            return false;
        }

        hint = "it is not an address with a prefix length";
        return false;
    }

    /// <summary>True when the two networks share any address. Symmetric.</summary>
    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>True for 0.0.0.0/0 and ::/0.</summary>
    public static bool IsWholeInternet(IPNetwork n) => n.PrefixLength == 0;
}
