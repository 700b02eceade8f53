using CsCheck;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Tests.Properties;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// For generated team configurations that every guardrail accepts, the access evaluated on the rendered plan is
/// exactly the intent: on the dev stack's platform (namespace mTLS, no Dex) and on prod's (mesh mTLS, Dex).
/// </summary>
public sealed class AccessPropertyTests
{
    /// <summary>One generated model: name, exposed via IAP, activator on.</summary>
    public sealed record ModelShape(string Name, bool Exposed, bool Activator)
    {
        public override string ToString() => $"{Name}{(Exposed ? "+iap" : "")}{(Activator ? "+activator" : "")}";
    }

    /// <summary>One generated team: its namespace, the other namespaces it lists, its IAM members and models.</summary>
    public sealed record TeamShape(string Team, string Namespace, IReadOnlyList<string> Allowed, IReadOnlyList<string> Members, IReadOnlyList<ModelShape> Models)
    {
        public override string ToString() =>
            $"{Team}@{Namespace} allowed=[{string.Join(",", Allowed)}] members=[{string.Join(",", Members)}] models=[{string.Join(",", Models)}]";
    }

    private static readonly string[] TeamNames = ["alpha", "beta", "gamma"];
    private static readonly string[] Namespaces = ["alpha-models", "beta-models", "gamma-models", "shared-ml", "batch-jobs"];

    private static Gen<ModelShape> Model(int i, bool activatorAllowed) =>
        Gen.Select(Gen.Bool, activatorAllowed ? Gen.Bool : Gen.Const(false), (exposed, activator) => new ModelShape($"model-{i}", exposed, activator));

    private static Gen<IReadOnlyList<TeamShape>> Teams(bool activatorAllowed) =>
        from count in Gen.Int[1, 3]
        from namespaces in Gen.Shuffle(Namespaces).Select(n => n.Take(count).ToArray())
        from teams in All(Enumerable.Range(0, count).Select(i => Team(i, namespaces, activatorAllowed)))
        select (IReadOnlyList<TeamShape>)teams;

    private static Gen<TeamShape> Team(int i, string[] namespaces, bool activatorAllowed) =>
        from allowed in Gen.Shuffle(Namespaces.Where(n => n != namespaces[i]).ToArray()).SelectMany(list => Gen.Int[0, 2].Select(k => list.Take(k).ToArray()))
        from members in Gen.Shuffle(new[] { $"group:{TeamNames[i]}-ml@example.com", $"user:{TeamNames[i]}-lead@example.com", $"domain:{TeamNames[i]}.example.com" })
            .SelectMany(list => Gen.Int[0, 2].Select(k => list.Take(k).ToArray()))
        from modelCount in Gen.Int[1, 3]
        from models in All(Enumerable.Range(1, modelCount).Select(m => Model(m, activatorAllowed)))
        select new TeamShape(TeamNames[i], namespaces[i], allowed, members, models);

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (acc, gen) => acc.SelectMany(values => gen.Select(v => (T[])[.. values, v])));

    private static PlatformConfig With(PlatformConfig stack, IReadOnlyList<TeamShape> teams) => stack with
    {
        Teams =
        [
            .. teams.Select(t => new TeamConfig
            {
                Team = t.Team,
                Namespace = t.Namespace,
                AllowedNamespaces = t.Allowed,
                Members = t.Members,
                SourceFile = $"stacks/{stack.Stack}/{t.Team}.yaml",
                Models = [.. t.Models.Select(m => new ModelConfig
                {
                    Name = m.Name,
                    Format = "sklearn",
                    StorageUri = "{teamBucket}/" + m.Name,
                    ExposeViaIap = m.Exposed,
                    Activator = m.Activator ? ActivatorMode.On : ActivatorMode.Off,
                })],
                Acknowledgements = t.Models.Any(m => m.Activator) ? [new Acknowledgement("activator-bypasses-isolation", "generated")] : [],
            }),
        ],
    };

    private static void MatchesIntent(PlatformConfig config)
    {
        var report = AccessCheck.Evaluate(config);
        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
    }

    [Fact]
    public void Evaluated_access_equals_intent_for_generated_teams_on_the_dev_platform()
    {
        var dev = AccessKit.Shipped("dev");
        Teams(activatorAllowed: true).Holds(teams => MatchesIntent(With(dev, teams)), iter: 15);
    }

    /// <summary>
    /// On prod's platform the generated models keep the activator off: with Dex, an activator-on model keeps out its
    /// own namespace's callers (the activator's grant requires a Dex token), which the gate reports (rule case
    /// "activator on a Dex stack").
    /// </summary>
    [Fact]
    public void Evaluated_access_equals_intent_for_generated_teams_on_the_prod_platform()
    {
        var prod = AccessKit.Shipped("prod");
        Teams(activatorAllowed: false).Holds(teams => MatchesIntent(With(prod, teams)), iter: 15);
    }
}
