using SecureServing.Core.Config.Contract;

namespace SecureServing.Core.Config.Loading;

/// <summary>The serving stack: whether <c>pulumi up</c> installs it (<c>secure-serving:serving</c>) and at which versions (<c>secure-serving:versions</c>).</summary>
internal static partial class StackFileReader
{
    private static ServingConfig ReadServing(YamlMap config, ClusterProvider provider)
    {
        var serving = config.Map(StackFileContract.Serving.Map.Name);
        var result = new ServingConfig
        {
            Install = serving?.Bool(StackFileContract.Serving.Install.Name) ?? provider == ClusterProvider.Gke,
        };
        serving?.Finish();
        return result;
    }

    private static PlatformVersions ReadVersions(YamlMap config)
    {
        var v = config.Map(Namespace + "versions");
        var defaults = new PlatformVersions();
        if (v is null)
        {
            return defaults;
        }

        string Version(string key, string fallback)
        {
            var value = v.String(key);
            Check(v, key, value, Formats.Version().IsMatch, "a release version such as `1.2.3`");
            return value ?? fallback;
        }

        var result = new PlatformVersions
        {
            Istio = Version("istio", defaults.Istio),
            Knative = Version("knative", defaults.Knative),
            Kserve = Version("kserve", defaults.Kserve),
            CertManager = Version("certManager", defaults.CertManager),
        };
        v.Finish();
        return result;
    }
}
