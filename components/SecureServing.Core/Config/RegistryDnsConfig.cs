using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:registryDns</c>: private zones that send registry traffic to the restricted VIP.</summary>
public sealed record RegistryDnsConfig
{
    public IReadOnlyList<string> Domains { get; init; } = StackFileContract.RegistryDns.Domains.Default!;
    public GoogleApisVip Vip { get; init; } = StackFileContract.RegistryDns.Vip.Default;
}

/// <summary>The Google APIs VIP the registry zones point at.</summary>
public enum GoogleApisVip
{
    /// <summary>restricted.googleapis.com, 199.36.153.4/30: only VPC-SC-supported APIs.</summary>
    Restricted,
}
