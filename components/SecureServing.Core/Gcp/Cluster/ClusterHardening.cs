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
            LoggingComponents = cluster.Logging.Count == 0 ? null : [.. cluster.Logging.Select(ApiName)],
            MonitoringComponents = cluster.Monitoring.Count == 0 ? null : [.. cluster.Monitoring.Select(ApiName)],
            EnableLegacyAbac = false,
            EnableKubernetesAlpha = false,
            IssueClientCertificate = false,
            InsecureBindingSystemAuthenticated = false,
            InsecureBindingSystemUnauthenticated = false,
            KubeletReadonlyPort = KubeletReadonlyPortDisabled,
            ResourceLabels = GcpLabels.For(config),
        };
    }

    /// <summary>The name GKE gives a logging component in <c>loggingConfig.enableComponents</c>.</summary>
    public static string ApiName(LoggingComponent component) => component switch
    {
        LoggingComponent.SystemComponents => "SYSTEM_COMPONENTS",
        LoggingComponent.Workloads => "WORKLOADS",
        LoggingComponent.ApiServer => "APISERVER",
        LoggingComponent.Scheduler => "SCHEDULER",
        LoggingComponent.ControllerManager => "CONTROLLER_MANAGER",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "No GKE logging component for this value."),
    };

    /// <summary>The name GKE gives a monitoring component in <c>monitoringConfig.enableComponents</c>.</summary>
    public static string ApiName(MonitoringComponent component) => component switch
    {
        MonitoringComponent.SystemComponents => "SYSTEM_COMPONENTS",
        MonitoringComponent.ApiServer => "APISERVER",
        MonitoringComponent.Scheduler => "SCHEDULER",
        MonitoringComponent.ControllerManager => "CONTROLLER_MANAGER",
        MonitoringComponent.Storage => "STORAGE",
        MonitoringComponent.Hpa => "HPA",
        MonitoringComponent.Pod => "POD",
        MonitoringComponent.DaemonSet => "DAEMONSET",
        MonitoringComponent.Deployment => "DEPLOYMENT",
        MonitoringComponent.StatefulSet => "STATEFULSET",
        MonitoringComponent.Kubelet => "KUBELET",
        MonitoringComponent.Cadvisor => "CADVISOR",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "No GKE monitoring component for this value."),
    };
}
