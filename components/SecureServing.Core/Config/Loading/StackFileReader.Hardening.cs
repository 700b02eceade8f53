using System.Globalization;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// The hardening settings: Binary Authorization, KMS, labels, and the cluster's hardening keys (secrets and boot-disk
/// encryption, Google Groups for RBAC, notifications, security posture, maintenance, logging and monitoring).
/// Defaults that differ between production and other stacks are filled in here.
/// </summary>
internal static partial class StackFileReader
{
    /// <summary>GKE asks a maintenance window for at least 48 hours in any 32 days, in blocks of at least 4 hours.</summary>
    private const int MinWindowHours = 4;
    private const int MinAvailabilityHours = 48;
    private const int MaxNoUpgradesDays = 30;

    private static BinaryAuthorizationConfig ReadBinaryAuthorization(YamlMap config, bool isProduction)
    {
        var defaults = new BinaryAuthorizationConfig { Mode = isProduction ? BinaryAuthorizationMode.Enforced : BinaryAuthorizationMode.DryRun };
        var ba = config.Map(Namespace + "binaryAuthorization");
        if (ba is null)
        {
            return defaults;
        }

        var patterns = ba.Strings("admitImages") ?? [];
        CheckMembers(config.Ctx, ba.Child("admitImages"), patterns, Formats.ImagePattern().IsMatch,
            "an image name pattern `HOST/PATH/**` whose first path segment is literal (e.g. `europe-docker.pkg.dev/acme-mirror/istio/**`)");
        var result = defaults with
        {
            Mode = ba.Enum(StackFileContract.BinaryAuthorization.Mode) ?? defaults.Mode,
            AdmitImages = patterns,
        };
        ba.Finish();
        return result;
    }

    private static KmsConfig ReadKms(YamlMap config, string region)
    {
        var kms = config.Map(Namespace + "kms");
        var result = new KmsConfig();
        if (kms is null)
        {
            return result;
        }

        if (kms.Int("rotationDays") is { } days)
        {
            var key = StackFileContract.Kms.RotationDays;
            if (days < key.Minimum || days > key.Maximum)
            {
                config.Ctx.Report(RuleCatalog.InvalidValue, kms.Child("rotationDays"), kms.Value("rotationDays"),
                    $"`{kms.Child("rotationDays")}` is {days}; Cloud KMS rotates at most daily, and this project allows at most {key.Maximum} days.", $"Set `rotationDays` between {key.Minimum} and {key.Maximum} ({key.Default} is the default).");
            }
            else
            {
                result = result with { RotationDays = days };
            }
        }

        result = result with
        {
            Buckets = KeyChoice(kms, StackFileContract.Kms.Buckets.Name, region) ?? result.Buckets,
            Notifications = KeyChoice(kms, StackFileContract.Kms.Notifications.Name, region) ?? result.Notifications,
            Images = KeyChoice(kms, StackFileContract.Kms.Images.Name, region) ?? result.Images,
        };
        kms.Finish();
        return result;
    }

    private static LabelsConfig ReadLabels(YamlMap config)
    {
        var labels = config.Map(Namespace + "labels");
        if (labels is null)
        {
            return new LabelsConfig();
        }

        string? Label(string key)
        {
            var value = labels.String(key);
            Check(labels, key, value, Formats.LabelValue().IsMatch, "a label value: 1-63 lowercase letters, digits, `_` or `-`");
            return value;
        }

        var result = new LabelsConfig { Environment = Label("environment"), Team = Label("team"), CostCentre = Label("costCentre") };
        labels.Finish();
        return result;
    }

    /// <summary>The cluster's hardening keys; <paramref name="cl"/> is finished by the caller.</summary>
    private static ClusterConfig ReadClusterHardening(YamlMap? cl, ClusterConfig cluster, bool isProduction, string region)
    {
        var result = cluster with
        {
            Logging = isProduction ? ClusterTelemetryDefaults.ProdLogging : ClusterTelemetryDefaults.DevLogging,
            Monitoring = isProduction ? ClusterTelemetryDefaults.ProdMonitoring : ClusterTelemetryDefaults.DevMonitoring,
        };
        if (cl is null)
        {
            return result;
        }

        var securityGroup = cl.String(StackFileContract.Cluster.SecurityGroup.Name);
        Check(cl, StackFileContract.Cluster.SecurityGroup.Name, securityGroup, Formats.SecurityGroup().IsMatch, "`gke-security-groups@YOUR-DOMAIN` (GKE requires that group name)");

        return result with
        {
            SecretsEncryption = KeyChoice(cl, "secretsEncryption", region) ?? result.SecretsEncryption,
            BootDiskEncryption = KeyChoice(cl, "bootDiskEncryption", region) ?? result.BootDiskEncryption,
            SecurityGroup = securityGroup,
            Notifications = ReadNotifications(cl) ?? result.Notifications,
            IntranodeVisibility = cl.Bool("intranodeVisibility") ?? result.IntranodeVisibility,
            SecurityPosture = ReadSecurityPosture(cl) ?? result.SecurityPosture,
            Maintenance = ReadMaintenance(cl) ?? result.Maintenance,
            Logging = Components(cl, "logging", StackFileContract.ClusterHardening.LoggingSpellings, LoggingComponent.SystemComponents) ?? result.Logging,
            Monitoring = Components(cl, "monitoring", StackFileContract.ClusterHardening.MonitoringSpellings, MonitoringComponent.SystemComponents) ?? result.Monitoring,
        };
    }

    private static KmsKeyChoice? KeyChoice(YamlMap map, string key, string region)
    {
        var text = map.String(key);
        switch (text)
        {
            case null:
                return null;
            case StackFileContract.ClusterHardening.CreateKey:
                return KmsKeyChoice.Create;
            case StackFileContract.ClusterHardening.NoKey:
                return KmsKeyChoice.None;
        }

        var match = Formats.KmsKeyName().Match(text);
        if (!match.Success)
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key),
                $"`{map.Child(key)}` is `{text}`; it must be `create`, `none` or a key name `projects/P/locations/L/keyRings/R/cryptoKeys/K`.",
                $"Set `{key}: create` for a key the stack creates and rotates.");
            return null;
        }

        // A missing or malformed gcp:region has its own finding; comparing against it would only add noise.
        if (Formats.Region().IsMatch(region) && match.Groups["location"].Value != region)
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key),
                $"`{map.Child(key)}` is a key in `{match.Groups["location"].Value}`, but the stack's resources are in `{region}`; a customer-managed key protects only resources in its own location.",
                $"Use a key in `{region}`, or `create`.");
        }

        return KmsKeyChoice.Existing(text);
    }

    private static ClusterNotificationsConfig? ReadNotifications(YamlMap cl)
    {
        if (cl.Map("notifications") is not { } n)
        {
            return null;
        }

        var defaults = new ClusterNotificationsConfig();
        var events = n.EnumList("events", StackFileContract.ClusterHardening.EventSpellings);
        var enabled = n.Bool("enabled") ?? defaults.Enabled;
        // Empty as written: a list of misspellings already has its findings, and a disabled topic sends nothing anyway.
        if (events is { Count: 0 } && enabled && n.Strings("events") is { Count: 0 })
        {
            n.Ctx.Report(RuleCatalog.InvalidValue, n.Child("events"), n.Value("events"), $"`{n.Child("events")}` is empty, so no event would be sent.",
                "List the events to send (`securityBulletin`, `upgradeAvailable`, `upgrade`, `upgradeInfo`), or set `enabled: false`.");
        }

        var result = new ClusterNotificationsConfig { Enabled = enabled, Events = events ?? defaults.Events };
        n.Finish();
        return result;
    }

    private static SecurityPostureConfig? ReadSecurityPosture(YamlMap cl)
    {
        if (cl.Map("securityPosture") is not { } sp)
        {
            return null;
        }

        var defaults = new SecurityPostureConfig();
        var result = new SecurityPostureConfig
        {
            Mode = sp.Enum(StackFileContract.ClusterHardening.PostureMode) ?? defaults.Mode,
            VulnerabilityScanning = sp.Enum(StackFileContract.ClusterHardening.VulnerabilityScanning) ?? defaults.VulnerabilityScanning,
        };
        sp.Finish();
        return result;
    }

    private static MaintenanceConfig? ReadMaintenance(YamlMap cl)
    {
        if (cl.Map("maintenance") is not { } mt)
        {
            return null;
        }

        var ctx = mt.Ctx;
        var result = new MaintenanceConfig();
        if (mt.Map("window") is { } w)
        {
            var start = w.String("start", required: true);
            var end = w.String("end", required: true);
            var recurrence = w.String("recurrence", required: true);
            var from = Time(w, "start", start);
            var to = Time(w, "end", end);
            var rule = recurrence is null ? null : Formats.Recurrence().Match(recurrence);
            if (rule is { Success: false })
            {
                ctx.Report(RuleCatalog.InvalidValue, w.Child("recurrence"), w.Value("recurrence"),
                    $"`{w.Child("recurrence")}` is `{recurrence}`; it must be `FREQ=DAILY` or `FREQ=WEEKLY;BYDAY=SA,SU` (days MO..SU), the forms `check` can verify against GKE's minimum availability.",
                    "Write the recurrence as `FREQ=DAILY` or `FREQ=WEEKLY;BYDAY=<days>`.");
            }

            if (from is { } f && to is { } t)
            {
                var hours = (t - f).TotalHours;
                if (hours < MinWindowHours || hours > 24)
                {
                    ctx.Report(RuleCatalog.InvalidValue, w.Child("end"), w.Value("end"),
                        $"`{w.Child("end")}` ends {hours.ToString("0.##", CultureInfo.InvariantCulture)} hours after `start`; GKE needs each window to last at least {MinWindowHours} hours, and this project at most 24.",
                        $"Set `end` {MinWindowHours} to 24 hours after `start`.");
                }
                else if (rule is { Success: true })
                {
                    var byDay = recurrence!.IndexOf("BYDAY=", StringComparison.Ordinal);
                    var days = byDay < 0 ? 7 : recurrence[(byDay + 6)..].Split(',').Distinct(StringComparer.Ordinal).Count();
                    // In any 32 days (4 weeks and 4 days) a set of n weekdays occurs at least 4n + max(0, n - 3) times.
                    var occurrences = 4 * days + Math.Max(0, days - 3);
                    if (hours * occurrences < MinAvailabilityHours)
                    {
                        ctx.Report(RuleCatalog.InvalidValue, w.Child("recurrence"), w.Value("recurrence"),
                            $"`{w.Child("recurrence")}` allows {(hours * occurrences).ToString("0.##", CultureInfo.InvariantCulture)} hours of maintenance in some 32-day periods; GKE needs at least {MinAvailabilityHours}.",
                            "Lengthen the window or add days.");
                    }
                }
            }

            result = result with { Window = new MaintenanceWindow(start ?? "", end ?? "", recurrence ?? "") };
            w.Finish();
        }

        var exclusions = new List<MaintenanceExclusion>();
        foreach (var (node, path) in mt.Items("exclusions"))
        {
            if (YamlMap.Of(node, path, ctx, "a map `{name, start, end, scope}`", StackFileContract.ClusterHardening.Exclusion) is not { } x)
            {
                continue;
            }

            var name = x.String("name", required: true);
            Check(x, "name", name, Formats.ExclusionName().IsMatch, "1-63 ASCII letters, digits, spaces (not first or last), `_` or `-`");
            var start = x.String("start", required: true);
            var end = x.String("end", required: true);
            var from = Time(x, "start", start);
            var to = Time(x, "end", end);
            var scope = x.Enum(StackFileContract.ClusterHardening.ExclusionScope) ?? StackFileContract.ClusterHardening.ExclusionScope.Default;
            if (from is { } f && to is { } t)
            {
                if (t <= f)
                {
                    ctx.Report(RuleCatalog.InvalidValue, x.Child("end"), x.Value("end"), $"`{x.Child("end")}` is not after `start`.", "Set `end` after `start`.");
                }
                else if (scope == MaintenanceExclusionScope.NoUpgrades && (t - f).TotalDays > MaxNoUpgradesDays)
                {
                    ctx.Report(RuleCatalog.InvalidValue, x.Child("end"), x.Value("end"),
                        $"`{path}` blocks all upgrades for more than {MaxNoUpgradesDays} days; GKE limits a `noUpgrades` exclusion to {MaxNoUpgradesDays} days.",
                        "Shorten it, or use `scope: noMinorUpgrades` (allows security patches).");
                }
            }

            exclusions.Add(new MaintenanceExclusion(name ?? "", start ?? "", end ?? "", scope));
            x.Finish();
        }

        mt.Finish();
        return result with { Exclusions = exclusions };
    }

    private static DateTimeOffset? Time(YamlMap map, string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Formats.UtcTime().IsMatch(value)
            && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{value}`; it must be a UTC time such as `2026-01-03T00:00:00Z`.",
            $"Write `{key}` as `YYYY-MM-DDTHH:MM:SSZ`.");
        return null;
    }

    /// <summary>A list of GKE components; when not empty it must include <paramref name="required"/>, as GKE requires.</summary>
    private static IReadOnlyList<T>? Components<T>(YamlMap cl, string key, IReadOnlyList<(string Spelling, T Value)> options, T required)
        where T : struct, Enum
    {
        var list = cl.EnumList(key, options);
        if (list is { Count: > 0 } && !list.Contains(required))
        {
            cl.Ctx.Report(RuleCatalog.InvalidValue, cl.Child(key), cl.Value(key), $"`{cl.Child(key)}` lacks `systemComponents`; GKE sends no other component without it.",
                $"Add `systemComponents` to `{key}`.");
        }

        return list;
    }

    /// <summary>The node pool keys this file adds; checked against the pool's machine type.</summary>
    private static NodePoolConfig ReadNodePoolHardening(YamlMap m, NodePoolConfig pool)
    {
        var confidential = m.Bool("confidentialNodes") ?? pool.ConfidentialNodes;
        if (confidential && !ConfidentialMachineFamilies.Any(f => pool.MachineType.StartsWith(f + "-", StringComparison.Ordinal)))
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("confidentialNodes"), m.Value("confidentialNodes"),
                $"`{m.Child("confidentialNodes")}` is `true` with machine type `{pool.MachineType}`; Confidential GKE Nodes (AMD SEV) run only on {string.Join(", ", ConfidentialMachineFamilies)} machines.",
                "Use e.g. `machineType: n2d-standard-8`, or remove `confidentialNodes`.");
        }

        return pool with { ConfidentialNodes = confidential };
    }

    private static readonly string[] ConfidentialMachineFamilies = ["n2d", "c2d", "c3d"];
}
