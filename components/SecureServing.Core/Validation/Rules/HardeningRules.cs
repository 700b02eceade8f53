using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Gcp;
using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// The weakenings a hardened organization refuses, in production stacks: binary-authorization-not-enforced,
/// secrets-not-encrypted, boot-disks-not-cmek, data-not-cmek, key-rotation-over-90-days, groups-rbac-off,
/// security-bulletins-off, intranode-visibility-off, cluster-logging-reduced, rapid-channel-in-prod,
/// security-posture-off; and image-not-admitted in every stack.
/// </summary>
internal static class HardeningRules
{
    private const string Cluster = RuleContext.Ns + "cluster";

    /// <summary>The longest rotation period hardened organizations accept: 90 days (7776000 s).</summary>
    private const int MaxProductionRotationDays = 90;

    public static void Check(RuleContext ctx)
    {
        var config = ctx.Config;
        CheckAdmission(ctx);
        CheckServingAdmission(ctx);
        if (!config.IsProduction)
        {
            return;
        }

        var stack = config.Stack;
        if (config.BinaryAuthorization.Mode != BinaryAuthorizationMode.Enforced)
        {
            var key = $"{RuleContext.Ns}binaryAuthorization.mode";
            ctx.Stack(RuleCatalog.BinaryAuthorizationNotEnforced, key,
                $"`{key}` is `{StackFileContract.BinaryAuthorization.Mode.SpellingOf(config.BinaryAuthorization.Mode)}` in production stack `{stack}`.");
        }

        var kms = RuleContext.Ns + "kms";
        foreach (var (name, choice, creates) in new[]
        {
            (StackFileContract.Kms.Buckets.Name, config.Kms.Buckets, config.Teams.Count > 0),
            (StackFileContract.Kms.Notifications.Name, config.Kms.Notifications, NotificationsPlanner.Creates(config)),
            (StackFileContract.Kms.Images.Name, config.Kms.Images, ImageMirrors.Needed(config)),
        })
        {
            if (creates && choice.Mode == KmsKeyMode.None)
            {
                ctx.Stack(RuleCatalog.DataNotCmek, $"{kms}.{name}", $"`{kms}.{name}` is `none` in production stack `{stack}`.");
            }
        }

        if (config.Kms.RotationDays > MaxProductionRotationDays && KmsPlanner.Creates(config))
        {
            ctx.Stack(RuleCatalog.KeyRotationOver90Days, $"{kms}.rotationDays", $"`{kms}.rotationDays` is {config.Kms.RotationDays} in production stack `{stack}`.");
        }

        var cluster = config.Cluster;
        if (cluster.Provider != ClusterProvider.Gke)
        {
            return;
        }

        if (cluster.SecretsEncryption.Mode == KmsKeyMode.None)
        {
            ctx.Stack(RuleCatalog.SecretsNotEncrypted, $"{Cluster}.secretsEncryption", $"`{Cluster}.secretsEncryption` is `none` in production stack `{stack}`.");
        }

        if (cluster.BootDiskEncryption.Mode == KmsKeyMode.None)
        {
            ctx.Stack(RuleCatalog.BootDisksNotCmek, $"{Cluster}.bootDiskEncryption", $"`{Cluster}.bootDiskEncryption` is `none` in production stack `{stack}`.");
        }

        if (cluster.SecurityGroup is null)
        {
            ctx.Stack(RuleCatalog.GroupsRbacOff, $"{Cluster}.securityGroup", $"`{Cluster}.securityGroup` is not set in production stack `{stack}`, so Google Groups for RBAC is off.");
        }

        if (!cluster.Notifications.Enabled)
        {
            ctx.Stack(RuleCatalog.SecurityBulletinsOff, $"{Cluster}.notifications.enabled", $"`{Cluster}.notifications.enabled` is `false` in production stack `{stack}`.");
        }
        else if (!cluster.Notifications.Events.Contains(ClusterEvent.SecurityBulletin))
        {
            ctx.Stack(RuleCatalog.SecurityBulletinsOff, $"{Cluster}.notifications.events", $"`{Cluster}.notifications.events` lacks `securityBulletin` in production stack `{stack}`.");
        }

        if (!cluster.IntranodeVisibility)
        {
            ctx.Stack(RuleCatalog.IntranodeVisibilityOff, $"{Cluster}.intranodeVisibility", $"`{Cluster}.intranodeVisibility` is `false` in production stack `{stack}`.");
        }

        var missing = new[] { LoggingComponent.SystemComponents, LoggingComponent.Workloads }.Where(c => !cluster.Logging.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            ctx.Stack(RuleCatalog.ClusterLoggingReduced, $"{Cluster}.logging",
                $"`{Cluster}.logging` lacks {string.Join(" and ", missing.Select(c => $"`{StackFileContract.ClusterHardening.LoggingSpellings.First(s => s.Value == c).Spelling}`"))} in production stack `{stack}`.");
        }

        if (cluster.ReleaseChannel == ReleaseChannel.Rapid)
        {
            ctx.Stack(RuleCatalog.RapidChannelInProd, $"{Cluster}.releaseChannel", $"`{Cluster}.releaseChannel` is `rapid` in production stack `{stack}`.");
        }

        if (cluster.SecurityPosture.Mode == SecurityPostureMode.Disabled)
        {
            ctx.Stack(RuleCatalog.SecurityPostureOff, $"{Cluster}.securityPosture.mode", $"`{Cluster}.securityPosture.mode` is `disabled` in production stack `{stack}`.");
        }
    }

    /// <summary>
    /// serving-images-not-admitted: the installed serving stack pulls from its upstream registries (no mirrors, so
    /// <c>network.egress</c> is not <c>restricted</c>) and the policy admits not all of its images (warning in dry run).
    /// </summary>
    private static void CheckServingAdmission(RuleContext ctx)
    {
        var config = ctx.Config;
        var mode = config.BinaryAuthorization.Mode;
        if (mode == BinaryAuthorizationMode.Disabled || !config.Serving.Install || config.Cluster.Provider != ClusterProvider.Gke || ImageMirrors.Needed(config))
        {
            return;
        }

        var patterns = BinaryAuthorizationPlanner.AdmitPatterns(config);
        var refused = ServingImages.Upstream(config).Where(image => !BinaryAuthorizationPlanner.Admits(patterns, image)).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var key = $"{RuleContext.Ns}network.egress";
        var enforced = mode == BinaryAuthorizationMode.Enforced;
        ctx.Stack(RuleCatalog.ServingImagesNotAdmitted, key,
            $"`{key}` is `nat`, so the installed serving stack pulls its images from their registries, and the Binary Authorization policy admits none of {string.Join(", ", refused.Take(4).Select(i => $"`{i}`"))}"
            + (refused.Count > 4 ? $" and {refused.Count - 4} more" : "")
            + (enforced ? "." : "; `binaryAuthorization.mode` is `dryRun`, so this is logged, not refused, until it is enforced."),
            severity: enforced ? Severity.Error : Severity.Warning);
    }

    /// <summary>
    /// image-not-admitted: a model image outside the admitted patterns (warning in dry run). The image is judged as the
    /// cluster pulls it: with the installed serving stack under restricted egress an image from a proxied registry is
    /// pulled through the stack's own Artifact Registry remote repository (<see cref="ImageMirrors.Rewrite"/>).
    /// </summary>
    private static void CheckAdmission(RuleContext ctx)
    {
        var mode = ctx.Config.BinaryAuthorization.Mode;
        if (mode == BinaryAuthorizationMode.Disabled)
        {
            return;
        }

        var patterns = BinaryAuthorizationPlanner.AdmitPatterns(ctx.Config);
        foreach (var (team, model, path) in ctx.Models())
        {
            if (model.Image is { } image && ImageMirrors.ModelImage(ctx.Config, image) is var pulled && !BinaryAuthorizationPlanner.Admits(patterns, pulled))
            {
                var enforced = mode == BinaryAuthorizationMode.Enforced;
                ctx.Team(team, RuleCatalog.ImageNotAdmitted, $"{path}.image",
                    $"`{path}.image` `{image}`{(pulled == image ? "" : $" (pulled as `{pulled}`)")} matches none of the admitted patterns ({string.Join(", ", patterns.Select(p => $"`{p}`"))})"
                    + (enforced ? "." : "; `binaryAuthorization.mode` is `dryRun`, so this is logged, not refused, until it is enforced."),
                    $"Push the image to `{BinaryAuthorizationPlanner.StackRegistryPattern(ctx.Config)[..^3]}/...` and reference it there.",
                    enforced ? Severity.Error : Severity.Warning);
            }
        }
    }
}
