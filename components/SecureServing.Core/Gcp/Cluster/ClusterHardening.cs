using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Decides the cluster settings hardened organizations check (<see cref="ClusterHardeningSpec"/>). Fixed where there
/// is no reason to weaken them (legacy ABAC, alpha features, client certificates, RBAC bindings to all users, the
/// kubelet read-only port); from config elsewhere, with <c>check</c> refusing the weaker choices in production.
/// </summary>
public static class ClusterHardening
{
    public const string KubeletReadonlyPortDisabled = "FALSE";
    public const string LoggingService = "logging.googleapis.com/kubernetes";
    public const string MonitoringService = "monitoring.googleapis.com/kubernetes";

    public static ClusterHardeningSpec Decide(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var secretsKey = KmsPlanner.SecretsKey(config);
        var notifications = NotificationsPlanner.Plan(config) is { } n
            ? new ClusterNotificationSpec(ResourceRef.Id(n.Topic.LogicalName), NotificationsPlanner.EventTypes(cluster.Notifications))
            : null;
        var window = cluster.Maintenance.Window;

        return new ClusterHardeningSpec
        {
            BinaryAuthorizationEvaluationMode = BinaryAuthorizationPlanner.ClusterEvaluationMode(config),
            DatabaseEncryptionKey = secretsKey,
            Notifications = notifications,
            EnableIntranodeVisibility = cluster.IntranodeVisibility,
            SecurityPostureMode = cluster.SecurityPosture.Mode switch
            {
                SecurityPostureMode.Disabled => "DISABLED",
                SecurityPostureMode.Basic => "BASIC",
                SecurityPostureMode.Enterprise => "ENTERPRISE",
                var other => throw new ArgumentOutOfRangeException(nameof(config), other, "No GKE security posture mode for this value."),
            },
            VulnerabilityMode = cluster.SecurityPosture.VulnerabilityScanning == VulnerabilityScanning.Enterprise ? "VULNERABILITY_ENTERPRISE" : "VULNERABILITY_DISABLED",
            MaintenanceWindow = new MaintenanceWindowSpec(window.Start, window.End, window.Recurrence),
            MaintenanceExclusions = [.. cluster.Maintenance.Exclusions.Select(x => new MaintenanceExclusionSpec(x.Name, x.Start, x.End, x.Scope switch
            {
                MaintenanceExclusionScope.NoUpgrades => "NO_UPGRADES",
                MaintenanceExclusionScope.NoMinorUpgrades => "NO_MINOR_UPGRADES",
                MaintenanceExclusionScope.NoMinorOrNodeUpgrades => "NO_MINOR_OR_NODE_UPGRADES",
                var other => throw new ArgumentOutOfRangeException(nameof(config), other, "No GKE maintenance exclusion scope for this value."),
            }))],
            LoggingComponents = cluster.Logging.Count == 0 ? null : [.. cluster.Logging.Select(c => ApiName(c.ToString()))],
            MonitoringComponents = cluster.Monitoring.Count == 0 ? null : [.. cluster.Monitoring.Select(c => ApiName(c.ToString()))],
            EnableLegacyAbac = false,
            EnableKubernetesAlpha = false,
            IssueClientCertificate = false,
            InsecureBindingSystemAuthenticated = false,
            InsecureBindingSystemUnauthenticated = false,
            KubeletReadonlyPort = KubeletReadonlyPortDisabled,
            ResourceLabels = GcpLabels.For(config),
        };
    }

    /// <summary><c>ApiServer</c> → <c>APISERVER</c>, <c>SystemComponents</c> → <c>SYSTEM_COMPONENTS</c>, as GKE names them.</summary>
    private static string ApiName(string component) => component switch
    {
        "ApiServer" => "APISERVER",
        "Hpa" => "HPA",
        "DaemonSet" => "DAEMONSET",
        "StatefulSet" => "STATEFULSET",
        "Cadvisor" => "CADVISOR",
        _ => GcpNames.UpperSnake(component),
    };
}
