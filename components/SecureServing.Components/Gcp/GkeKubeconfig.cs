using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Components.Gcp;

/// <summary>
/// The kubeconfig the Pulumi Kubernetes provider uses to reach the stack's GKE cluster. It holds no credential: the
/// user is the <c>gke-gcloud-auth-plugin</c> exec plugin, which mints a short-lived token for whoever runs
/// <c>pulumi up</c> (Application Default Credentials; Workload Identity Federation in CI), so no token is ever written
/// to the state and long runs, <c>refresh</c> and <c>destroy</c> keep working. For the DNS-based endpoint the server
/// is <c>https://&lt;dns endpoint&gt;</c>, which serves a publicly trusted certificate (no CA data); for an IP endpoint
/// it is <c>https://&lt;ip&gt;</c> with the cluster CA. Written as JSON, which every kubeconfig reader accepts.
/// </summary>
public static class GkeKubeconfig
{
    /// <summary>The exec plugin binary (<c>gcloud components install gke-gcloud-auth-plugin</c>).</summary>
    public const string AuthPlugin = "gke-gcloud-auth-plugin";

    public const string ExecApiVersion = "client.authentication.k8s.io/v1beta1";

    /// <param name="clusterName">Cluster, user and context name in the kubeconfig.</param>
    /// <param name="server">Host name or IP of the control plane endpoint (no scheme).</param>
    /// <param name="caCertificate">Base64 cluster CA, for an IP endpoint; null for the DNS endpoint.</param>
    public static string Render(string clusterName, string server, string? caCertificate)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException(
                $"GKE reported no control plane endpoint for cluster '{clusterName}', so the Kubernetes provider cannot reach it. " +
                "Check the cluster's control plane access (secure-serving:cluster.endpoint) with " +
                $"`gcloud container clusters describe {clusterName}`.");
        }

        var cluster = new JsonObject { ["server"] = "https://" + server };
        if (!string.IsNullOrEmpty(caCertificate))
        {
            cluster["certificate-authority-data"] = caCertificate;
        }

        var config = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = clusterName, ["cluster"] = cluster }),
            ["contexts"] = new JsonArray(new JsonObject
            {
                ["name"] = clusterName,
                ["context"] = new JsonObject { ["cluster"] = clusterName, ["user"] = clusterName },
            }),
            ["current-context"] = clusterName,
            ["users"] = new JsonArray(new JsonObject
            {
                ["name"] = clusterName,
                ["user"] = new JsonObject
                {
                    ["exec"] = new JsonObject
                    {
                        ["apiVersion"] = ExecApiVersion,
                        ["command"] = AuthPlugin,
                        ["provideClusterInfo"] = true,
                        ["interactiveMode"] = "Never",
                        ["installHint"] = "Install gke-gcloud-auth-plugin: `gcloud components install gke-gcloud-auth-plugin` " +
                            "(https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin).",
                    },
                },
            }),
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
