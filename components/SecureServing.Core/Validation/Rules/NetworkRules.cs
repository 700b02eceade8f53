using System.Net;

namespace SecureServing.Core.Validation.Rules;

/// <summary>cidr-syntax, cidr-overlap, master-cidr-size, open-to-world.</summary>
internal static class NetworkRules
{
    public static void Check(RuleContext ctx)
    {
        var net = ctx.Config.Network;
        var ranges = new List<(string Path, IPNetwork Network)>();
        foreach (var (key, value) in new[] { ("subnetCidr", net.SubnetCidr), ("podsCidr", net.PodsCidr), ("servicesCidr", net.ServicesCidr), ("masterCidr", net.MasterCidr) })
        {
            var path = $"{RuleContext.Ns}network.{key}";
            if (Parse(ctx, path, value, v => ctx.Stack(RuleCatalog.CidrSyntax, path, v.Message, v.Fix)) is { } n)
            {
                if (n.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    ctx.Stack(RuleCatalog.CidrSyntax, path, $"`{path}` is `{value}`, an IPv6 range; GKE subnet and secondary ranges are IPv4.", "Use an IPv4 range such as `10.10.0.0/20`.");
                    continue;
                }

                ranges.Add((path, n));
            }
        }

        foreach (var (path, n) in ranges)
        {
            if (path.EndsWith("masterCidr", StringComparison.Ordinal) && n.PrefixLength != 28)
            {
                ctx.Stack(RuleCatalog.MasterCidrSize, path, $"`{path}` is `{n}`, a /{n.PrefixLength}.",
                    $"Use a /28 such as `{new IPNetwork(n.BaseAddress, 28)}`" + (n.PrefixLength > 28 ? "." : " (inside the current range)."));
            }

            if (Cidr.Overlaps(n, Cidr.RestrictedVip))
            {
                ctx.Stack(RuleCatalog.CidrOverlap, path, $"`{path}` ({n}) overlaps the restricted Google APIs VIP {Cidr.RestrictedVip}.", "Move the range away from 199.36.153.4/30, e.g. into 10.0.0.0/8.");
            }
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Cidr.Overlaps(ranges[i].Network, ranges[j].Network))
                {
                    ctx.Stack(RuleCatalog.CidrOverlap, ranges[i].Path,
                        $"`{ranges[i].Path}` ({ranges[i].Network}) overlaps `{ranges[j].Path}` ({ranges[j].Network}).",
                        $"Change `{ranges[i].Path}` to a range disjoint from the subnet, pods, services and control-plane ranges.");
                }
            }
        }

        CheckList(ctx, $"{RuleContext.Ns}cluster.masterAuthorizedNetworks", i => ".cidr", ctx.Config.Cluster.MasterAuthorizedNetworks.Select(n => n.Cidr).ToList());
        var levels = ctx.Config.Perimeter.AccessLevels;
        for (var i = 0; i < levels.Count; i++)
        {
            CheckList(ctx, $"{ctx.StackItem($"{RuleContext.Ns}perimeter.accessLevels", i)}.ipSubnetworks", _ => "", levels[i].IpSubnetworks);
        }
    }

    /// <summary>
    /// An allow-list of ranges: each entry parses, is not the whole internet and not broader than
    /// <see cref="Cidr.BroadestIpv4Prefix"/> (IPv6 <see cref="Cidr.BroadestIpv6Prefix"/>), and together they cover
    /// no more IPv4 addresses than one such range.
    /// </summary>
    private static void CheckList(RuleContext ctx, string listPath, Func<int, string> itemSuffix, IReadOnlyList<string> values)
    {
        var accepted = new List<IPNetwork>();
        var flagged = false;
        for (var i = 0; i < values.Count; i++)
        {
            var path = ctx.StackItem(listPath, i) + itemSuffix(i);
            var value = values[i];
            if (Parse(ctx, path, value, v => ctx.Stack(RuleCatalog.CidrSyntax, path, v.Message, v.Fix)) is not { } n)
            {
                continue;
            }

            if (Cidr.IsWholeInternet(n))
            {
                ctx.Stack(RuleCatalog.OpenToWorld, path, $"`{path}` is `{value}`, the whole internet.");
                flagged = true;
            }
            else if (Cidr.IsTooBroad(n))
            {
                ctx.Stack(RuleCatalog.RangeTooBroad, path,
                    $"`{path}` is `{value}`, {Cidr.Describe(n)}; allow-list ranges may be at most a /{Cidr.BroadestIpv4Prefix} (IPv6: /{Cidr.BroadestIpv6Prefix}) unless acknowledged.");
                flagged = true;
            }
            else
            {
                accepted.Add(n);
            }
        }

        var total = Cidr.Ipv4AddressesCovered(accepted);
        if (!flagged && total > Cidr.Ipv4Addresses(Cidr.BroadestIpv4Prefix))
        {
            ctx.Stack(RuleCatalog.RangeTooBroad, listPath,
                $"`{listPath}` covers {total.ToString(System.Globalization.CultureInfo.InvariantCulture)} IPv4 addresses together, more than one /{Cidr.BroadestIpv4Prefix}; allow-lists that broad are refused unless acknowledged.");
        }
    }

    private static IPNetwork? Parse(RuleContext ctx, string path, string value, Action<(string Message, string Fix)> report)
    {
        if (value.Length == 0)
        {
            return null; // missing-key already reported
        }

        if (Cidr.TryParse(value, out var n, out var hint))
        {
            return n;
        }

        _ = ctx;
        report(($"`{path}` is `{value}`: {hint}.", "Write the network address with its prefix, e.g. `10.10.0.0/20`."));
        return null;
    }
}
