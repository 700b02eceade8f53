using System.Net;
using CsCheck;
using SecureServing.Core.Tests.Properties;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Tests.Config;

/// <summary>Properties of the building blocks the rules rest on, and of the loader as a whole.</summary>
public sealed class PropertyTests
{
    private static readonly Gen<IPNetwork> Ipv4Network =
        Gen.Select(Gen.UInt, Gen.Int[0, 32], (bits, prefix) =>
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            var value = bits & mask;
            return new IPNetwork(new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]), prefix);
        });

    [Fact]
    public void Cidr_overlap_is_symmetric_and_reflexive() =>
        Gen.Select(Ipv4Network, Ipv4Network).Holds((a, b) =>
            Cidr.Overlaps(a, b) == Cidr.Overlaps(b, a) && Cidr.Overlaps(a, a));

    [Fact]
    public void Cidr_overlap_matches_address_range_intersection() =>
        Gen.Select(Ipv4Network, Ipv4Network).Holds((a, b) =>
        {
            static (ulong Lo, ulong Hi) Range(IPNetwork n)
            {
                var bytes = n.BaseAddress.GetAddressBytes();
                var lo = ((ulong)bytes[0] << 24) | ((ulong)bytes[1] << 16) | ((ulong)bytes[2] << 8) | bytes[3];
                return (lo, lo + (1UL << (32 - n.PrefixLength)) - 1);
            }

            var (aLo, aHi) = Range(a);
            var (bLo, bHi) = Range(b);
            return Cidr.Overlaps(a, b) == (aLo <= bHi && bLo <= aHi);
        });

    [Fact]
    public void Cidr_round_trips_and_refuses_host_bits() =>
        Ipv4Network.Where(n => n.PrefixLength < 32).Holds(n =>
        {
            var parsed = Cidr.TryParse(n.ToString(), out var back, out _) && back == n;
            var bytes = n.BaseAddress.GetAddressBytes();
            bytes[3] |= 1;
            var withHostBit = $"{new IPAddress(bytes)}/{n.PrefixLength}";
            var refused = !Cidr.TryParse(withHostBit, out _, out var hint) && hint.Contains(n.ToString(), StringComparison.Ordinal);
            return parsed && (n.PrefixLength == 32 || refused || (bytes[3] & 1) == 0);
        });

    [Fact]
    public void Edit_distance_is_a_metric() =>
        Gen.Select(Gen.String[Gen.Char["abcxyz-:."], 0, 12], Gen.String[Gen.Char["abcxyz-:."], 0, 12], Gen.String[Gen.Char["abcxyz-:."], 0, 12])
            .Holds((a, b, c) =>
                DidYouMean.Distance(a, a) == 0
                && DidYouMean.Distance(a, b) == DidYouMean.Distance(b, a)
                && DidYouMean.Distance(a, c) <= DidYouMean.Distance(a, b) + DidYouMean.Distance(b, c)
                && (DidYouMean.Distance(a, b) == 0) == (a == b));

    private static readonly string[] StackKeys =
        ["subnetCidr", "podsCidr", "servicesCidr", "masterCidr", "egress", "deletionProtection", "releaseChannel", "masterAuthorizedNetworks", "verifyJwtInMesh", "disableIstioVirtualHost"];

    [Fact]
    public void Did_you_mean_finds_a_key_with_one_character_dropped() =>
        Gen.Select(Gen.Int[0, StackKeys.Length - 1], Gen.Int[0, 100]).Holds((k, at) =>
        {
            var key = StackKeys[k];
            var typo = key.Remove(at % key.Length, 1);
            return DidYouMean.Suggest(typo, StackKeys) == key;
        });

    [Fact]
    public void Check_never_throws_on_any_team_file_text()
    {
        using var repo = TempRepo.Shipped("dev");
        var yamlish = Gen.String[Gen.Char["ab:- \n[]{}\"'#&*!|>%@`\t0123456789"], 0, 80];
        yamlish.Holds(text =>
        {
            repo.Write("stacks/dev/fraud.yaml", text);
            var report = repo.Check("dev");
            return report.Findings.All(f => f.RuleId.Length > 0) && (report.Config is null) == report.HasErrors;
        }, iter: 300);
    }
}
