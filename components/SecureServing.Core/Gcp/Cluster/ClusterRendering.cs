using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="ClusterSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class ClusterRendering
{
    public static IEnumerable<RenderedResource> Render(this ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        yield return spec.NodeServiceAccount.Render();

        foreach (var role in spec.NodeServiceAccountRoles)
        {
            yield return new PropertyBag()
                .Add("project", role.Project)
                .Add("role", role.Role)
                .Add("member", role.Member)
                .Resource(GcpResourceTypes.ProjectIamMember, role.LogicalName);
        }

        var c = spec.Cluster;
        yield return new PropertyBag()
            .Add("project", c.Project)
            .Add("name", c.Name)
            .Add("location", c.Location)
            .Add("network", c.Network)
            .Add("subnetwork", c.Subnetwork)
            .Add("networkingMode", c.NetworkingMode)
            .Add("ipAllocationPolicy", new PropertyBag()
                .Add("clusterSecondaryRangeName", c.PodsRangeName)
                .Add("servicesSecondaryRangeName", c.ServicesRangeName))
            .Add("removeDefaultNodePool", c.RemoveDefaultNodePool)
            .Add("initialNodeCount", c.InitialNodeCount)
            .Add("deletionProtection", c.DeletionProtection)
            .Add("releaseChannel", new PropertyBag().Add("channel", c.ReleaseChannel))
            .Add("datapathProvider", c.DatapathProvider)
            .Add("enableShieldedNodes", c.EnableShieldedNodes)
            .Add("workloadIdentityConfig", new PropertyBag().Add("workloadPool", c.WorkloadPool))
            .Add("addonsConfig", new PropertyBag()
                .Add("httpLoadBalancing", new PropertyBag().Add("disabled", !c.HttpLoadBalancing)))
            .Add("privateClusterConfig", new PropertyBag()
                .Add("enablePrivateNodes", c.PrivateCluster.EnablePrivateNodes)
                .Add("enablePrivateEndpoint", c.PrivateCluster.EnablePrivateEndpoint)
                .Add("masterIpv4CidrBlock", c.PrivateCluster.MasterIpv4CidrBlock))
            .Add("controlPlaneEndpointsConfig", new PropertyBag()
                .Add("dnsEndpointConfig", new PropertyBag()
                    .Add("allowExternalTraffic", c.ControlPlaneEndpoints.DnsAllowExternalTraffic)))
            .Add("masterAuthorizedNetworksConfig", new PropertyBag()
                .Add("cidrBlocks", c.MasterAuthorizedNetworks.CidrBlocks.Select(b => new PropertyBag()
                    .Add("cidrBlock", b.CidrBlock)
                    .Add("displayName", b.DisplayName)))
                .Add("gcpPublicCidrsAccessEnabled", c.MasterAuthorizedNetworks.GcpPublicCidrsAccessEnabled)
                .Add("privateEndpointEnforcementEnabled", c.MasterAuthorizedNetworks.PrivateEndpointEnforcementEnabled))
            .Add("nodeConfig", NodeConfig(c.DefaultNodeConfig))
            .Add("authenticatorGroupsConfig", c.SecurityGroup is null ? null : new PropertyBag().Add("securityGroup", c.SecurityGroup))
            .AddHardening(c.Hardening)
            .Resource(GcpResourceTypes.Cluster, c.LogicalName);

        foreach (var pool in spec.NodePools)
        {
            yield return new PropertyBag()
                .Add("project", pool.Project)
                .Add("name", pool.Name)
                .Add("location", pool.Location)
                .Add("cluster", pool.Cluster)
                .Add("initialNodeCount", pool.InitialNodeCount)
                .Add("autoscaling", new PropertyBag()
                    .Add("totalMinNodeCount", pool.TotalMinNodeCount)
                    .Add("totalMaxNodeCount", pool.TotalMaxNodeCount)
                    .Add("locationPolicy", pool.LocationPolicy))
                .Add("management", new PropertyBag()
                    .Add("autoRepair", pool.AutoRepair)
                    .Add("autoUpgrade", pool.AutoUpgrade))
                .Add("nodeConfig", NodeConfig(pool.NodeConfig))
                .Resource(GcpResourceTypes.NodePool, pool.LogicalName);
        }
    }

    internal static RenderedResource Render(this ServiceAccountSpec account) => new PropertyBag()
        .Add("project", account.Project)
        .Add("accountId", account.AccountId)
        .Add("displayName", account.DisplayName)
        .Add("description", account.Description)
        .Resource(GcpResourceTypes.ServiceAccount, account.LogicalName);

    private static PropertyBag NodeConfig(NodeConfigSpec n) => new PropertyBag()
        .Add("machineType", n.MachineType)
        .Add("diskSizeGb", n.DiskSizeGb)
        .Add("diskType", n.DiskType)
        .Add("imageType", n.ImageType)
        .Add("spot", n.Spot)
        .Add("serviceAccount", n.ServiceAccount)
        .Add("oauthScopes", n.OauthScopes)
        .Add("tags", n.Tags)
        .Add("metadata", n.Metadata)
        .Add("shieldedInstanceConfig", new PropertyBag()
            .Add("enableSecureBoot", n.EnableSecureBoot)
            .Add("enableIntegrityMonitoring", n.EnableIntegrityMonitoring))
        .Add("workloadMetadataConfig", new PropertyBag().Add("mode", n.WorkloadMetadataMode))
        .Add("bootDiskKmsKey", n.BootDiskKmsKey?.Rendered)
        .Add("kubeletConfig", new PropertyBag().Add("insecureKubeletReadonlyPortEnabled", n.KubeletReadonlyPort))
        .Add("confidentialNodes", n.ConfidentialNodes is { } confidential ? new PropertyBag().Add("enabled", confidential) : null)
        .Add("guestAccelerators", n.GuestAccelerators.Select(a => new PropertyBag()
            .Add("type", a.Type)
            .Add("count", a.Count)
            .Add("gpuDriverInstallationConfig", new PropertyBag().Add("gpuDriverVersion", a.GpuDriverVersion))))
        .Add("taints", n.Taints.Select(t => new PropertyBag()
            .Add("key", t.Key)
            .Add("value", t.Value)
            .Add("effect", t.Effect)))
        .Add("sandboxConfig", n.SandboxType is null ? null : new PropertyBag().Add("type", n.SandboxType));

    private static PropertyBag AddHardening(this PropertyBag bag, ClusterHardeningSpec h) => bag
        .Add("binaryAuthorization", new PropertyBag().Add("evaluationMode", h.BinaryAuthorizationEvaluationMode))
        .Add("databaseEncryption", new PropertyBag()
            .Add("state", h.DatabaseEncryptionState)
            .Add("keyName", h.DatabaseEncryptionKey?.Rendered))
        .Add("notificationConfig", h.Notifications is not { } n ? null : new PropertyBag()
            .Add("pubsub", new PropertyBag()
                .Add("enabled", n.Enabled)
                .Add("topic", n.Topic)
                .Add("filter", new PropertyBag().Add("eventTypes", n.EventTypes))))
        .Add("enableIntranodeVisibility", h.EnableIntranodeVisibility)
        .Add("securityPostureConfig", new PropertyBag()
            .Add("mode", h.SecurityPostureMode)
            .Add("vulnerabilityMode", h.VulnerabilityMode))
        .Add("maintenancePolicy", new PropertyBag()
            .Add("recurringWindow", new PropertyBag()
                .Add("startTime", h.MaintenanceWindow.StartTime)
                .Add("endTime", h.MaintenanceWindow.EndTime)
                .Add("recurrence", h.MaintenanceWindow.Recurrence))
            .Add("maintenanceExclusions", h.MaintenanceExclusions.Select(x => new PropertyBag()
                .Add("exclusionName", x.ExclusionName)
                .Add("startTime", x.StartTime)
                .Add("endTime", x.EndTime)
                .Add("exclusionOptions", new PropertyBag().Add("scope", x.Scope)))))
        .Add("loggingService", h.LoggingService)
        .Add("loggingConfig", h.LoggingComponents is not { } logging ? null : new PropertyBag().Add("enableComponents", logging))
        .Add("monitoringService", h.MonitoringService)
        .Add("monitoringConfig", h.MonitoringComponents is not { } monitoring ? null : new PropertyBag().Add("enableComponents", monitoring))
        .Add("enableLegacyAbac", h.EnableLegacyAbac)
        .Add("enableKubernetesAlpha", h.EnableKubernetesAlpha)
        .Add("masterAuth", new PropertyBag()
            .Add("clientCertificateConfig", new PropertyBag().Add("issueClientCertificate", h.IssueClientCertificate)))
        .Add("rbacBindingConfig", new PropertyBag()
            .Add("enableInsecureBindingSystemAuthenticated", h.InsecureBindingSystemAuthenticated)
            .Add("enableInsecureBindingSystemUnauthenticated", h.InsecureBindingSystemUnauthenticated))
        .Add("nodePoolDefaults", new PropertyBag()
            .Add("nodeConfigDefaults", new PropertyBag().Add("insecureKubeletReadonlyPortEnabled", h.KubeletReadonlyPort)))
        .Add("resourceLabels", h.ResourceLabels);
}
