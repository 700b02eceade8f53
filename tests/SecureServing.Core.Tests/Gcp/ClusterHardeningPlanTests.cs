using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.Gcp;

/// <summary>The cluster settings hardened organizations check, as the plan renders them.</summary>
public sealed class ClusterHardeningPlanTests
{
    private static PlatformConfig WithCluster(PlatformConfig config, Func<ClusterConfig, ClusterConfig> change) =>
        config with { Cluster = change(config.Cluster) };

    [Fact]
    public void Prod_enforces_binary_authorization_admitting_only_the_stack_registry_and_gke_system_images()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Prod());

        Assert.Equal("PROJECT_SINGLETON_POLICY_ENFORCE", plan.Single("cluster-gke").Str("binaryAuthorization.evaluationMode"));
        var policy = plan.Single("binary-authorization-policy");
        Assert.Equal("ENFORCED_BLOCK_AND_AUDIT_LOG", policy.Str("defaultAdmissionRule.enforcementMode"));
        Assert.Equal("ALWAYS_DENY", policy.Str("defaultAdmissionRule.evaluationMode"));
        Assert.Equal("ENABLE", policy.Str("globalPolicyEvaluationMode"));
        Assert.Equal("europe-west4-docker.pkg.dev/acme-ml-prod/**", Assert.Single(policy.At("admissionWhitelistPatterns")!.AsArray())!["namePattern"]!.GetValue<string>());
        Assert.True(plan.BinaryAuthorization!.Protect);
    }

    [Fact]
    public void Dev_evaluates_the_same_policy_in_dry_run_so_violations_are_only_logged()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Dev());

        Assert.Equal("PROJECT_SINGLETON_POLICY_ENFORCE", plan.Single("cluster-gke").Str("binaryAuthorization.evaluationMode"));
        Assert.Equal("DRYRUN_AUDIT_LOG_ONLY", plan.Single("binary-authorization-policy").Str("defaultAdmissionRule.enforcementMode"));
        Assert.False(plan.BinaryAuthorization!.Protect);
    }

    [Fact]
    public void Disabled_binary_authorization_creates_no_policy_and_enables_no_api()
    {
        var config = TestConfigs.Dev() with { BinaryAuthorization = new BinaryAuthorizationConfig { Mode = BinaryAuthorizationMode.Disabled } };
        var plan = GcpPlanner.Plan(config);

        Assert.Equal("DISABLED", plan.Single("cluster-gke").Str("binaryAuthorization.evaluationMode"));
        Assert.Empty(plan.OfType(GcpResourceTypes.BinaryAuthorizationPolicy));
        Assert.DoesNotContain(plan.Resources, r => r.Str("service") == "binaryauthorization.googleapis.com");
    }

    [Fact]
    public void Configured_patterns_are_admitted_after_the_stack_registry()
    {
        var config = TestConfigs.Prod() with { BinaryAuthorization = new BinaryAuthorizationConfig { AdmitImages = ["europe-docker.pkg.dev/acme-mirror/istio/**"] } };
        var patterns = GcpPlanner.Plan(config).Single("binary-authorization-policy").At("admissionWhitelistPatterns")!.AsArray()
            .Select(p => p!["namePattern"]!.GetValue<string>());

        Assert.Equal(["europe-west4-docker.pkg.dev/acme-ml-prod/**", "europe-docker.pkg.dev/acme-mirror/istio/**"], patterns);
    }

    [Theory]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-prod/models/sklearn:v1", true)]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-prod/a/b/c@sha256:0123", true)]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-prod", false)]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-prodx/models/sklearn:v1", false)]
    [InlineData("europe-west4-docker.pkg.dev/other/models/sklearn:v1", false)]
    [InlineData("gcr.io/acme/tool:1", true)]
    [InlineData("gcr.io/acme/tool/sub:1", false)]
    [InlineData("docker.io/library/nginx:1.27", false)]
    public void Admission_follows_binary_authorization_wildcards(string image, bool admitted)
    {
        string[] patterns = ["europe-west4-docker.pkg.dev/acme-ml-prod/**", "gcr.io/acme/*"];

        Assert.Equal(admitted, BinaryAuthorizationPlanner.Admits(patterns, image));
    }

    [Fact]
    public void Secrets_and_boot_disks_use_rotated_keys_the_stack_creates_once_their_service_agents_may_use_them()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Prod());

        Assert.Equal("ss-prod-keys-${kms-key-ring-suffix.hex}", plan.Single("kms-key-ring").Str("name"));
        Assert.Equal("europe-west4", plan.Single("kms-key-ring").Str("location"));
        foreach (var key in new[] { "kms-secrets-key", "kms-boot-disks-key" })
        {
            Assert.Equal("7776000s", plan.Single(key).Str("rotationPeriod"));
            Assert.Equal("${kms-key-ring.id}", plan.Single(key).Str("keyRing"));
        }

        var secretsGrant = plan.Single("kms-secrets-gke-agent");
        Assert.Equal("${kms-secrets-key.id}", secretsGrant.Str("cryptoKeyId"));
        Assert.Equal("roles/cloudkms.cryptoKeyEncrypterDecrypter", secretsGrant.Str("role"));
        Assert.Equal("serviceAccount:service-222222222222@container-engine-robot.iam.gserviceaccount.com", secretsGrant.Str("member"));
        Assert.Equal("serviceAccount:service-222222222222@compute-system.iam.gserviceaccount.com", plan.Single("kms-boot-disks-compute-agent").Str("member"));

        var cluster = plan.Single("cluster-gke");
        Assert.Equal("ENCRYPTED", cluster.Str("databaseEncryption.state"));
        // Through the grant's output: the cluster is created only after the GKE service agent may use the key.
        Assert.Equal("${kms-secrets-gke-agent.cryptoKeyId}", cluster.Str("databaseEncryption.keyName"));
        Assert.Equal("${kms-boot-disks-compute-agent.cryptoKeyId}", cluster.Str("nodeConfig.bootDiskKmsKey"));
        Assert.Equal(["cluster-pool-serving"], plan.OfType(GcpResourceTypes.NodePool).Select(p => p.Name));
        Assert.All(plan.OfType(GcpResourceTypes.NodePool), pool => Assert.Equal("${kms-boot-disks-compute-agent.cryptoKeyId}", pool.Str("nodeConfig.bootDiskKmsKey")));
        Assert.True(plan.Kms!.Protect);
        Assert.False(GcpPlanner.Plan(TestConfigs.Dev()).Kms!.Protect);
    }

    [Fact]
    public void Rotation_follows_config()
    {
        var config = TestConfigs.Dev() with { Kms = new KmsConfig { RotationDays = 30 } };

        Assert.Equal("2592000s", GcpPlanner.Plan(config).Single("kms-secrets-key").Str("rotationPeriod"));
    }

    [Fact]
    public void An_existing_key_is_used_by_name_and_nothing_is_created_or_granted_for_it()
    {
        const string key = "projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/secrets";
        var config = WithCluster(TestConfigs.Prod(), c => c with { SecretsEncryption = KmsKeyChoice.Existing(key) });
        var plan = GcpPlanner.Plan(config);

        Assert.Equal(key, plan.Single("cluster-gke").Str("databaseEncryption.keyName"));
        Assert.DoesNotContain(plan.Resources, r => r.Name.StartsWith("kms-secrets", StringComparison.Ordinal));
        Assert.Equal("${kms-boot-disks-compute-agent.cryptoKeyId}", plan.Single("cluster-pool-serving").Str("nodeConfig.bootDiskKmsKey"));
    }

    [Fact]
    public void None_leaves_google_managed_encryption_and_creates_no_kms_resources()
    {
        var dev = WithCluster(TestConfigs.Dev(), c => c with { SecretsEncryption = KmsKeyChoice.None, BootDiskEncryption = KmsKeyChoice.None });
        var config = dev with { Kms = dev.Kms with { Buckets = KmsKeyChoice.None, Notifications = KmsKeyChoice.None, Images = KmsKeyChoice.None } };
        var plan = GcpPlanner.Plan(config);

        Assert.Equal("DECRYPTED", plan.Single("cluster-gke").Str("databaseEncryption.state"));
        Assert.Null(plan.Single("cluster-gke").At("databaseEncryption.keyName"));
        Assert.Null(plan.Single("cluster-pool-serving").At("nodeConfig.bootDiskKmsKey"));
        Assert.Null(plan.Single("team-fraud-bucket").At("encryption"));
        Assert.Null(plan.Single("notifications-topic").At("kmsKeyName"));
        Assert.Null(plan.Kms);
        Assert.DoesNotContain(plan.Resources, r => r.Str("service") == "cloudkms.googleapis.com");
    }

    [Fact]
    public void Buckets_topic_and_image_cache_use_their_own_keys_granted_to_agents_that_exist_first()
    {
        var plan = GcpPlanner.Plan(SecureServing.Core.Validation.StackCheck.Run(Config.TempRepo.RepoRoot(), "prod").Config!);

        Assert.Equal("${kms-buckets-storage-agent.cryptoKeyId}", plan.Single("team-fraud-bucket").Str("encryption.defaultKmsKeyName"));
        Assert.Equal("${kms-notifications-pubsub-agent.cryptoKeyId}", plan.Single("notifications-topic").Str("kmsKeyName"));
        Assert.Equal("${kms-images-artifactregistry-agent.cryptoKeyId}", plan.Single("image-supply-docker-io").Str("kmsKeyName"));
        Assert.Equal("serviceAccount:service-222222222222@gs-project-accounts.iam.gserviceaccount.com", plan.Single("kms-buckets-storage-agent").Str("member"));
        Assert.Equal("serviceAccount:service-222222222222@gcp-sa-pubsub.iam.gserviceaccount.com", plan.Single("kms-notifications-pubsub-agent").Str("member"));
        Assert.Equal("serviceAccount:service-222222222222@gcp-sa-artifactregistry.iam.gserviceaccount.com", plan.Single("kms-images-artifactregistry-agent").Str("member"));
        Assert.Equal(["team-buckets", "cluster-notifications", "image-cache"], plan.Kms!.Keys.Skip(2).Select(k => k.Name));
        Assert.Equal(["pubsub.googleapis.com", "artifactregistry.googleapis.com"], plan.Kms.ServiceIdentities.Select(i => i.Service));
        // GKE's and Compute Engine's agents exist with their APIs; Cloud Storage's is looked up; Pub/Sub's and Artifact Registry's are created.
        Assert.Equal([null, null, plan.Kms.KeyRing.Project, null, null], plan.Kms.Grants.Select(g => g.StorageAgentLookupProject));
        Assert.Equal([null, null, null, "kms-pubsub-agent", "kms-artifactregistry-agent"], plan.Kms.Grants.Select(g => g.WaitsForServiceIdentity));
        Assert.Equal(plan.Kms.ServiceIdentities.Select(i => i.LogicalName), plan.Kms.Grants.Select(g => g.WaitsForServiceIdentity).OfType<string>());
        Assert.Equal("kms-pubsub-agent", plan.Kms.Grants.Single(g => g.LogicalName == "kms-notifications-pubsub-agent").WaitsForServiceIdentity);
    }

    [Fact]
    public void Security_bulletins_go_to_a_topic_the_stack_creates_in_its_region()
    {
        var plan = GcpPlanner.Plan(TestConfigs.Prod());
        var topic = plan.Single("notifications-topic");
        var cluster = plan.Single("cluster-gke");

        Assert.Equal("ss-prod-gke-notifications", topic.Str("name"));
        Assert.Equal(["europe-west4"], topic.Strings("messageStoragePolicy.allowedPersistenceRegions"));
        Assert.True(cluster.Bool("notificationConfig.pubsub.enabled"));
        Assert.Equal("${notifications-topic.id}", cluster.Str("notificationConfig.pubsub.topic"));
        Assert.Equal(["SECURITY_BULLETIN_EVENT"], cluster.Strings("notificationConfig.pubsub.filter.eventTypes"));
    }

    [Fact]
    public void Notifications_off_means_no_topic_and_no_notification_config()
    {
        var config = WithCluster(TestConfigs.Dev(), c => c with { Notifications = new ClusterNotificationsConfig { Enabled = false } });
        var plan = GcpPlanner.Plan(config);

        Assert.Empty(plan.OfType(GcpResourceTypes.PubSubTopic));
        Assert.Null(plan.Single("cluster-gke").At("notificationConfig"));
        Assert.DoesNotContain(plan.Resources, r => r.Str("service") == "pubsub.googleapis.com");
    }

    [Fact]
    public void Google_groups_intranode_visibility_posture_and_legacy_features_are_set()
    {
        var cluster = GcpPlanner.Plan(TestConfigs.Prod()).Single("cluster-gke");

        Assert.Equal("gke-security-groups@example.com", cluster.Str("authenticatorGroupsConfig.securityGroup"));
        Assert.True(cluster.Bool("enableIntranodeVisibility"));
        Assert.Equal("BASIC", cluster.Str("securityPostureConfig.mode"));
        Assert.Equal("VULNERABILITY_DISABLED", cluster.Str("securityPostureConfig.vulnerabilityMode"));
        Assert.False(cluster.Bool("enableLegacyAbac"));
        Assert.False(cluster.Bool("enableKubernetesAlpha"));
        Assert.False(cluster.Bool("masterAuth.clientCertificateConfig.issueClientCertificate"));
        Assert.False(cluster.Bool("rbacBindingConfig.enableInsecureBindingSystemAuthenticated"));
        Assert.False(cluster.Bool("rbacBindingConfig.enableInsecureBindingSystemUnauthenticated"));
        Assert.Equal("FALSE", cluster.Str("nodePoolDefaults.nodeConfigDefaults.insecureKubeletReadonlyPortEnabled"));
        Assert.Equal("FALSE", cluster.Str("nodeConfig.kubeletConfig.insecureKubeletReadonlyPortEnabled"));
        Assert.Equal("COS_CONTAINERD", cluster.Str("nodeConfig.imageType"));
    }

    [Fact]
    public void No_security_group_leaves_authenticator_groups_unset()
    {
        Assert.Null(GcpPlanner.Plan(TestConfigs.Dev()).Single("cluster-gke").At("authenticatorGroupsConfig"));
    }

    [Fact]
    public void Maintenance_window_and_exclusions_follow_config()
    {
        var config = WithCluster(TestConfigs.Prod(), c => c with
        {
            Maintenance = new MaintenanceConfig
            {
                Window = new MaintenanceWindow("2026-01-05T01:00:00Z", "2026-01-05T05:00:00Z", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"),
                Exclusions = [new MaintenanceExclusion("year-end freeze", "2026-12-20T00:00:00Z", "2027-01-05T00:00:00Z", MaintenanceExclusionScope.NoMinorUpgrades)],
            },
        });
        var cluster = GcpPlanner.Plan(config).Single("cluster-gke");

        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", cluster.Str("maintenancePolicy.recurringWindow.recurrence"));
        Assert.Equal("2026-01-05T01:00:00Z", cluster.Str("maintenancePolicy.recurringWindow.startTime"));
        Assert.Equal("year-end freeze", cluster.Str("maintenancePolicy.maintenanceExclusions.0.exclusionName"));
        Assert.Equal("NO_MINOR_UPGRADES", cluster.Str("maintenancePolicy.maintenanceExclusions.0.exclusionOptions.scope"));
    }

    [Fact]
    public void Prod_logs_and_monitors_the_control_plane_dev_only_system_and_workloads()
    {
        var prod = GcpPlanner.Plan(TestConfigs.Prod()).Single("cluster-gke");
        var dev = GcpPlanner.Plan(TestConfigs.Dev()).Single("cluster-gke");

        Assert.Equal("logging.googleapis.com/kubernetes", prod.Str("loggingService"));
        Assert.Equal(["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"], prod.Strings("loggingConfig.enableComponents"));
        Assert.Equal(["SYSTEM_COMPONENTS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"], prod.Strings("monitoringConfig.enableComponents"));
        Assert.Equal(["SYSTEM_COMPONENTS", "WORKLOADS"], dev.Strings("loggingConfig.enableComponents"));
        Assert.Equal(["SYSTEM_COMPONENTS"], dev.Strings("monitoringConfig.enableComponents"));
        Assert.Equal("monitoring.googleapis.com/kubernetes", dev.Str("monitoringService"));
    }

    [Fact]
    public void No_logging_components_switch_the_logging_service_off()
    {
        var cluster = GcpPlanner.Plan(WithCluster(TestConfigs.Dev(), c => c with { Logging = [] })).Single("cluster-gke");

        Assert.Equal("none", cluster.Str("loggingService"));
        Assert.Null(cluster.At("loggingConfig"));
    }

    [Fact]
    public void Confidential_nodes_only_on_the_pools_that_ask_for_them()
    {
        var config = WithCluster(TestConfigs.Prod(), c => c with
        {
            NodePools =
            [
                new NodePoolConfig { Name = "serving", MachineType = "n2d-standard-8", ConfidentialNodes = true },
                new NodePoolConfig { Name = "system", MachineType = "e2-standard-4" },
            ],
        });
        var plan = GcpPlanner.Plan(config);

        Assert.True(plan.Single("cluster-pool-serving").Bool("nodeConfig.confidentialNodes.enabled"));
        Assert.Null(plan.Single("cluster-pool-system").At("nodeConfig.confidentialNodes"));
        Assert.Null(plan.Single("cluster-gke").At("nodeConfig.confidentialNodes"));
    }

    [Fact]
    public void An_existing_cluster_gets_no_cluster_keys_topic_or_hardening_resources_but_keeps_the_bucket_key_and_project_policy()
    {
        var config = WithCluster(TestConfigs.Prod(), c => c with { Provider = ClusterProvider.Existing });
        var plan = GcpPlanner.Plan(config);

        Assert.Equal(["team-buckets"], plan.Kms!.Keys.Select(k => k.Name));
        Assert.Null(plan.Notifications);
        Assert.NotNull(plan.BinaryAuthorization);
    }

    [Fact]
    public void Every_logging_and_monitoring_component_has_its_gke_name()
    {
        Assert.Equal(["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"],
            Enum.GetValues<LoggingComponent>().Select(ClusterHardening.ApiName));
        Assert.Equal(["SYSTEM_COMPONENTS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER", "STORAGE", "HPA", "POD", "DAEMONSET", "DEPLOYMENT", "STATEFULSET", "KUBELET", "CADVISOR"],
            Enum.GetValues<MonitoringComponent>().Select(ClusterHardening.ApiName));
    }
}
