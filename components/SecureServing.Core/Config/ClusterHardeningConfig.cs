namespace SecureServing.Core.Config;

/// <summary><c>secure-serving:cluster.notifications</c>: GKE cluster notifications to a Pub/Sub topic the stack creates.</summary>
public sealed record ClusterNotificationsConfig
{
    public bool Enabled { get; init; } = Contract.StackFileContract.ClusterHardening.NotificationsEnabled.Default;
    public IReadOnlyList<ClusterEvent> Events { get; init; } = Contract.StackFileContract.ClusterHardening.DefaultEvents;
}

/// <summary>GKE notification event types (<c>notificationConfig.pubsub.filter.eventTypes</c>).</summary>
public enum ClusterEvent { SecurityBulletin, UpgradeAvailable, Upgrade, UpgradeInfo }

/// <summary><c>secure-serving:cluster.securityPosture</c>.</summary>
public sealed record SecurityPostureConfig
{
    public SecurityPostureMode Mode { get; init; } = Contract.StackFileContract.ClusterHardening.PostureMode.Default;
    /// <summary>Workload vulnerability scanning; GKE Standard no longer offers it, so it is off unless <c>enterprise</c>.</summary>
    public VulnerabilityScanning VulnerabilityScanning { get; init; } = Contract.StackFileContract.ClusterHardening.VulnerabilityScanning.Default;
}

/// <summary><c>cluster.securityPosture.mode</c>: GKE security posture (configuration audit) tier.</summary>
public enum SecurityPostureMode { Disabled, Basic, Enterprise }

/// <summary><c>cluster.securityPosture.vulnerabilityScanning</c>: GKE workload vulnerability scanning tier.</summary>
public enum VulnerabilityScanning { Disabled, Enterprise }

/// <summary><c>secure-serving:cluster.maintenance</c>: when GKE may upgrade, and when it may not.</summary>
public sealed record MaintenanceConfig
{
    /// <summary>Saturday and Sunday, 00:00-08:00 UTC: 64 hours in any 32 days (GKE asks for at least 48).</summary>
    public static readonly MaintenanceWindow DefaultWindow = new("2025-01-04T00:00:00Z", "2025-01-04T08:00:00Z", "FREQ=WEEKLY;BYDAY=SA,SU");

    public MaintenanceWindow Window { get; init; } = DefaultWindow;
    public IReadOnlyList<MaintenanceExclusion> Exclusions { get; init; } = [];
}

/// <summary>A recurring window: first occurrence from <paramref name="Start"/> to <paramref name="End"/> (RFC 3339, UTC), repeated by <paramref name="Recurrence"/>.</summary>
public sealed record MaintenanceWindow(string Start, string End, string Recurrence);

/// <summary>A maintenance exclusion: no (or fewer) upgrades from <paramref name="Start"/> to <paramref name="End"/>.</summary>
public sealed record MaintenanceExclusion(string Name, string Start, string End, MaintenanceExclusionScope Scope);

/// <summary>What a maintenance exclusion holds back: every upgrade, minor upgrades, or minor and node upgrades.</summary>
public enum MaintenanceExclusionScope { NoUpgrades, NoMinorUpgrades, NoMinorOrNodeUpgrades }

/// <summary>GKE components sending logs to Cloud Logging (<c>loggingConfig.enableComponents</c>).</summary>
public enum LoggingComponent { SystemComponents, Workloads, ApiServer, Scheduler, ControllerManager }

/// <summary>GKE components sending metrics to Cloud Monitoring (<c>monitoringConfig.enableComponents</c>).</summary>
public enum MonitoringComponent { SystemComponents, ApiServer, Scheduler, ControllerManager, Storage, Hpa, Pod, DaemonSet, Deployment, StatefulSet, Kubelet, Cadvisor }

/// <summary>Logging and monitoring defaults: production adds the control-plane components (billed by volume).</summary>
public static class ClusterTelemetryDefaults
{
    public static readonly IReadOnlyList<LoggingComponent> DevLogging = [LoggingComponent.SystemComponents, LoggingComponent.Workloads];

    public static readonly IReadOnlyList<LoggingComponent> ProdLogging =
        [LoggingComponent.SystemComponents, LoggingComponent.Workloads, LoggingComponent.ApiServer, LoggingComponent.Scheduler, LoggingComponent.ControllerManager];

    public static readonly IReadOnlyList<MonitoringComponent> DevMonitoring = [MonitoringComponent.SystemComponents];

    public static readonly IReadOnlyList<MonitoringComponent> ProdMonitoring =
        [MonitoringComponent.SystemComponents, MonitoringComponent.ApiServer, MonitoringComponent.Scheduler, MonitoringComponent.ControllerManager];
}
