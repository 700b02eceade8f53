using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// VPC Service Controls keys beyond members and IP ranges: ingress and egress policies, a dry run of the
/// next change next to the enforced perimeter, scoped access policies and richer access-level conditions.
/// </summary>
public static partial class StackFileContract
{
    /// <summary>Keys of the perimeter's access-policy scope, ingress and egress policies, access-level conditions and dry run (under <c>secure-serving:perimeter</c>).</summary>
    public static class PerimeterPolicies
    {
        public static readonly TextKey AccessPolicyScope = new("scope",
            "For `create: true`: what the new policy is scoped to, `project` (this stack's project), `folders/ID`, or `organization` (an organization-wide policy: one per organization, and it needs organization-wide Access Context Manager admin). Not with `id`.")
        {
            Default = "project",
            TypeName = "`project` | `folders/ID` | `organization`",
        };

        public static readonly MapKey VpcNetworkSource = new("vpcNetworkSources[]", "A VPC network requests may come from.",
            new TextKey("network", "Full network name `//compute.googleapis.com/projects/P/global/networks/N`.") { Required = true, Format = Formats.VpcNetwork(), TypeName = "network name" },
            new TextListKey("ipRanges", "Ranges within the network; empty: the whole network.") { ItemTypeName = "CIDR" });

        public static readonly ChoiceKey<DeviceOs> OsType = new("os", "Operating system.",
            DeviceOs.DesktopChromeOs,
            ("desktopMac", DeviceOs.DesktopMac), ("desktopWindows", DeviceOs.DesktopWindows), ("desktopLinux", DeviceOs.DesktopLinux),
            ("desktopChromeOs", DeviceOs.DesktopChromeOs), ("android", DeviceOs.Android), ("ios", DeviceOs.Ios))
        {
            Required = true,
        };

        public static readonly MapKey OsConstraint = new("osConstraints[]", "An allowed operating system.",
            OsType, new TextKey("minimumVersion", "Oldest allowed version, e.g. `14.4`.") { Format = Formats.OsVersion(), TypeName = "version" });

        public static readonly BoolKey RequireScreenLock = new("requireScreenLock", "A screen lock is set.", false);

        public static readonly BoolKey RequireCorpOwned = new("requireCorpOwned", "The device is company-owned.", false);

        public static readonly BoolKey RequireAdminApproval = new("requireAdminApproval", "An administrator approved the device.", false);

        public static readonly BoolKey EncryptedStorage = new("encryptedStorage", "The device's storage is encrypted.", false);

        public static readonly MapKey DevicePolicy = new("devicePolicy",
            "What the caller's device must be, as Endpoint Verification reports it; absent: any device.",
            RequireScreenLock, RequireCorpOwned, RequireAdminApproval, EncryptedStorage,
            new MapListKey("osConstraints", "Allowed operating systems; empty: any.", OsConstraint));

        public static readonly TextListKey Regions = new("regions", "ISO 3166-1 alpha-2 codes the request must come from, e.g. `DE`.") { ItemFormat = Formats.RegionCode(), ItemTypeName = "region code" };

        public static readonly MapListKey VpcNetworkSources = new("vpcNetworkSources",
            "VPC networks the request must come from; not together with `ipSubnetworks` (Access Context Manager refuses both in one level).", VpcNetworkSource);

        public static readonly ChoiceKey<PerimeterIdentityType> IdentityType = new("identityType",
            "Any identity of a kind instead of `identities`: `anyIdentity`, `anyUserAccount` or `anyServiceAccount` (refused in production unless acknowledged).",
            PerimeterIdentityType.AnyIdentity,
            ("anyIdentity", PerimeterIdentityType.AnyIdentity), ("anyUserAccount", PerimeterIdentityType.AnyUserAccount), ("anyServiceAccount", PerimeterIdentityType.AnyServiceAccount))
        {
            DerivedDefault = "none (use `identities`)",
        };

        public static readonly TextListKey Identities = new("identities",
            "`user:`, `serviceAccount:` or `group:` members, or `principal://` / `principalSet://` (workload identity federation); exactly one of `identities` and `identityType`.")
        {
            ItemFormat = Formats.PerimeterIdentity(),
            ItemTypeName = "identity",
        };

        public static readonly MapKey IngressSource = new("sources[]", "One source: exactly one of `accessLevel` and `resource`.",
            new TextKey("accessLevel", "Name of an access level of `perimeter.accessLevels`, or `*` for any source (refused in production unless acknowledged)."),
            new TextKey("resource", "A project outside the perimeter, `projects/NUMBER`.") { Format = Formats.ProjectResource(), TypeName = "`projects/NUMBER`" });

        public static readonly MapKey Operation = new("operations[]", "A service and what of it may be called.",
            new TextKey("service", "`NAME.googleapis.com`, or `*` for every service (then no `methods` or `permissions`).") { Required = true, Format = Formats.OperationService(), TypeName = "service" },
            new TextListKey("methods", "Methods, e.g. `google.storage.objects.get`; `*` or absent with no `permissions`: all.") { ItemFormat = Formats.OperationMethod(), ItemTypeName = "method" },
            new TextListKey("permissions", "IAM permissions instead of methods, e.g. `storage.objects.get`.") { ItemFormat = Formats.Permission(), ItemTypeName = "permission" });

        public static readonly MapKey IngressFrom = new("from", "Who, from where.",
            Identities, IdentityType, new MapListKey("sources", "Where requests come from; at least one.", IngressSource) { Required = true }) { Required = true };

        public static readonly TextListKey IngressResources = new("resources", "`*` (every resource in the perimeter) or `projects/NUMBER`.") { Default = [IngressSourceConfig.Anywhere], ItemTypeName = "`*` or `projects/NUMBER`" };

        public static readonly MapKey IngressTo = new("to", "What they may call inside the perimeter.",
            IngressResources,
            new MapListKey("operations", "At least one.", Operation) { Required = true }) { Required = true };

        public static readonly MapKey IngressPolicy = new("ingressPolicies[]", "One ingress policy.",
            new TextKey("title", "Title, for reviewers and logs."), IngressFrom, IngressTo);

        public static readonly MapKey EgressFrom = new("from", "Who inside the perimeter.", Identities, IdentityType) { Required = true };

        public static readonly MapKey EgressTo = new("to", "What outside the perimeter they may call.",
            new TextListKey("resources", "`projects/NUMBER` outside the perimeter, or `*` for any project (refused in production unless acknowledged); at least one.") { Required = true, ItemTypeName = "`projects/NUMBER` or `*`" },
            new MapListKey("operations", "At least one.", Operation) { Required = true }) { Required = true };

        public static readonly MapKey EgressPolicy = new("egressPolicies[]", "One egress policy.",
            new TextKey("title", "Title, for reviewers and logs."), EgressFrom, EgressTo);

        public static readonly MapListKey IngressPolicies = new("ingressPolicies",
            "Who may reach in, from where, to what: e.g. the CI deployer's service account from its runners, instead of an access level.", IngressPolicy);

        public static readonly MapListKey EgressPolicies = new("egressPolicies", "Who inside may reach which projects outside.", EgressPolicy);

        public static readonly BoolKey Promote = new("promote", "Make this configuration the enforced `status` (and drop the dry-run spec); afterwards move its keys up into `perimeter` and remove `dryRun`.", false);

        public static readonly MapKey DryRun = new("dryRun",
            "The perimeter's next configuration, written to its dry-run `spec` next to the enforced `status` (needs `mode: enforced`): violations of the change are logged while the current perimeter stays enforced. Keys not written keep the enforced value.",
            new TextListKey("restrictedServices", "Services the next configuration restricts.") { ItemFormat = Formats.ServiceName(), ItemTypeName = "`*.googleapis.com`", DerivedDefault = "the enforced list" },
            new TextListKey("accessLevels", "Names of `perimeter.accessLevels` the next configuration uses.") { DerivedDefault = "all access levels" },
            new MapListKey("ingressPolicies", "Ingress policies of the next configuration.", IngressPolicy) { DefaultText = "the enforced ones" },
            new MapListKey("egressPolicies", "Egress policies of the next configuration.", EgressPolicy) { DefaultText = "the enforced ones" },
            Promote);
    }
}
