using Pulumi;
using Pulumi.Gcp.Container;
using Pulumi.Gcp.Container.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// The cluster's hardening settings (<see cref="ClusterHardeningSpec"/>) as <see cref="ClusterArgs"/> inputs, field for
/// field as <c>ClusterRendering</c> writes them; blocks the spec leaves null (notifications, logging and monitoring
/// components) stay unset.
/// </summary>
internal static class ClusterHardeningArgs
{
    public static ClusterArgs WithHardening(this ClusterArgs args, ClusterHardeningSpec h, GcpOutputs outputs)
    {
        args.BinaryAuthorization = new ClusterBinaryAuthorizationArgs { EvaluationMode = h.BinaryAuthorizationEvaluationMode };
        args.DatabaseEncryption = new ClusterDatabaseEncryptionArgs
        {
            State = h.DatabaseEncryptionState,
            KeyName = h.DatabaseEncryptionKey is { } key ? outputs.Interpolate(key.Rendered) : null,
        };
        if (h.Notifications is { } n)
        {
            args.NotificationConfig = new ClusterNotificationConfigArgs
            {
                Pubsub = new ClusterNotificationConfigPubsubArgs
                {
                    Enabled = n.Enabled,
                    Topic = outputs.Resolve(n.Topic),
                    Filter = new ClusterNotificationConfigPubsubFilterArgs { EventTypes = InputValues.ListOrUnset(n.EventTypes) },
                },
            };
        }

        args.EnableIntranodeVisibility = h.EnableIntranodeVisibility;
        args.SecurityPostureConfig = new ClusterSecurityPostureConfigArgs { Mode = h.SecurityPostureMode, VulnerabilityMode = h.VulnerabilityMode };
        args.MaintenancePolicy = new ClusterMaintenancePolicyArgs
        {
            RecurringWindow = new ClusterMaintenancePolicyRecurringWindowArgs
            {
                StartTime = h.MaintenanceWindow.StartTime,
                EndTime = h.MaintenanceWindow.EndTime,
                Recurrence = h.MaintenanceWindow.Recurrence,
            },
            MaintenanceExclusions = InputValues.ListOrUnset(h.MaintenanceExclusions.Select(x => new ClusterMaintenancePolicyMaintenanceExclusionArgs
            {
                ExclusionName = x.ExclusionName,
                StartTime = x.StartTime,
                EndTime = x.EndTime,
                ExclusionOptions = new ClusterMaintenancePolicyMaintenanceExclusionExclusionOptionsArgs { Scope = x.Scope },
            })),
        };
        args.LoggingService = h.LoggingService;
        args.LoggingConfig = h.LoggingComponents is { } logging
            ? new ClusterLoggingConfigArgs { EnableComponents = InputValues.ListOrUnset(logging) }
            : null!;
        args.MonitoringService = h.MonitoringService;
        args.MonitoringConfig = h.MonitoringComponents is { } monitoring
            ? new ClusterMonitoringConfigArgs { EnableComponents = InputValues.ListOrUnset(monitoring) }
            : null!;

        args.EnableLegacyAbac = h.EnableLegacyAbac;
        args.EnableKubernetesAlpha = h.EnableKubernetesAlpha;
        args.MasterAuth = new ClusterMasterAuthArgs
        {
            ClientCertificateConfig = new ClusterMasterAuthClientCertificateConfigArgs { IssueClientCertificate = h.IssueClientCertificate },
        };
        args.RbacBindingConfig = new ClusterRbacBindingConfigArgs
        {
            EnableInsecureBindingSystemAuthenticated = h.InsecureBindingSystemAuthenticated,
            EnableInsecureBindingSystemUnauthenticated = h.InsecureBindingSystemUnauthenticated,
        };
        args.NodePoolDefaults = new ClusterNodePoolDefaultsArgs
        {
            NodeConfigDefaults = new ClusterNodePoolDefaultsNodeConfigDefaultsArgs { InsecureKubeletReadonlyPortEnabled = h.KubeletReadonlyPort },
        };
        args.ResourceLabels = InputValues.MapOrUnset(h.ResourceLabels);
        return args;
    }
}
