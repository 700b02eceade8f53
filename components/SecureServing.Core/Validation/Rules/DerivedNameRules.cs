using SecureServing.Core.Config;
using SecureServing.Core.Config.Loading;
using SecureServing.Core.Gcp;
using SecureServing.Core.Serving;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// derived-name-invalid, derived-name-collision: every name the platform derives from the config, computed by the
/// same functions the planners use, is checked against the target API's rules and for uniqueness after every
/// transformation, before anything is rendered, at the config key that caused it:
/// <list type="bullet">
/// <item>Google service account IDs (the nodes' and each team's): 6-30 characters <c>[a-z]([-a-z0-9]*[a-z0-9])</c>, unique.</item>
/// <item>Team bucket names: Cloud Storage's rules, with no "google" (or a look-alike such as "g00gle") and no "goog" prefix.</item>
/// <item>Knative hosts of the models (<c>ingress.domainTemplate</c>): DNS labels and hostnames, unique across namespaces.</item>
/// <item>Kubernetes Secret and ClusterIssuer names from the config: DNS-1123 subdomains.</item>
/// <item>Pulumi names of access levels, node pools and registry zones: unique after kebab-casing (case, <c>_</c>, hyphen runs).</item>
/// <item>The cluster notifications' Pub/Sub topic: 3-255 characters starting with a letter, not starting with <c>goog</c>.</item>
/// </list>
/// </summary>
internal static class DerivedNameRules
{
    private const string Ns = RuleContext.Ns;

    public static void Check(RuleContext ctx)
    {
        var c = ctx.Config;
        KubernetesName(ctx, $"{Ns}ingress.tlsSecret", c.Ingress.TlsSecret, "Secret");
        KubernetesName(ctx, $"{Ns}ingress.clusterIssuer", c.Ingress.ClusterIssuer, "ClusterIssuer");
        if (c.Mesh.LocalGateway is { } lg)
        {
            KubernetesName(ctx, $"{Ns}mesh.localGateway.tlsSecret", lg.TlsSecret, "Secret");
        }

        if (c.DeploymentName.Length == 0)
        {
            return; // missing-key already reported; every GCP name below starts with it
        }

        ServiceAccounts(ctx);
        Buckets(ctx);
        NotificationsTopic(ctx);
        KnativeHosts(ctx);
        PulumiNames(ctx, $"{Ns}cluster.nodePools", "node pool", c.Cluster.NodePools.Select(p => p.Name), n => GcpNames.Child(ClusterSpec.Component, "pool", n));
        PulumiNames(ctx, $"{Ns}perimeter.accessLevels", "access level", c.Perimeter.AccessLevels.Select(l => l.Name), n => GcpNames.Child(PerimeterSpec.Component, "level", n));
        RegistryZones(ctx);
    }

    /// <summary>A config value used as a Kubernetes object name as it is.</summary>
    private static void KubernetesName(RuleContext ctx, string path, string name, string kind)
    {
        if (name.Length > 0 && !NameRules.IsDns1123Subdomain(name))
        {
            var suggestion = GcpNames.Kebab(name);
            ctx.Stack(RuleCatalog.DerivedNameInvalid, path,
                $"`{path}` is `{name}`, which names a Kubernetes {kind}; {kind} names are DNS-1123 subdomains: at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit.",
                $"Use a name such as `{(suggestion.Length > 0 ? suggestion : "ingress-tls")}`.");
        }
    }

    private static void ServiceAccounts(RuleContext ctx)
    {
        var c = ctx.Config;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Cluster.Provider == ClusterProvider.Gke)
        {
            var nodes = ClusterPlanner.NodeServiceAccountId(c);
            owners[nodes] = "the GKE nodes' service account";
            if (!Formats.ServiceAccountId().IsMatch(nodes))
            {
                ctx.Stack(RuleCatalog.DerivedNameInvalid, $"{Ns}deploymentName",
                    $"`{Ns}deploymentName` gives the nodes' service account ID `{nodes}`, which is not 6-30 characters `[a-z]([-a-z0-9]*[a-z0-9])`.");
            }
        }

        foreach (var team in c.Teams.Where(t => t.Team.Length > 0))
        {
            var id = TeamIdentityNames.GsaAccountId(c, team);
            if (!Formats.ServiceAccountId().IsMatch(id))
            {
                ctx.Team(team, RuleCatalog.DerivedNameInvalid, "team",
                    $"`team` `{team.Team}` gives the service account ID `{id}`, which is not 6-30 characters `[a-z]([-a-z0-9]*[a-z0-9])`.");
            }
            else if (owners.TryGetValue(id, out var owner))
            {
                ctx.Team(team, RuleCatalog.DerivedNameCollision, "team",
                    $"`team` `{team.Team}` gives the Google service account ID `{id}` (`<deploymentName>-<team>`), which is already {owner}: the team would run as that identity.",
                    $"Rename the team (and its file), e.g. `{team.Team}-ml`.");
            }
            else
            {
                owners[id] = $"the service account of team `{team.Team}` (`{team.SourceFile}`)";
            }
        }
    }

    /// <summary>
    /// Cloud Storage refuses bucket names that contain "google" or a close misspelling of it, or start with "goog"
    /// (Cloud Storage, "Bucket naming rules").
    /// </summary>
    internal static string? BucketNameProblem(string name)
    {
        var folded = name.Replace('0', 'o').Replace('1', 'l');
        if (name.StartsWith("goog", StringComparison.Ordinal))
        {
            return "Cloud Storage refuses bucket names that start with `goog`";
        }

        if (folded.Contains("google", StringComparison.Ordinal))
        {
            return "Cloud Storage refuses bucket names that contain `google` or a close misspelling of it";
        }

        return Formats.Bucket().IsMatch(name) ? null : "it is not 3-63 lowercase letters, digits, `-` and `_`, starting and ending with a letter or digit";
    }

    /// <summary>
    /// Pub/Sub refuses topic names that start with "goog" (or are not 3-255 of <c>[A-Za-z0-9-_.~+%]</c> starting with a
    /// letter, which <c>deploymentName</c>'s own format already ensures): Pub/Sub API, "REST Resource: projects.topics",
    /// https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics.
    /// </summary>
    private static void NotificationsTopic(RuleContext ctx)
    {
        if (NotificationsPlanner.Plan(ctx.Config)?.Topic.Name is { } topic && topic.StartsWith("goog", StringComparison.Ordinal))
        {
            ctx.Stack(RuleCatalog.DerivedNameInvalid, $"{Ns}deploymentName",
                $"`{Ns}deploymentName` `{ctx.Config.DeploymentName}` starts the cluster notifications' Pub/Sub topic `{topic}`: Pub/Sub refuses topic names that start with `goog` (Pub/Sub API, \"REST Resource: projects.topics\", https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics).",
                "Use a deployment name that does not start with `goog`.");
        }
    }

    private static void Buckets(RuleContext ctx)
    {
        var c = ctx.Config;
        var suffix = new string('0', TeamIdentityNames.BucketSuffixBytes * 2);
        var deploymentProblem = BucketNameProblem(GcpNames.Kebab(c.DeploymentName) + "-" + suffix);
        if (deploymentProblem is not null && c.Teams.Count > 0)
        {
            ctx.Stack(RuleCatalog.DerivedNameInvalid, $"{Ns}deploymentName",
                $"`{Ns}deploymentName` `{c.DeploymentName}` starts every team bucket name (`{TeamIdentityNames.BucketNamePrefix(c, c.Teams[0])}-<random>`): {deploymentProblem}.",
                "Use a deployment name without `google` (or `g00gle`) that does not start with `goog`.");
            return;
        }

        foreach (var team in c.Teams.Where(t => t.Team.Length > 0))
        {
            var bucket = $"{TeamIdentityNames.BucketNamePrefix(c, team)}-{suffix}";
            if (BucketNameProblem(bucket) is { } problem)
            {
                ctx.Team(team, RuleCatalog.DerivedNameInvalid, "team",
                    $"`team` `{team.Team}` gives the model bucket `{TeamIdentityNames.BucketNamePrefix(c, team)}-<random>`: {problem}.",
                    "Rename the team (and its file) without `google` in its name.");
            }
        }
    }

    /// <summary>
    /// The host Knative gives each model's route (the predictor, and KServe's top-level service unless
    /// <c>mesh.disableIstioVirtualHost</c>): a valid DNS name, and no two models with one host, or one would receive
    /// the other's traffic.
    /// </summary>
    private static void KnativeHosts(RuleContext ctx)
    {
        var c = ctx.Config;
        var template = c.Ingress.DomainTemplate;
        var domain = c.Ingress.Hostname;
        if (domain.Length == 0 || !KnativeDomainTemplate.TryRender(template, "model-predictor", "team-models", domain, out var sample))
        {
            return; // no hostname (missing-key), or a template that cannot be evaluated offline
        }

        if (HostProblem(sample) is { } templateProblem)
        {
            ctx.Stack(RuleCatalog.DerivedNameInvalid, $"{Ns}ingress.domainTemplate",
                $"`{Ns}ingress.domainTemplate` `{template}` gives hosts such as `{sample}`, {templateProblem}.",
                "Use `{{.Name}}-{{.Namespace}}.{{.Domain}}` (the default).");
            return;
        }

        var owners = new Dictionary<string, (TeamConfig Team, string Path, string Model)>(StringComparer.Ordinal);
        foreach (var (team, model, path) in ctx.Models())
        {
            if (model.Name.Length == 0 || team.Namespace.Length == 0)
            {
                continue;
            }

            string[] services = c.Mesh.DisableIstioVirtualHost ? [ModelUrls.KnativeServiceName(c, model)] : [model.Name, $"{model.Name}-predictor"];
            foreach (var service in services)
            {
                KnativeDomainTemplate.TryRender(template, service, team.Namespace, domain, out var host);
                var namePath = $"{path}.name";
                if (HostProblem(host, skipLabel: $"{model.Name}-predictor-{team.Namespace}") is { } problem)
                {
                    ctx.Team(team, RuleCatalog.DerivedNameInvalid, namePath, $"`{namePath}` `{model.Name}` in namespace `{team.Namespace}` gets the Knative host `{host}`, {problem}.",
                        "Shorten the model name or the namespace.");
                }
                // The same model name in the same namespace is one object, which duplicate-name or namespace-claimed-twice reports.
                else if (owners.TryGetValue(host, out var first) && !(first.Team.Namespace == team.Namespace && first.Model == model.Name))
                {
                    ctx.Team(team, RuleCatalog.DerivedNameCollision, namePath,
                        $"`{namePath}` `{model.Name}` in namespace `{team.Namespace}` gets the Knative host `{host}`, which model `{first.Model}` (`{first.Path}.name` in `{first.Team.SourceFile}`) already gets: one of them would receive the other's requests.",
                        "Rename one of the two models.");
                }
                else
                {
                    owners.TryAdd(host, (team, path, model.Name));
                }
            }
        }
    }

    /// <summary>Why a host is not a valid DNS name (labels of 1-63 lowercase letters, digits and hyphens; 253 in all), or null.</summary>
    private static string? HostProblem(string host, string? skipLabel = null)
    {
        if (host.Length > 253)
        {
            return $"{host.Length} characters (at most 253)";
        }

        foreach (var label in host.Split('.'))
        {
            if (label == skipLabel && label.Length > 63)
            {
                continue; // model-name reports this label's length
            }

            if (!NameRules.IsDns1123Label(label))
            {
                return $"whose label `{label}` is not 1-63 lowercase letters, digits and hyphens starting and ending with a letter or digit";
            }
        }

        return null;
    }

    /// <summary>Entries of a config list whose Pulumi resource names coincide although the names differ.</summary>
    private static void PulumiNames(RuleContext ctx, string listPath, string what, IEnumerable<string> names, Func<string, string> pulumiName)
    {
        var owners = new Dictionary<string, (string Name, int Index)>(StringComparer.Ordinal);
        var i = 0;
        foreach (var name in names)
        {
            var derived = pulumiName(name);
            if (name.Length > 0 && owners.TryGetValue(derived, out var first) && first.Name != name)
            {
                var path = $"{ctx.StackItem(listPath, i)}.name";
                ctx.Stack(RuleCatalog.DerivedNameCollision, path,
                    $"`{path}` `{name}` and `{ctx.StackItem(listPath, first.Index)}.name` `{first.Name}` give one Pulumi resource name, `{derived}` (names are lower-cased and `_` or runs of `-` become one `-`).",
                    $"Rename the {what} so the two differ in letters or digits, not only in case or separators.");
            }
            else if (name.Length > 0)
            {
                owners.TryAdd(derived, (name, i));
            }

            i++;
        }
    }

    private static void RegistryZones(RuleContext ctx)
    {
        var c = ctx.Config;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Network.Egress == EgressMode.Restricted)
        {
            owners[GcpNames.Kebab(RegistryDnsPlanner.GoogleApis)] = $"`{RegistryDnsPlanner.GoogleApis}` (added for `network.egress: restricted`)";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.RegistryDns.Domains.Count; i++)
        {
            var domain = c.RegistryDns.Domains[i].TrimEnd('.').ToLowerInvariant();
            var key = GcpNames.Kebab(domain);
            if (!seen.Add(domain) || key.Length == 0 || domain == RegistryDnsPlanner.GoogleApis)
            {
                continue; // the same domain twice is one zone
            }

            var path = ctx.StackItem($"{Ns}registryDns.domains", i);
            if (owners.TryGetValue(key, out var first))
            {
                ctx.Stack(RuleCatalog.DerivedNameCollision, path,
                    $"`{path}` `{domain}` and {first} give one private zone name, `{GcpNames.Prefixed(c, key)}`.",
                    "Remove one of the two domains.");
            }
            else
            {
                owners[key] = $"`{path}` `{domain}`";
            }
        }
    }
}
