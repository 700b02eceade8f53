namespace SecureServing.Core.Validation.Rules;

/// <summary>duplicate-name: teams, a team's models, node pools, access levels.</summary>
internal static class DuplicateNameRules
{
    public static void Check(RuleContext ctx)
    {
        var c = ctx.Config;
        foreach (var (name, first, index) in Duplicates(c.Cluster.NodePools.Select(p => p.Name)))
        {
            var pools = $"{RuleContext.Ns}cluster.nodePools";
            var path = $"{ctx.StackItem(pools, index)}.name";
            ctx.Stack(RuleCatalog.DuplicateName, path, $"`{path}`: node pool `{name}` is defined twice (also at `{ctx.StackItem(pools, first)}`).");
        }

        foreach (var (name, first, index) in Duplicates(c.Perimeter.AccessLevels.Select(l => l.Name)))
        {
            var levels = $"{RuleContext.Ns}perimeter.accessLevels";
            var path = $"{ctx.StackItem(levels, index)}.name";
            ctx.Stack(RuleCatalog.DuplicateName, path, $"`{path}`: access level `{name}` is defined twice (also at `{ctx.StackItem(levels, first)}`).");
        }

        foreach (var (name, first, index) in Duplicates(c.Teams.Select(t => t.Team)))
        {
            ctx.Team(c.Teams[index], RuleCatalog.DuplicateName, "team", $"`team`: team `{name}` is also defined in `{c.Teams[first].SourceFile}`.");
        }

        foreach (var team in c.Teams)
        {
            foreach (var (name, first, index) in Duplicates(team.Models.Select(m => m.Name)))
            {
                var path = $"{ctx.TeamItem(team, "models", index)}.name";
                ctx.Team(team, RuleCatalog.DuplicateName, path, $"`{path}`: model `{name}` is defined twice (also at `{ctx.TeamItem(team, "models", first)}`).");
            }
        }
    }

    /// <summary>(name, first index, duplicate index) for every repeat of a non-empty name.</summary>
    private static IEnumerable<(string Name, int First, int Index)> Duplicates(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var name in names)
        {
            if (name.Length > 0 && !seen.TryAdd(name, i))
            {
                yield return (name, seen[name], i);
            }

            i++;
        }
    }
}
