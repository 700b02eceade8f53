using Pulumi;
using SecureServing.Components.Kubernetes;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Validation;

namespace SecureServing.Infra;

/// <summary>
/// The whole program for one stack: the guardrails first (the same <see cref="StackCheck"/> and messages as
/// <c>secure-serving check</c>), then the GCP components, then the serving stack and the Kubernetes layer. Callable from tests under
/// <c>Deployment.TestAsync</c>.
/// </summary>
public static class SecureServingStack
{
    /// <summary>The program's body: <see cref="Run"/>'s stack outputs (empty when the stack was refused).</summary>
    public static IDictionary<string, object?> Create(string repoRoot, string stackName) => Run(repoRoot, stackName).Outputs;

    /// <summary>
    /// Checks <paramref name="stackName"/>'s configuration under <paramref name="repoRoot"/>. With any error, logs every
    /// finding as <c>check</c> prints it (so <c>pulumi up</c> fails) and registers nothing; otherwise composes the
    /// stack (outputs: <see cref="StackOutputs"/>). Warnings are logged either way.
    /// </summary>
    public static StackRun Run(string repoRoot, string stackName)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        ArgumentNullException.ThrowIfNull(stackName);

        var report = StackCheck.Run(repoRoot, stackName);
        foreach (var warning in report.Findings.Where(f => f.Severity == Severity.Warning))
        {
            Log.Warn(CheckReportText.FindingWithFile(warning));
        }

        if (report.HasErrors || report.Config is null)
        {
            foreach (var error in report.Findings.Where(f => f.Severity == Severity.Error))
            {
                Log.Error(CheckReportText.FindingWithFile(error));
            }

            Log.Error($"{CheckReportText.Summary(report)}. Nothing was deployed: fix the findings above " +
                $"(`secure-serving check --stack {stackName}` shows them offline) and run again.");
            return new StackRun(report, null);
        }

        return new StackRun(report, Compose(report.Config));
    }

    /// <summary>Every component of a validated configuration, and the stack outputs.</summary>
    public static StackComposition Compose(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var gcp = new GcpLayer(GcpPlanner.Plan(config));
        var plan = KubernetesPlanner.Plan(config);
        var kubernetes = KubernetesWiring.Create(config, plan, ServingStackPlanner.Plan(config, plan), gcp);
        return new StackComposition(gcp, kubernetes.Layer, kubernetes.ServingStack, StackOutputs.For(config, gcp));
    }
}

/// <summary>The check report, and what was created: null when the stack was refused.</summary>
public sealed record StackRun(CheckReport Report, StackComposition? Composition)
{
    public IDictionary<string, object?> Outputs => Composition?.Outputs ?? new Dictionary<string, object?>();
}

/// <summary>What <see cref="SecureServingStack.Compose"/> created; <paramref name="ServingStack"/> is null with <c>serving.install: false</c>.</summary>
public sealed record StackComposition(GcpLayer Gcp, KubernetesLayer Kubernetes, ServingStackComponent? ServingStack, IDictionary<string, object?> Outputs);
