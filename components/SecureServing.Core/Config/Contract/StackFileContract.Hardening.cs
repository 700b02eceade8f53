using System.Text.RegularExpressions;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// The hardening keys: Binary Authorization, KMS, labels, and the cluster's and node pools' hardening
/// settings. Defaults that differ between production and other stacks are documented as derived defaults.
/// </summary>
public static partial class StackFileContract
{
    /// <summary>Keys of <c>secure-serving:binaryAuthorization</c>.</summary>
    public static class BinaryAuthorization
    {
        public static readonly ChoiceKey<BinaryAuthorizationMode> Mode = new("mode",
            "Binary Authorization of the project's images: `enforced` refuses images outside the allowlist, `dryRun` admits and audit-logs them, `disabled` evaluates nothing (refused in production unless acknowledged).",
            BinaryAuthorizationMode.Enforced,
            ("enforced", BinaryAuthorizationMode.Enforced), ("dryRun", BinaryAuthorizationMode.DryRun), ("disabled", BinaryAuthorizationMode.Disabled))
        {
            DerivedDefault = "`enforced` in production stacks, else `dryRun`",
        };

        public static readonly TextListKey AdmitImages = new("admitImages",
            "Image name patterns admitted besides the stack's Artifact Registry (`REGION-docker.pkg.dev/PROJECT/**`) and Google's GKE system images, e.g. a mirror of the platform's images. A trailing `*` matches within one path segment, `**` any depth; the first path segment must be literal.")
        {
            ItemFormat = Formats.ImagePattern(),
            ItemTypeName = "image name pattern",
        };

        public static readonly MapKey Map = new(Namespace + "binaryAuthorization",
            "The project's Binary Authorization policy (default rule: deny; allowlist: the stack's Artifact Registry and `admitImages`; Google's system policy for GKE system images) and the cluster's evaluation of it.",
            Mode, AdmitImages);
    }

    /// <summary>Keys of <c>secure-serving:kms</c>.</summary>
    public static class Kms
    {
        public static readonly CountKey RotationDays = new("rotationDays", "Automatic rotation period of every key the stack creates, in days (1-3650).", 90) { Minimum = 1, Maximum = 3650 };

        public static readonly TextKey Buckets = ClusterHardening.KeyChoice("buckets",
            "Customer-managed encryption of the team buckets (the models): each bucket's default key; `create`, an existing key name in the stack's region, or `none` (refused in production unless acknowledged). The Cloud Storage service agent uses the key.");

        public static readonly TextKey Notifications = ClusterHardening.KeyChoice("notifications",
            "Customer-managed encryption of the cluster-notifications Pub/Sub topic, whose messages are then stored only in the stack's region: `create`, an existing key name in the stack's region, or `none` (refused in production unless acknowledged). The Pub/Sub service agent uses the key.");

        public static readonly TextKey Images = ClusterHardening.KeyChoice("images",
            "Customer-managed encryption of the Artifact Registry remote repositories that cache the serving stack's images: `create`, an existing key name in the stack's region, or `none` (refused in production unless acknowledged). The Artifact Registry service agent uses the key.");

        public static readonly MapKey Map = new(Namespace + "kms",
            "Cloud KMS keys the stack creates (for each `create` choice: `cluster.secretsEncryption`, `cluster.bootDiskEncryption`, `kms.buckets`, `kms.notifications`, `kms.images`): one key ring in the stack's region with a random suffix (key rings can never be deleted), one key per purpose, each granted to the service agent that uses it.",
            RotationDays, Buckets, Notifications, Images);
    }

    /// <summary>Keys of <c>secure-serving:labels</c>.</summary>
    public static class Labels
    {
        public static readonly TextKey Environment = Label("environment", "Label `environment`.", "the stack name");
        public static readonly TextKey Team = Label("team", "Label `team` on platform resources (the owning team); a team's own resources carry the team's name.", null);
        public static readonly TextKey CostCentre = Label("costCentre", "Label `cost-centre`.", null);

        public static readonly MapKey Map = new(Namespace + "labels",
            "GCP labels on every labellable resource the stack creates. Other labels: the gcp provider's `gcp:defaultLabels`.",
            Environment, Team, CostCentre);

        private static TextKey Label(string name, string description, string? derived) =>
            new(name, description) { Format = Formats.LabelValue(), TypeName = "label value", DerivedDefault = derived is null ? "none" : derived };
    }

    /// <summary>The hardening keys of <c>secure-serving:cluster</c> and its node pools.</summary>
    public static class ClusterHardening
    {
        public static readonly TextKey SecretsEncryption = KeyChoice("secretsEncryption",
            "Application-layer encryption of Kubernetes Secrets in etcd: `create` (a key the stack creates, rotates and lets the GKE service agent use), an existing key `projects/P/locations/REGION/keyRings/R/cryptoKeys/K` (grant its use yourself), or `none` (Google-managed encryption only; refused in production unless acknowledged).");

        public static readonly TextKey BootDiskEncryption = KeyChoice("bootDiskEncryption",
            "Customer-managed encryption of every node boot disk: `create`, an existing key name, or `none` (refused in production unless acknowledged). The Compute Engine service agent uses the key.");

        public static readonly IReadOnlyList<(string Spelling, ClusterEvent Value)> EventSpellings =
            [("securityBulletin", ClusterEvent.SecurityBulletin), ("upgradeAvailable", ClusterEvent.UpgradeAvailable), ("upgrade", ClusterEvent.Upgrade), ("upgradeInfo", ClusterEvent.UpgradeInfo)];

        public static readonly BoolKey NotificationsEnabled = new("enabled", "Send notifications; `false` in production is refused unless acknowledged.", true);

        /// <summary>The events sent when <c>events</c> is not written.</summary>
        public static readonly IReadOnlyList<ClusterEvent> DefaultEvents = [ClusterEvent.SecurityBulletin];

        public static readonly MapKey Notifications = new("notifications",
            "GKE cluster notifications to a Pub/Sub topic the stack creates (`<deploymentName>-gke-notifications`).",
            NotificationsEnabled,
            new TextListKey("events", "Event types to send.") { Default = Spellings(DefaultEvents, EventSpellings), ItemFormat = Spelled(EventSpellings), ItemTypeName = Listed(EventSpellings) });

        public static readonly BoolKey IntranodeVisibility = new("intranodeVisibility",
            "Pod-to-pod traffic on one node goes through the VPC network (VPC flow logs and firewall see it); `false` in production is refused unless acknowledged.", true);

        public static readonly ChoiceKey<SecurityPostureMode> PostureMode = new("mode", "GKE security posture: configuration auditing of workloads.",
            SecurityPostureMode.Basic, ("disabled", SecurityPostureMode.Disabled), ("basic", SecurityPostureMode.Basic), ("enterprise", SecurityPostureMode.Enterprise));

        public static readonly ChoiceKey<VulnerabilityScanning> VulnerabilityScanning = new("vulnerabilityScanning",
            "Workload vulnerability scanning; GKE Standard edition no longer offers it, `enterprise` needs GKE Enterprise.",
            Config.VulnerabilityScanning.Disabled, ("disabled", Config.VulnerabilityScanning.Disabled), ("enterprise", Config.VulnerabilityScanning.Enterprise));

        public static readonly MapKey SecurityPosture = new("securityPosture", "GKE security posture.", PostureMode, VulnerabilityScanning);

        public static readonly MapKey Window = new("window",
            "A recurring maintenance window: its first occurrence from `start` to `end` (4 to 24 hours), repeated by `recurrence`; GKE needs at least 48 hours in any 32 days.",
            new TextKey("start", "First start, UTC.") { Required = true, Format = Formats.UtcTime(), TypeName = "`YYYY-MM-DDTHH:MM:SSZ`" },
            new TextKey("end", "First end, UTC.") { Required = true, Format = Formats.UtcTime(), TypeName = "`YYYY-MM-DDTHH:MM:SSZ`" },
            new TextKey("recurrence", "`FREQ=DAILY` or `FREQ=WEEKLY;BYDAY=<days>` (days `MO`..`SU`).") { Required = true, Format = Formats.Recurrence(), TypeName = "RRULE" })
        {
            DerivedDefault = "Saturday and Sunday 00:00-08:00 UTC",
        };

        public static readonly ChoiceKey<MaintenanceExclusionScope> ExclusionScope = new("scope",
            "What is held back: `noUpgrades` (nothing, at most 30 days), `noMinorUpgrades` (patches still apply) or `noMinorOrNodeUpgrades`.",
            MaintenanceExclusionScope.NoMinorUpgrades,
            ("noUpgrades", MaintenanceExclusionScope.NoUpgrades), ("noMinorUpgrades", MaintenanceExclusionScope.NoMinorUpgrades), ("noMinorOrNodeUpgrades", MaintenanceExclusionScope.NoMinorOrNodeUpgrades));

        public static readonly MapKey Exclusion = new("exclusions[]", "One maintenance exclusion.",
            new TextKey("name", "Name: ASCII letters, digits, spaces (not first or last), `_` and `-`.") { Required = true, Format = Formats.ExclusionName() },
            new TextKey("start", "Start, UTC.") { Required = true, Format = Formats.UtcTime(), TypeName = "`YYYY-MM-DDTHH:MM:SSZ`" },
            new TextKey("end", "End, UTC, after `start`.") { Required = true, Format = Formats.UtcTime(), TypeName = "`YYYY-MM-DDTHH:MM:SSZ`" },
            ExclusionScope);

        public static readonly MapKey Maintenance = new("maintenance", "When GKE may upgrade the cluster, and when not.",
            Window, new MapListKey("exclusions", "Periods without (some) upgrades.", Exclusion));

        public static readonly IReadOnlyList<(string Spelling, LoggingComponent Value)> LoggingSpellings =
            [.. Enum.GetValues<LoggingComponent>().Select(v => (Camel(v), v))];

        public static readonly IReadOnlyList<(string Spelling, MonitoringComponent Value)> MonitoringSpellings =
            [.. Enum.GetValues<MonitoringComponent>().Select(v => (Camel(v), v))];

        public static readonly TextListKey Logging = new("logging",
            "GKE components sending logs to Cloud Logging; `systemComponents` is required when any is listed; empty: logging off (refused in production unless acknowledged).")
        {
            ItemFormat = Spelled(LoggingSpellings),
            ItemTypeName = Listed(LoggingSpellings),
            DerivedDefault = "`systemComponents`, `workloads`; in production also `apiServer`, `scheduler`, `controllerManager`",
        };

        public static readonly TextListKey Monitoring = new("monitoring",
            "GKE components sending metrics to Cloud Monitoring; `systemComponents` is required when any is listed.")
        {
            ItemFormat = Spelled(MonitoringSpellings),
            ItemTypeName = Listed(MonitoringSpellings),
            DerivedDefault = "`systemComponents`; in production also `apiServer`, `scheduler`, `controllerManager`",
        };

        public static readonly BoolKey ConfidentialNodes = new("confidentialNodes",
            "Confidential GKE Nodes (memory encrypted with AMD SEV); needs an `n2d-`, `c2d-` or `c3d-` machine type.", false);

        /// <summary>The spelling of <see cref="DefaultKeyChoice"/>.</summary>
        public const string CreateKey = "create";

        /// <summary>The spelling of <see cref="KmsKeyChoice.None"/>.</summary>
        public const string NoKey = "none";

        /// <summary>What every key choice (<c>secretsEncryption</c>, <c>bootDiskEncryption</c>, <c>kms.buckets</c>, ...) is when not written: a key the stack creates.</summary>
        public static readonly KmsKeyChoice DefaultKeyChoice = KmsKeyChoice.Create;

        internal static TextKey KeyChoice(string name, string description) =>
            new(name, description) { Default = CreateKey, TypeName = "`create` | `none` | KMS key name" };

        private static string Camel<T>(T value)
            where T : struct, Enum
        {
            var name = value.ToString();
            return char.ToLowerInvariant(name[0]) + name[1..];
        }

        private static Regex Spelled<T>(IEnumerable<(string Spelling, T Value)> spellings) =>
            new(@"\A(" + string.Join('|', spellings.Select(s => Regex.Escape(s.Spelling))) + @")\z", RegexOptions.CultureInvariant);

        private static string[] Spellings<T>(IEnumerable<T> values, IEnumerable<(string Spelling, T Value)> spellings) =>
            [.. values.Select(v => spellings.Single(s => EqualityComparer<T>.Default.Equals(s.Value, v)).Spelling)];

        private static string Listed<T>(IEnumerable<(string Spelling, T Value)> spellings) => string.Join(" | ", spellings.Select(s => $"`{s.Spelling}`"));
    }
}
