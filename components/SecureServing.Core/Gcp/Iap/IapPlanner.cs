using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// Global static IP, Google-managed certificate for <c>iap.hostname</c> (else <c>ingress.hostname</c>),
/// <c>gcp:iap/webIamMember:WebIamMember</c> with <c>roles/iap.httpsResourceAccessor</c>: unconditional for each of
/// <c>iap.accessors</c> (<c>iap-accessor-&lt;member&gt;</c>), and for each member of a team with an exposed model an
/// IAM condition <c>request.host == "&lt;IAP hostname&gt;" &amp;&amp;
/// request.path.startsWith("/kfserving/&lt;namespace&gt;/")</c> (<c>iap-team-&lt;team&gt;-&lt;member&gt;</c>)
/// </summary>
/// <remarks>
/// A team's members reach only their own team's IAP paths (each namespace has one team, each IAP route is
/// <c>/kfserving/&lt;namespace&gt;/&lt;model&gt;</c>), so one team's members never reach another team's models; IAP
/// evaluates the condition on the normalized host and path and on the raw path too (Using hostname and path conditions,
/// https://cloud.google.com/chrome-enterprise-premium/docs/hostname-and-path-conditions). Nothing else: no
/// <c>gcp:iap/brand</c>, no <c>gcp:iap/client</c> (that API was shut down on 2026-03-19). The OAuth client is
/// Google-managed by default; a bring-your-own client's secret stays a Pulumi secret reference that the Kubernetes
/// layer turns into the <c>iap-oauth-client</c> secret for the BackendConfig.
/// </remarks>
public static class IapPlanner
{
    public static readonly string StaticIpName = GcpNames.Child(IapSpec.Component, "ip");
    public static readonly string CertificateName = GcpNames.Child(IapSpec.Component, "certificate");

    /// <summary>The members granted IAP access to every exposed model: <c>iap.accessors</c>, distinct, sorted.</summary>
    public static IReadOnlyList<string> Accessors(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Members(config.Iap.Accessors);
    }

    /// <summary>The IAP path prefix of a team's models: <c>/kfserving/&lt;namespace&gt;/</c>.</summary>
    public static string TeamPathPrefix(TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return $"/kfserving/{team.Namespace}/";
    }

    /// <summary>
    /// The IAM condition of a team member's IAP grant: the IAP hostname and the team's path prefix
    /// (<see cref="TeamPathPrefix"/>). Each namespace belongs to one team and each IAP route is
    /// <c>/kfserving/&lt;namespace&gt;/&lt;model&gt;</c>, so a team's members reach exactly its own models through IAP.
    /// </summary>
    public static IapConditionSpec TeamCondition(PlatformConfig config, TeamConfig team)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(team);
        return new IapConditionSpec
        {
            Title = $"team {team.Team} models",
            Description = $"IAP access to the models of team {team.Team} only (namespace {team.Namespace}).",
            Expression = $"request.host == \"{IapNames.Hostname(config)}\" && request.path.startsWith(\"{TeamPathPrefix(team)}\")",
        };
    }

    private static IReadOnlyList<string> Members(IEnumerable<string> members) =>
        [.. members.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Null when IAP is disabled.</summary>
    public static IapSpec? Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Iap.Enabled)
        {
            return null;
        }

        var hostname = IapNames.Hostname(config);
        var accessors = Accessors(config);
        var keys = GcpNames.UniqueKeys(accessors);
        var client = config.Iap.OAuthClient;
        var teamGrants = config.Teams
            .Where(t => t.Models.Any(m => m.ExposeViaIap))
            .OrderBy(t => t.Team, StringComparer.Ordinal)
            .SelectMany(team =>
            {
                var members = Members(team.Members);
                var teamKeys = GcpNames.UniqueKeys(members);
                var condition = TeamCondition(config, team);
                return members.Select(member => new IapAccessorSpec
                {
                    LogicalName = GcpNames.Child(IapSpec.Component, "team", team.Team, teamKeys[member]),
                    Project = config.ProjectId,
                    Role = IapNames.AccessorRole,
                    Member = member,
                    Condition = condition,
                });
            });

        return new IapSpec
        {
            Hostname = hostname,
            StaticIp = new GlobalAddressSpec
            {
                LogicalName = StaticIpName,
                Project = config.ProjectId,
                Name = IapNames.StaticIpName(config),
                Description = $"IAP ingress for {hostname}",
                AddressType = "EXTERNAL",
                IpVersion = "IPV4",
                Labels = GcpLabels.For(config),
            },
            Certificate = new ManagedCertificateSpec
            {
                LogicalName = CertificateName,
                Project = config.ProjectId,
                Name = IapNames.CertificateName(config),
                Description = $"Google-managed certificate for {hostname}",
                Type = "MANAGED",
                Domains = [hostname],
            },
            Accessors =
            [
                .. accessors.Select(member => new IapAccessorSpec
                {
                    LogicalName = GcpNames.Child(IapSpec.Component, "accessor", keys[member]),
                    Project = config.ProjectId,
                    Role = IapNames.AccessorRole,
                    Member = member,
                }),
                .. teamGrants,
            ],
            OAuthClient = client.IsManaged
                ? new IapOAuthClientSpec { Managed = true }
                : new IapOAuthClientSpec
                {
                    Managed = false,
                    ClientId = client.ClientId,
                    ClientSecret = client.ClientSecret,
                    KubernetesSecretName = IapNames.OAuthClientSecretName,
                },
        };
    }
}
