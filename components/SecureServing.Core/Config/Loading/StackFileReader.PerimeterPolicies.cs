using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// VPC Service Controls beyond members and IP ranges: a created policy's scope, access-level conditions (regions, VPC
/// networks, device policy), ingress and egress policies, and the dry run of the next change.
/// </summary>
internal static partial class StackFileReader
{
    /// <summary>The contract's default scope, the stack's own project.</summary>
    private static readonly string ProjectScope = StackFileContract.PerimeterPolicies.AccessPolicyScope.Default!;
    private const string OrganizationScope = "organization";

    /// <summary><c>accessPolicy.scope</c>: a created policy is scoped to the project unless told otherwise.</summary>
    private static AccessPolicyRef ReadPolicyScope(YamlMap ap, AccessPolicyRef policy, string projectNumber)
    {
        var key = StackFileContract.PerimeterPolicies.AccessPolicyScope.Name;
        var text = ap.String(key);
        if (!policy.Create)
        {
            if (text is not null)
            {
                ap.Ctx.Report(RuleCatalog.InvalidValue, ap.Child(key), ap.Value(key), $"`{ap.Child(key)}` is set for an existing policy (`id`); a policy's scope is fixed when it is created.",
                    $"Remove `{key}`, or create the policy here (`create: true`).");
            }

            return policy;
        }

        var chosen = text ?? ProjectScope;
        string? scope = chosen == ProjectScope ? $"projects/{projectNumber}" : chosen == OrganizationScope ? null : chosen;
        if (chosen != ProjectScope && chosen != OrganizationScope && !Formats.FolderScope().IsMatch(chosen))
        {
            ap.Ctx.Report(RuleCatalog.InvalidValue, ap.Child(key), ap.Value(key),
                $"`{ap.Child(key)}` is `{chosen}`; it must be `{ProjectScope}` (this stack's project), `folders/ID` or `{OrganizationScope}`.",
                $"Set `{key}: {ProjectScope}`; the perimeter's project must be in the policy's scope.");
        }

        return policy with { Scope = scope };
    }

    /// <summary>Regions, VPC network sources and device policy of one access level.</summary>
    private static AccessLevelConfig ReadLevelConditions(YamlMap m, AccessLevelConfig level)
    {
        var regions = m.Strings(StackFileContract.PerimeterPolicies.Regions.Name) ?? [];
        CheckMembers(m.Ctx, m.Child("regions"), regions, Formats.RegionCode().IsMatch, "an ISO 3166-1 alpha-2 code such as `DE`");

        var sources = new List<VpcNetworkSourceConfig>();
        var sourcePaths = new List<string>();
        foreach (var (node, path) in m.Items(StackFileContract.PerimeterPolicies.VpcNetworkSources.Name))
        {
            if (YamlMap.Of(node, path, m.Ctx, "a map `{network, ipRanges}`", StackFileContract.PerimeterPolicies.VpcNetworkSource) is { } v)
            {
                var network = v.String("network", required: true);
                Check(v, "network", network, Formats.VpcNetwork().IsMatch, "`//compute.googleapis.com/projects/P/global/networks/N`");
                sources.Add(new VpcNetworkSourceConfig(network ?? "", v.Strings("ipRanges") ?? []));
                sourcePaths.Add(path);
                v.Finish();
            }
        }

        m.Kept(StackFileContract.PerimeterPolicies.VpcNetworkSources.Name, sourcePaths);

        if (sources.Count > 0 && level.IpSubnetworks.Count > 0)
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("vpcNetworkSources"), m.Value("vpcNetworkSources"),
                $"`{m.Child("vpcNetworkSources")}` is set together with `ipSubnetworks`; Access Context Manager refuses both in one condition.",
                "Put the VPC networks in an access level of their own.");
        }

        DevicePolicyConfig? device = null;
        if (m.Map(StackFileContract.PerimeterPolicies.DevicePolicy.Name) is { } d)
        {
            var os = new List<OsConstraintConfig>();
            foreach (var (node, path) in d.Items("osConstraints"))
            {
                if (YamlMap.Of(node, path, m.Ctx, "a map `{os, minimumVersion}`", StackFileContract.PerimeterPolicies.OsConstraint) is { } o)
                {
                    var type = o.Enum(StackFileContract.PerimeterPolicies.OsType);
                    if (type is null && o.Value("os") is null)
                    {
                        o.Ctx.Report(RuleCatalog.MissingKey, o.Child("os"), null, $"`{o.Child("os")}` is required.", $"Add `os` under `{o.Path}`.");
                    }

                    var minimum = o.String("minimumVersion");
                    Check(o, "minimumVersion", minimum, Formats.OsVersion().IsMatch, "a version such as `14.4`");
                    os.Add(new OsConstraintConfig(type ?? StackFileContract.PerimeterPolicies.OsType.Default, minimum));
                    o.Finish();
                }
            }

            device = new DevicePolicyConfig
            {
                RequireScreenLock = d.Bool(StackFileContract.PerimeterPolicies.RequireScreenLock.Name) ?? StackFileContract.PerimeterPolicies.RequireScreenLock.Default,
                RequireCorpOwned = d.Bool(StackFileContract.PerimeterPolicies.RequireCorpOwned.Name) ?? StackFileContract.PerimeterPolicies.RequireCorpOwned.Default,
                RequireAdminApproval = d.Bool(StackFileContract.PerimeterPolicies.RequireAdminApproval.Name) ?? StackFileContract.PerimeterPolicies.RequireAdminApproval.Default,
                EncryptedStorage = d.Bool(StackFileContract.PerimeterPolicies.EncryptedStorage.Name) ?? StackFileContract.PerimeterPolicies.EncryptedStorage.Default,
                OsConstraints = os,
            };
            d.Finish();
        }

        return level with { Regions = regions, VpcNetworkSources = sources, DevicePolicy = device };
    }

    /// <summary>True when the level has a condition at all (else it would match nothing).</summary>
    private static bool HasCondition(AccessLevelConfig level) =>
        level.Members.Count > 0 || level.IpSubnetworks.Count > 0 || level.Regions.Count > 0 || level.VpcNetworkSources.Count > 0 || level.DevicePolicy is not null;

    private static IReadOnlyList<IngressPolicyConfig>? ReadIngressPolicies(YamlMap map, IReadOnlyList<AccessLevelConfig> levels)
    {
        if (map.Value("ingressPolicies") is null)
        {
            return null;
        }

        var names = levels.Select(l => l.Name).ToList();
        var result = new List<IngressPolicyConfig>();
        var policyPaths = new List<string>();
        foreach (var (node, path) in map.Items("ingressPolicies"))
        {
            if (YamlMap.Of(node, path, map.Ctx, "a map `{title, from, to}`", StackFileContract.PerimeterPolicies.IngressPolicy) is not { } p)
            {
                continue;
            }

            var policy = new IngressPolicyConfig { Title = p.String("title") };
            if (p.Map("from", required: true) is { } from)
            {
                var (identities, type) = ReadIdentities(from);
                var sources = new List<IngressSourceConfig>();
                var sourcePaths = new List<string>();
                foreach (var (sourceNode, sourcePath) in from.Items("sources"))
                {
                    if (YamlMap.Of(sourceNode, sourcePath, map.Ctx, "a map `{accessLevel}` or `{resource}`", StackFileContract.PerimeterPolicies.IngressSource) is { } s)
                    {
                        var level = s.String("accessLevel");
                        var resource = s.String("resource");
                        if ((level is null) == (resource is null))
                        {
                            map.Ctx.Report(RuleCatalog.InvalidValue, sourcePath, sourceNode, $"`{sourcePath}` needs exactly one of `accessLevel` and `resource`.",
                                "Write `accessLevel: <name>` (or `*`) or `resource: projects/NUMBER`.");
                        }

                        if (level is not null && level != IngressSourceConfig.Anywhere && !names.Contains(level))
                        {
                            map.Ctx.Report(RuleCatalog.InvalidValue, s.Child("accessLevel"), s.Value("accessLevel"),
                                $"`{s.Child("accessLevel")}` is `{level}`, which is not in `{Namespace}perimeter.accessLevels`.{DidYouMean.Hint(level, names)}",
                                "Name an access level of the perimeter, or `*` for any source.");
                        }

                        Check(s, "resource", resource, Formats.ProjectResource().IsMatch, "`projects/NUMBER`");
                        sources.Add(new IngressSourceConfig(level, resource));
                        sourcePaths.Add(sourcePath);
                        s.Finish();
                    }
                }

                from.Kept("sources", sourcePaths);

                RequireItems(from, "sources", "say where requests come from",
                    "Add `sources: [{accessLevel: <name>}]`, `[{resource: projects/NUMBER}]`, or `[{accessLevel: \"*\"}]` for anywhere.");

                policy = policy with { Identities = identities, IdentityType = type, Sources = sources };
                from.Finish();
            }

            if (p.Map("to", required: true) is { } to)
            {
                var resources = to.Strings(StackFileContract.PerimeterPolicies.IngressResources.Name) ?? StackFileContract.PerimeterPolicies.IngressResources.Default!;
                CheckMembers(map.Ctx, to.Child("resources"), resources, r => r == "*" || Formats.ProjectResource().IsMatch(r), "`*` or `projects/NUMBER`");
                policy = policy with { Resources = resources, Operations = ReadOperations(to) };
                to.Finish();
            }

            result.Add(policy);
            policyPaths.Add(path);
            p.Finish();
        }

        map.Kept("ingressPolicies", policyPaths);
        return result;
    }

    private static IReadOnlyList<EgressPolicyConfig>? ReadEgressPolicies(YamlMap map)
    {
        if (map.Value("egressPolicies") is null)
        {
            return null;
        }

        var result = new List<EgressPolicyConfig>();
        var policyPaths = new List<string>();
        foreach (var (node, path) in map.Items("egressPolicies"))
        {
            if (YamlMap.Of(node, path, map.Ctx, "a map `{title, from, to}`", StackFileContract.PerimeterPolicies.EgressPolicy) is not { } p)
            {
                continue;
            }

            var policy = new EgressPolicyConfig { Title = p.String("title") };
            if (p.Map("from", required: true) is { } from)
            {
                var (identities, type) = ReadIdentities(from);
                policy = policy with { Identities = identities, IdentityType = type };
                from.Finish();
            }

            if (p.Map("to", required: true) is { } to)
            {
                var resources = to.Strings("resources");
                RequireItems(to, "resources", "name the projects outside the perimeter that may be called", "Add `resources: [projects/NUMBER]`.");

                CheckMembers(map.Ctx, to.Child("resources"), resources ?? [], r => r == "*" || Formats.ProjectResource().IsMatch(r), "`projects/NUMBER` or `*`");
                policy = policy with { Resources = resources ?? [], Operations = ReadOperations(to) };
                to.Finish();
            }

            result.Add(policy);
            policyPaths.Add(path);
            p.Finish();
        }

        map.Kept("egressPolicies", policyPaths);
        return result;
    }

    /// <summary><c>identities</c> or <c>identityType</c>, exactly one.</summary>
    private static (IReadOnlyList<string> Identities, PerimeterIdentityType? Type) ReadIdentities(YamlMap from)
    {
        var identities = from.Strings("identities") ?? [];
        CheckMembers(from.Ctx, from.Child("identities"), identities, Formats.PerimeterIdentity().IsMatch,
            "`user:EMAIL`, `serviceAccount:EMAIL`, `group:EMAIL`, `principal://...` or `principalSet://...`");
        var type = from.Enum(StackFileContract.PerimeterPolicies.IdentityType);
        if (from.WrittenNonEmpty("identities") == (from.Value("identityType") is not null))
        {
            from.Ctx.Report(RuleCatalog.InvalidValue, from.Path, null, $"`{from.Path}` needs exactly one of `identities` and `identityType`.",
                "List the `identities` that may pass (preferred), or set `identityType`.");
        }

        return (identities, type);
    }

    private static IReadOnlyList<ApiOperationConfig> ReadOperations(YamlMap to)
    {
        var operations = new List<ApiOperationConfig>();
        foreach (var (node, path) in to.Items("operations"))
        {
            if (YamlMap.Of(node, path, to.Ctx, "a map `{service, methods}`", StackFileContract.PerimeterPolicies.Operation) is not { } o)
            {
                continue;
            }

            var service = o.String("service", required: true);
            Check(o, "service", service, Formats.OperationService().IsMatch, "`NAME.googleapis.com` or `*`");
            var methods = o.Strings("methods") ?? [];
            var permissions = o.Strings("permissions") ?? [];
            CheckMembers(to.Ctx, o.Child("methods"), methods, Formats.OperationMethod().IsMatch, "a method such as `google.storage.objects.get`, or `*`");
            CheckMembers(to.Ctx, o.Child("permissions"), permissions, Formats.Permission().IsMatch, "a permission such as `storage.objects.get`");
            if (methods.Count > 0 && permissions.Count > 0)
            {
                to.Ctx.Report(RuleCatalog.InvalidValue, o.Child("permissions"), o.Value("permissions"), $"`{path}` has both `methods` and `permissions`.", "Use one of them.");
            }
            else if (service == ApiOperationConfig.AllServices && methods.Concat(permissions).Any(m => m != "*"))
            {
                to.Ctx.Report(RuleCatalog.InvalidValue, o.Child("service"), o.Value("service"), $"`{o.Child("service")}` is `*` with `methods` or `permissions`; all services means all methods.",
                    "Name the service, or remove `methods` and `permissions`.");
            }

            operations.Add(new ApiOperationConfig(service ?? "", methods, permissions));
            o.Finish();
        }

        RequireItems(to, "operations", "a policy with no operation lets nothing through",
            "Add `operations: [{service: storage.googleapis.com}]` (all its methods) or list `methods`.");
        return operations;
    }

    /// <summary>
    /// A list that must have items: absent is missing-key, written empty (<c>[]</c>) is invalid-value. Items that are
    /// written but unusable have findings of their own, so they do not also make the list "empty".
    /// </summary>
    private static void RequireItems(YamlMap map, string key, string why, string fix)
    {
        if (map.Value(key) is null)
        {
            map.Ctx.Report(RuleCatalog.MissingKey, map.Child(key), null, $"`{map.Child(key)}` is required: {why}.", fix);
        }
        else if (!map.WrittenNonEmpty(key))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is empty: {why}.", fix);
        }
    }

    private static PerimeterDryRunConfig? ReadDryRun(YamlMap pm, PerimeterMode mode, IReadOnlyList<AccessLevelConfig> levels)
    {
        if (pm.Map("dryRun") is not { } dr)
        {
            return null;
        }

        if (mode != PerimeterMode.Enforced)
        {
            pm.Ctx.Report(RuleCatalog.InvalidValue, dr.Path, null,
                $"`{dr.Path}` is set but `{pm.Child("mode")}` is not `enforced`; a dry-run perimeter is all dry run already.",
                "Set `mode: enforced` to try the change next to the enforced perimeter, or move the keys up into `perimeter`.");
        }

        var services = dr.Strings("restrictedServices");
        CheckMembers(pm.Ctx, dr.Child("restrictedServices"), services ?? [], Formats.ServiceName().IsMatch, "a service name such as `storage.googleapis.com`");
        var names = dr.Strings("accessLevels");
        var known = levels.Select(l => l.Name).ToList();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!known.Contains(names![i]))
            {
                var item = dr.ItemPath("accessLevels", i);
                pm.Ctx.Report(RuleCatalog.InvalidValue, item, null, $"`{item}` is `{names[i]}`, which is not in `{pm.Child("accessLevels")}`.{DidYouMean.Hint(names[i], known)}",
                    "Name an access level of the perimeter.");
            }
        }

        var result = new PerimeterDryRunConfig
        {
            RestrictedServices = services,
            AccessLevels = names,
            IngressPolicies = ReadIngressPolicies(dr, levels),
            EgressPolicies = ReadEgressPolicies(dr),
            Promote = dr.Bool(StackFileContract.PerimeterPolicies.Promote.Name) ?? StackFileContract.PerimeterPolicies.Promote.Default,
        };
        dr.Finish();
        return result;
    }
}
