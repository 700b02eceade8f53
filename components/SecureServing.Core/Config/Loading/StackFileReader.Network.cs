using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>The VPC (<c>secure-serving:network</c>) and the private DNS for the registries (<c>secure-serving:registryDns</c>).</summary>
internal static partial class StackFileReader
{
    private static NetworkConfig ReadNetwork(YamlMap config, string deploymentName)
    {
        var net = config.Map(Namespace + "network", required: true);
        var result = new NetworkConfig
        {
            Name = net?.String("name") ?? $"{deploymentName}-vpc",
            SubnetCidr = net?.String("subnetCidr", required: true) ?? "",
            PodsCidr = net?.String("podsCidr", required: true) ?? "",
            ServicesCidr = net?.String("servicesCidr", required: true) ?? "",
            MasterCidr = net?.String("masterCidr", required: true) ?? "",
            Egress = net?.Enum(StackFileContract.Network.Egress) ?? StackFileContract.Network.Egress.Default,
        };
        net?.Finish();
        return result;
    }

    private static RegistryDnsConfig ReadRegistryDns(YamlMap config)
    {
        var rd = config.Map(Namespace + "registryDns");
        var result = new RegistryDnsConfig();
        if (rd is null)
        {
            return result;
        }

        var domains = rd.Strings("domains");
        if (domains is not null)
        {
            CheckMembers(config.Ctx, rd.Child("domains"), domains, Formats.Hostname().IsMatch, "a DNS domain such as `gcr.io`");
            result = result with { Domains = domains };
        }

        if (rd.String("vip") is { } vip && !StackFileContract.RegistryDns.Vip.Allows(vip))
        {
            config.Ctx.Report(RuleCatalog.RegistryDnsVip, rd.Child("vip"), rd.Value("vip"), $"`{rd.Child("vip")}` is `{vip}`; only `restricted` (restricted.googleapis.com, 199.36.153.4/30) is allowed.");
        }

        rd.Finish();
        return result;
    }
}
