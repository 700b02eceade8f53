using System.Collections.Immutable;
using Pulumi;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Serving;

namespace SecureServing.Infra;

/// <summary>
/// The stack outputs (<c>pulumi stack output</c>): what a platform or ML team needs after <c>pulumi up</c>, and no
/// secret: nothing here derives from a secret value.
/// </summary>
public static class StackOutputs
{
    public const string ClusterName = "clusterName";
    public const string ControlPlaneDnsEndpoint = "controlPlaneDnsEndpoint";
    public const string IngressHostname = "ingressHostname";
    public const string IngressAddress = "ingressAddress";
    public const string ModelUrls = "modelUrls";

    /// <summary>
    /// <list type="bullet">
    /// <item><c>clusterName</c>: the GKE cluster's name (the configured name for <c>provider: existing</c>).</item>
    /// <item><c>controlPlaneDnsEndpoint</c>: the cluster's DNS-based control plane endpoint (GKE only), for
    /// <c>gcloud container clusters get-credentials --dns-endpoint</c>.</item>
    /// <item><c>ingressHostname</c>: the public hostname (IAP's when IAP is on).</item>
    /// <item><c>ingressAddress</c>: the IAP global static IP, the A record to create for the hostname (IAP only).</item>
    /// <item><c>modelUrls</c>: <c>&lt;team&gt;/&lt;model&gt;</c> → predict URL (<see cref="Core.Serving.ModelUrls"/>).</item>
    /// </list>
    /// </summary>
    public static IDictionary<string, object?> For(PlatformConfig config, GcpLayer gcp)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(gcp);

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ClusterName] = gcp.Cluster?.ClusterName ?? Output.Create(config.Cluster.Name),
            [IngressHostname] = config.Iap.Enabled ? IapNames.Hostname(config) : config.Ingress.Hostname,
        };
        if (gcp.Cluster is { } cluster)
        {
            outputs[ControlPlaneDnsEndpoint] = cluster.DnsEndpoint;
        }

        if (gcp.Iap is { } iap)
        {
            outputs[IngressAddress] = iap.StaticIp.Address;
        }

        var urls = Core.Serving.ModelUrls.PredictUrls(config, out var unresolved);
        foreach (var model in unresolved)
        {
            Log.Warn($"modelUrls: no URL for {model}: secure-serving:ingress.domainTemplate '{config.Ingress.DomainTemplate}' " +
                "cannot be evaluated offline; read it with `kubectl get inferenceservice`.");
        }

        outputs[ModelUrls] = urls.ToImmutableDictionary(StringComparer.Ordinal);
        return outputs;
    }
}
