using SecureServing.Core.Config;

namespace SecureServing.Core.Tests.Fixtures;

/// <summary>
/// Perimeter blocks with every field set (ingress, egress, access-level conditions), for the checks that walk every
/// block the GCP plan can render. Also compiled into the Pulumi tests (linked), which check the same blocks against
/// the SDK's inputs.
/// </summary>
internal static class PerimeterBlocks
{
    public static readonly IngressPolicyConfig Ingress = new()
    {
        Title = "ingress",
        Identities = ["serviceAccount:ci@acme-ops.iam.gserviceaccount.com"],
        Sources = [new IngressSourceConfig("conditions", null), new IngressSourceConfig(null, "projects/333333333333"), new IngressSourceConfig("*", null)],
        Resources = ["*"],
        Operations = [new ApiOperationConfig("storage.googleapis.com", ["google.storage.objects.get"], []), new ApiOperationConfig("pubsub.googleapis.com", [], ["pubsub.topics.publish"])],
    };

    public static readonly EgressPolicyConfig Egress = new()
    {
        Title = "egress",
        IdentityType = PerimeterIdentityType.AnyServiceAccount,
        Resources = ["projects/444444444444"],
        Operations = [new ApiOperationConfig("*", [], [])],
    };

    public static readonly AccessLevelConfig Level = new()
    {
        Name = "conditions",
        Regions = ["DE"],
        Members = ["user:platform-admin@example.com"],
        VpcNetworkSources = [new VpcNetworkSourceConfig("//compute.googleapis.com/projects/acme-ml-dev/global/networks/ss-dev-vpc", ["10.10.0.0/20"])],
        DevicePolicy = new DevicePolicyConfig { RequireScreenLock = true, EncryptedStorage = true, OsConstraints = [new OsConstraintConfig(DeviceOs.DesktopMac, "14.4")] },
    };

    /// <summary><paramref name="perimeter"/> under a created, scoped access policy with every block, and with
    /// <paramref name="dryRun"/> the same policies in dry run beside enforcement.</summary>
    public static PerimeterConfig Everywhere(PerimeterConfig perimeter, bool dryRun) => perimeter with
    {
        AccessPolicy = new AccessPolicyRef { Create = true, Title = "acme", Scope = "projects/111111111111" },
        IngressPolicies = [Ingress],
        EgressPolicies = [Egress],
        AccessLevels = [.. perimeter.AccessLevels, Level],
        DryRun = dryRun ? new PerimeterDryRunConfig { IngressPolicies = [Ingress], EgressPolicies = [Egress] } : null,
    };
}
