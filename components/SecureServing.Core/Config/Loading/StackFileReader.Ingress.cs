using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>Public HTTPS at the Istio ingress gateway and the Knative domains (<c>secure-serving:ingress</c>).</summary>
internal static partial class StackFileReader
{
    private static IngressConfig ReadIngress(YamlMap config)
    {
        var ing = config.Map(Namespace + "ingress", required: true);
        var hostname = ing?.String("hostname", required: true) ?? "";
        if (ing is not null)
        {
            Check(ing, "hostname", hostname.Length == 0 ? null : hostname, Formats.Hostname().IsMatch, "a DNS hostname such as `models.example.com`");
        }

        var defaults = new IngressConfig { Hostname = hostname };
        if (ing is null)
        {
            return defaults;
        }

        var tls = ing.Enum(StackFileContract.Ingress.Tls) ?? defaults.Tls;
        var tlsSecret = ing.String("tlsSecret");
        if (tls == IngressTls.Secret && string.IsNullOrWhiteSpace(tlsSecret))
        {
            config.Ctx.Report(RuleCatalog.IngressTlsSecretMissing, ing.Child("tlsSecret"), null, $"`{ing.Child("tls")}` is `secret` but `{ing.Child("tlsSecret")}` names no secret.");
        }

        var result = defaults with
        {
            Tls = tls,
            TlsSecret = tlsSecret ?? defaults.TlsSecret,
            ClusterIssuer = ing.String("clusterIssuer") ?? defaults.ClusterIssuer,
            DomainTemplate = ing.String("domainTemplate") ?? defaults.DomainTemplate,
            LoadBalancerService = ing.Bool("loadBalancerService") ?? defaults.LoadBalancerService,
        };
        ing.Finish();
        return result;
    }
}
