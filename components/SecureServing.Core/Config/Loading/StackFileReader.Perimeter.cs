using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>VPC Service Controls (<c>secure-serving:perimeter</c>): the access policy, perimeter, restricted services and access levels; the policies beyond them are read in <c>StackFileReader.PerimeterPolicies.cs</c>.</summary>
internal static partial class StackFileReader
{
    private static PerimeterConfig ReadPerimeter(YamlMap config, string deploymentName, string stack, string projectNumber)
    {
        var pm = config.Map(Namespace + "perimeter", required: true);
        var ctx = config.Ctx;

        var policy = new AccessPolicyRef();
        if (pm?.Map("accessPolicy", required: true) is { } ap)
        {
            policy = new AccessPolicyRef { Id = ap.String("id"), Create = ap.Bool("create") ?? StackFileContract.Perimeter.AccessPolicyCreate.Default, Title = ap.String("title") };
            if (policy.Id is not null && policy.Create)
            {
                ctx.Report(RuleCatalog.InvalidValue, ap.Path, null, $"`{ap.Path}` has both `id` and `create: true`.", "Use `{id}` for an existing policy or `{create: true, title}` for a new one (one per organization).");
            }
            else if (policy.Id is null && !policy.Create)
            {
                ctx.Report(RuleCatalog.MissingKey, ap.Child("id"), null, $"`{ap.Path}` needs `id` (an existing access policy) or `create: true` with `title`.", "Add `id: \"<policy number>\"` (`gcloud access-context-manager policies list --organization ORG`).");
            }
            else if (policy.Create && string.IsNullOrWhiteSpace(policy.Title))
            {
                ctx.Report(RuleCatalog.MissingKey, ap.Child("title"), null, $"`{ap.Path}` has `create: true` but no `title`.", "Add `title:` for the new access policy.");
            }

            Check(ap, "id", policy.Id, Formats.Numeric().IsMatch, "the numeric access policy ID");
            policy = ReadPolicyScope(ap, policy, projectNumber);
            ap.Finish();
        }

        var levels = new List<AccessLevelConfig>();
        var levelPaths = new List<string>();
        foreach (var (node, path) in pm?.Items("accessLevels") ?? [])
        {
            if (YamlMap.Of(node, path, ctx, shape: StackFileContract.Perimeter.AccessLevel) is { } m)
            {
                var level = new AccessLevelConfig
                {
                    Name = m.String("name", required: true) ?? "",
                    Title = m.String("title"),
                    Members = m.Strings("members") ?? [],
                    IpSubnetworks = m.Strings("ipSubnetworks") ?? [],
                };
                CheckMembers(ctx, m.Child("members"), level.Members, Formats.AccessLevelMember().IsMatch, "`user:EMAIL` or `serviceAccount:EMAIL` (access levels do not support groups)");
                level = ReadLevelConditions(m, level);
                if (!HasCondition(level))
                {
                    ctx.Report(RuleCatalog.InvalidValue, path, node, $"`{path}` has no condition (`members`, `ipSubnetworks`, `regions`, `vpcNetworkSources`, `devicePolicy`), so it matches nothing.", "Add `members` or `ipSubnetworks`, or remove the access level.");
                }

                levels.Add(level);
                levelPaths.Add(path);
                m.Finish();
            }
        }

        pm?.Kept("accessLevels", levelPaths);

        var mirror = pm?.String("imageMirrorIdentity") ?? $"serviceAccount:{projectNumber}@cloudbuild.gserviceaccount.com";
        if (pm is not null)
        {
            Check(pm, "imageMirrorIdentity", mirror, Formats.AccessLevelMember().IsMatch, "`serviceAccount:EMAIL` or `user:EMAIL`");
        }

        var services = pm?.Strings("restrictedServices") ?? StackFileContract.Perimeter.RestrictedServices.Default!;
        if (pm is not null)
        {
            CheckMembers(ctx, pm.Child("restrictedServices"), services, Formats.ServiceName().IsMatch, "a service name such as `storage.googleapis.com`");
        }

        var buckets = (pm?.Strings("buckets") ?? []).Select(b => b.StartsWith("gs://", StringComparison.Ordinal) ? b[5..].TrimEnd('/') : b).ToList();
        if (pm is not null)
        {
            CheckMembers(ctx, pm.Child("buckets"), buckets, Formats.Bucket().IsMatch, "a bucket name (`gs://` optional)");
        }

        var mode = pm?.Enum(StackFileContract.Perimeter.Mode) ?? StackFileContract.Perimeter.Mode.Default;
        var result = new PerimeterConfig
        {
            IngressPolicies = (pm is null ? null : ReadIngressPolicies(pm, levels)) ?? [],
            EgressPolicies = (pm is null ? null : ReadEgressPolicies(pm)) ?? [],
            DryRun = pm is null ? null : ReadDryRun(pm, mode, levels),
            AccessPolicy = policy,
            Name = pm?.String("name") ?? $"{deploymentName.Replace('-', '_')}_perimeter",
            Title = pm?.String("title") ?? $"SecureServing {stack}",
            Mode = mode,
            RestrictedServices = services,
            AccessLevels = levels,
            ImageMirrorIdentity = mirror,
            Buckets = buckets,
        };
        pm?.Finish();
        return result;
    }
}
