using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>One caller and model where what the plan lets through is not what the team and stack files mean.</summary>
public sealed record AccessDifference(ModelInfo Model, Caller Caller, bool Probe, Expectation Intent, AccessDecision Evaluated)
{
    /// <summary><c>model fraud-models/sklearn-iris: any pod in the mesh, via knative-local-gateway gets through (intent: denied, ...)</c>.</summary>
    public string Summary =>
        $"model {Model.Key}: {Caller.Label} {Verb(Evaluated.Outcome)}{(Probe ? " on the probe path" : "")} " +
        $"(intent: {Text(Intent.Expected)}, {Intent.Reason}); decided by {Evaluated.Decider}: {Evaluated.Why}";

    internal static string Verb(Outcome outcome) => outcome switch
    {
        Outcome.Allowed => "gets through",
        Outcome.Denied => "is kept out",
        _ => "may or may not get through (unknown)",
    };

    internal static string Text(Outcome? outcome) => outcome switch
    {
        Outcome.Allowed => "allowed",
        Outcome.Denied => "denied",
        Outcome.Unknown => "unknown",
        _ => "not asserted",
    };
}

/// <summary>The evaluated matrix of a stack, its intent cell by cell, and where they differ.</summary>
public sealed record AccessReport(string Stack, AccessMatrix Matrix, IReadOnlyList<AccessDifference> Differences, Func<ModelInfo, Caller, bool, Expectation> Intent)
{
    public bool MatchesIntent => Differences.Count == 0;
}

/// <summary>
/// Renders a validated configuration, evaluates the rendered plans (<see cref="AccessEvaluator"/>), and compares every
/// cell with <see cref="AccessIntent"/>: the access model end to end.
/// </summary>
public static class AccessCheck
{
    public static AccessReport Evaluate(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Evaluate(config, KubernetesPlanner.Plan(config), GcpPlanner.Plan(config));
    }

    /// <summary>Evaluates given plans (for instance, plans a test changed by hand) against the configuration's intent.</summary>
    public static AccessReport Evaluate(PlatformConfig config, KubernetesPlan plan, GcpPlan gcp)
    {
        ArgumentNullException.ThrowIfNull(config);
        var callers = AccessCallers.For(config, plan, gcp);
        var matrix = AccessEvaluator.Evaluate(plan, gcp, callers);
        var differences = new List<AccessDifference>();
        foreach (var row in matrix.Models)
        {
            foreach (var cell in row.Cells)
            {
                foreach (var (probe, decision) in new[] { (false, cell.Predict), (true, cell.Probe) })
                {
                    var intent = AccessIntent.For(config, cell.Caller, row.Model, probe);
                    if (intent.Expected is { } expected && decision.Outcome != expected)
                    {
                        differences.Add(new AccessDifference(row.Model, cell.Caller, probe, intent, decision));
                    }
                }
            }
        }

        return new AccessReport(config.Stack, matrix, differences, (model, caller, probe) => AccessIntent.For(config, caller, model, probe));
    }
}
