using Pulumi;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.ServingStack;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// What the Kubernetes layer needs beyond its plan: the provider every object is registered with, and the values that
/// exist only after deploy or only as Pulumi secrets.
/// </summary>
/// <param name="Provider">The explicit Kubernetes provider (<see cref="KubernetesProviderFactory"/>).</param>
/// <param name="Outputs">
/// Each <see cref="ResourceRef"/> the plan's objects use (<see cref="KubernetesObject.Outputs"/>), e.g. the team bucket
/// name <c>${team-fraud-bucket.name}</c> in an InferenceService's storageUri, mapped to the GCP resource's output.
/// </param>
/// <param name="Secrets">
/// Each <see cref="SecretRef"/> the plan's objects use (<see cref="KubernetesObject.Secrets"/>), e.g. the bring-your-own
/// IAP OAuth client secret, as a Pulumi secret output (<see cref="StackSecrets.Require"/>). Never plaintext.
/// </param>
public sealed record KubernetesLayerInputs(
    Pulumi.Kubernetes.Provider Provider,
    IReadOnlyDictionary<ResourceRef, Output<string>> Outputs,
    IReadOnlyDictionary<SecretRef, Output<string>> Secrets)
{
    /// <summary>The installed serving stack the objects wait for (<see cref="ReadinessEdges"/>); none by default.</summary>
    public ServingStackPlan ServingStack { get; init; } = ServingStackPlan.None;

    /// <summary>The registered release per name of <see cref="ServingStack"/> (<see cref="ServingStackComponent.Releases"/>).</summary>
    public IReadOnlyDictionary<string, Resource> Releases { get; init; } = new Dictionary<string, Resource>(StringComparer.Ordinal);

    /// <summary>
    /// The inputs for <paramref name="plan"/>: each output reference resolved with <paramref name="resolveOutput"/>
    /// (e.g. <c>GcpOutputs.Resolve</c>), each secret read with <paramref name="readSecret"/> (default: from the stack
    /// configuration, <see cref="StackSecrets.Require"/>).
    /// </summary>
    public static KubernetesLayerInputs Create(KubernetesPlan plan, Pulumi.Kubernetes.Provider provider,
        Func<ResourceRef, Output<string>> resolveOutput, Func<SecretRef, Output<string>>? readSecret = null)
    {
        ArgumentNullException.ThrowIfNull(resolveOutput);
        return new KubernetesLayerInputs(
            provider,
            OutputsNeeded(plan).ToDictionary(r => r, resolveOutput),
            SecretsNeeded(plan).ToDictionary(s => s, readSecret ?? StackSecrets.Require));
    }

    /// <summary>Every distinct output reference the plan's objects hold, for the caller to fill.</summary>
    public static IReadOnlyList<ResourceRef> OutputsNeeded(KubernetesPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Objects.SelectMany(o => o.Outputs).Select(o => o.Ref).Distinct()];
    }

    /// <summary>Every distinct secret the plan's objects hold.</summary>
    public static IReadOnlyList<SecretRef> SecretsNeeded(KubernetesPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Objects.SelectMany(o => o.Secrets).Select(s => s.Source).Distinct()];
    }
}
