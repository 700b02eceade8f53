using System.Net;
using System.Text.Json.Nodes;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Access;

/// <summary>
/// Whether a NetworkPolicy <c>ipBlock</c> (a <c>cidr</c> less its <c>except</c> ranges) holds every address a peer
/// outside the cluster may use: true when each of its ranges lies inside the block and outside every exception, false
/// when each lies outside the block or inside an exception, unknown when some addresses are in and others out, when the
/// addresses are not known, or when a range is not written canonically (as <see cref="Cidr.TryParse"/> reads it).
/// </summary>
internal static class IpBlocks
{
    public static bool? Holds(JsonObject block, IReadOnlyList<IPNetwork>? addresses)
    {
        if (addresses is null or { Count: 0 } || !Cidr.TryParse(Json.Str(block, "cidr") ?? "", out var cidr, out _))
        {
            return null;
        }

        var excepts = new List<IPNetwork>();
        foreach (var text in Json.Strings(block, "except"))
        {
            if (!Cidr.TryParse(text, out var except, out _))
            {
                return null;
            }

            excepts.Add(except);
        }

        var each = addresses.Select(range =>
            !Cidr.Overlaps(cidr, range) || excepts.Any(e => Within(range, e)) ? false
            : Within(range, cidr) && !excepts.Any(e => Cidr.Overlaps(e, range)) ? true
            : (bool?)null).ToList();
        return each.All(v => v == true) ? true : each.All(v => v == false) ? false : null;
    }

    /// <summary>True when every address of <paramref name="inner"/> is in <paramref name="outer"/>.</summary>
    private static bool Within(IPNetwork inner, IPNetwork outer) =>
        outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily && outer.PrefixLength <= inner.PrefixLength && outer.Contains(inner.BaseAddress);
}
