using System.Collections.Immutable;
using Pulumi;
using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>Registered inputs of the hardening settings: Binary Authorization, KMS, notifications, labels.</summary>
[Collection(ShippedRunsCollection.Name)]
public sealed class HardeningComponentTests(ShippedRuns runs)
{
    [Theory]
    [InlineData("dev", "DRYRUN_AUDIT_LOG_ONLY", null)]
    [InlineData("prod", "ENFORCED_BLOCK_AND_AUDIT_LOG", true)]
    public void The_admission_policy_denies_all_but_the_stack_registry_enforced_only_in_prod(string stack, string enforcement, bool? protect)
    {
        var run = runs[stack];
        var policy = run.Inputs(GcpResourceTypes.BinaryAuthorizationPolicy, "binary-authorization-policy");

        Assert.Equal("ALWAYS_DENY", Values.Text(policy, "defaultAdmissionRule.evaluationMode"));
        Assert.Equal(enforcement, Values.Text(policy, "defaultAdmissionRule.enforcementMode"));
        Assert.Equal("ENABLE", Values.Text(policy, "globalPolicyEvaluationMode"));
        Assert.Equal([$"europe-west4-docker.pkg.dev/acme-ml-{stack}/**"], Values.Objects(policy, "admissionWhitelistPatterns").Select(p => Values.Text(p, "namePattern")));
        Assert.Equal(protect, run.OptionsOf("binary-authorization-policy").Protect);
        Assert.Equal("PROJECT_SINGLETON_POLICY_ENFORCE", Values.Text(run.Inputs(GcpResourceTypes.Cluster, "cluster-gke"), "binaryAuthorization.evaluationMode"));
    }

    [Theory]
    [InlineData("dev", "111111111111", null)]
    [InlineData("prod", "222222222222", true)]
    public void Secrets_and_boot_disks_are_encrypted_with_rotated_stack_keys_the_service_agents_may_use(string stack, string number, bool? protect)
    {
        var run = runs[stack];
        var ring = run.Inputs(GcpResourceTypes.KeyRing, "kms-key-ring");
        Assert.Equal($"ss-{stack}-keys-{MockState.HexOf("kms-key-ring-suffix")}", Values.Text(ring, "name"));
        Assert.Equal("europe-west4", Values.Text(ring, "location"));
        foreach (var key in new[] { "kms-secrets-key", "kms-boot-disks-key" })
        {
            var inputs = run.Inputs(GcpResourceTypes.CryptoKey, key);
            Assert.Equal("7776000s", Values.Text(inputs, "rotationPeriod"));
            Assert.Equal(MockState.IdOf("kms-key-ring"), Values.Text(inputs, "keyRing"));
            Assert.Equal(protect, run.OptionsOf(key).Protect);
        }

        Assert.Equal(protect, run.OptionsOf("kms-key-ring").Protect);
        var gke = run.Inputs(GcpResourceTypes.CryptoKeyIamMember, "kms-secrets-gke-agent");
        Assert.Equal($"serviceAccount:service-{number}@container-engine-robot.iam.gserviceaccount.com", Values.Text(gke, "member"));
        Assert.Equal("roles/cloudkms.cryptoKeyEncrypterDecrypter", Values.Text(gke, "role"));
        Assert.Equal(MockState.IdOf("kms-secrets-key"), Values.Text(gke, "cryptoKeyId"));
        Assert.Equal($"serviceAccount:service-{number}@compute-system.iam.gserviceaccount.com",
            Values.Text(run.Inputs(GcpResourceTypes.CryptoKeyIamMember, "kms-boot-disks-compute-agent"), "member"));
        // Grants are not critical: they are recreated as they were.
        Assert.Null(run.OptionsOf("kms-secrets-gke-agent").Protect);

        var cluster = run.Inputs(GcpResourceTypes.Cluster, "cluster-gke");
        Assert.Equal("ENCRYPTED", Values.Text(cluster, "databaseEncryption.state"));
        Assert.Equal(MockState.IdOf("kms-secrets-key"), Values.Text(cluster, "databaseEncryption.keyName"));
        Assert.Equal(MockState.IdOf("kms-boot-disks-key"), Values.Text(run.Inputs(GcpResourceTypes.NodePool, "cluster-pool-serving"), "nodeConfig.bootDiskKmsKey"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Security_bulletins_are_published_to_the_stack_topic(string stack)
    {
        var run = runs[stack];
        var cluster = run.Inputs(GcpResourceTypes.Cluster, "cluster-gke");
        Assert.True(Values.Flag(cluster, "notificationConfig.pubsub.enabled"));
        Assert.Equal(MockState.IdOf("notifications-topic"), Values.Text(cluster, "notificationConfig.pubsub.topic"));
        Assert.Equal(["SECURITY_BULLETIN_EVENT"], Values.Texts(cluster, "notificationConfig.pubsub.filter.eventTypes"));
        Assert.Equal(["europe-west4"], Values.Texts(run.Inputs(GcpResourceTypes.PubSubTopic, "notifications-topic"), "messageStoragePolicy.allowedPersistenceRegions"));
    }

    [Fact]
    public void Prod_maps_groups_rbac_intranode_visibility_posture_and_control_plane_logs()
    {
        var cluster = runs["prod"].Inputs(GcpResourceTypes.Cluster, "cluster-gke");

        Assert.Equal("gke-security-groups@example.com", Values.Text(cluster, "authenticatorGroupsConfig.securityGroup"));
        Assert.True(Values.Flag(cluster, "enableIntranodeVisibility"));
        Assert.Equal("BASIC", Values.Text(cluster, "securityPostureConfig.mode"));
        Assert.Equal(["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"], Values.Texts(cluster, "loggingConfig.enableComponents"));
        Assert.Equal("FREQ=WEEKLY;BYDAY=SA,SU", Values.Text(cluster, "maintenancePolicy.recurringWindow.recurrence"));
        Assert.False(Values.Flag(cluster, "masterAuth.clientCertificateConfig.issueClientCertificate"));
        Assert.False(Values.Flag(cluster, "enableLegacyAbac"));
        Assert.Equal("FALSE", Values.Text(runs["prod"].Inputs(GcpResourceTypes.NodePool, "cluster-pool-serving"), "nodeConfig.kubeletConfig.insecureKubeletReadonlyPortEnabled"));
        Assert.False(Values.Has(runs["dev"].Inputs(GcpResourceTypes.Cluster, "cluster-gke"), "authenticatorGroupsConfig"));
    }

    /// <summary>Labellable = the SDK's args class has a <c>labels</c> or <c>resourceLabels</c> input (its <c>[Input]</c> attributes, by reflection: <see cref="SdkInputs"/>), not a hand-kept list.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_registered_labellable_resource_carries_the_stack_labels(string stack)
    {
        var run = runs[stack];
        var labelled = 0;
        foreach (var registration in run.GcpRegistrations)
        {
            if (LabelInput(registration.Type!) is not { } input)
            {
                continue;
            }

            labelled++;
            Assert.True(Values.Has(registration.Inputs, input), $"{registration.Name} ({registration.Type}) has no {input}");
            Assert.Equal(stack, Values.Text(registration.Inputs, $"{input}.environment"));
            Assert.True(Values.Has(registration.Inputs, $"{input}.team"), $"{registration.Name} has no team label");
        }

        Assert.True(labelled >= 8, $"only {labelled} labellable resources");
    }

    [Fact]
    public void Prod_buckets_topic_and_image_caches_register_their_keys_and_the_caches_are_replaced_delete_first()
    {
        var run = runs["prod"];

        Assert.Equal(MockState.IdOf("kms-buckets-key"), Values.Text(run.Inputs(GcpResourceTypes.Bucket, "team-fraud-bucket"), "encryption.defaultKmsKeyName"));
        Assert.Equal(MockState.IdOf("kms-notifications-key"), Values.Text(run.Inputs(GcpResourceTypes.PubSubTopic, "notifications-topic"), "kmsKeyName"));
        Assert.Equal(MockState.IdOf("kms-images-key"), Values.Text(run.Inputs(GcpResourceTypes.ArtifactRegistryRepository, "image-supply-quay-io"), "kmsKeyName"));
        Assert.Equal("pubsub.googleapis.com", Values.Text(run.Inputs(GcpResourceTypes.ServiceIdentity, "kms-pubsub-agent"), "service"));
        Assert.True(Assert.IsType<CustomResourceOptions>(run.OptionsOf("image-supply-quay-io")).DeleteBeforeReplace);
        Assert.Null(Assert.IsType<CustomResourceOptions>(run.OptionsOf("team-fraud-bucket")).DeleteBeforeReplace);
    }

    [Fact]
    public async Task Existing_keys_reach_their_resources_as_named_and_the_stack_creates_no_key_ring()
    {
        var run = await ProgramRun.GcpLayerAsync(Composition.GcpEquivalenceTests.Variant(ProgramRun.Load("dev"), "existing-keys"));

        Assert.Equal("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/buckets",
            Values.Text(run.Inputs(GcpResourceTypes.Bucket, "team-fraud-bucket"), "encryption.defaultKmsKeyName"));
        Assert.Equal("projects/acme-kms/locations/europe-west4/keyRings/gke/cryptoKeys/notifications",
            Values.Text(run.Inputs(GcpResourceTypes.PubSubTopic, "notifications-topic"), "kmsKeyName"));
        Assert.DoesNotContain(run.Mocks.Registered, r => r.Type is GcpResourceTypes.KeyRing or GcpResourceTypes.CryptoKeyIamMember or GcpResourceTypes.ServiceIdentity);
        Assert.DoesNotContain(run.Mocks.Calls, c => c.StartsWith("gcp:storage/getProjectServiceAccount", StringComparison.Ordinal));
    }

    private static string? LabelInput(string type) => SdkInputs.LabelsInput(type);
}
