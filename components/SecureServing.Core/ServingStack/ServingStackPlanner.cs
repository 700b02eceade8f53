using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.ServingStack;

/// <summary>
/// Decides the serving stack <c>pulumi up</c> installs (<c>secure-serving:serving.install</c>), in dependency order:
/// Istio (base CRDs, istiod, the public and the cluster-local gateway), cert-manager, Knative Serving with net-istio,
/// KServe (CRDs, controller, runtimes). Versions come from <c>secure-serving:versions</c>, images from the stack's
/// mirrors under restricted egress (<see cref="ImageMirrors"/>), and the settings the platform would otherwise patch
/// into the installed objects from its own plan (<see cref="InstalledObjects"/>). Pure and deterministic.
/// </summary>
public static class ServingStackPlanner
{
    public static ServingStackPlan Plan(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Serving.Install ? Plan(config, KubernetesPlanner.PlatformObjects(config)) : ServingStackPlan.None;
    }

    /// <summary>The plan for a stack whose Kubernetes plan is already built (the settings it absorbs are its <see cref="KubernetesPlan.InstalledValues"/>).</summary>
    public static ServingStackPlan Plan(PlatformConfig config, KubernetesPlan kubernetes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(kubernetes);
        return config.Serving.Install ? Plan(config, kubernetes.InstalledValues) : ServingStackPlan.None;
    }

    /// <summary>The releases, with the patches <see cref="InstalledObjects.Absorbed"/> picks from <paramref name="platform"/> merged in.</summary>
    private static ServingStackPlan Plan(PlatformConfig config, IReadOnlyList<KubernetesObject> platform)
    {
        var mirrors = ImageMirrors.For(config);
        var absorbed = InstalledObjects.Absorbed(config, platform);
        IEnumerable<Release> releases =
        [
            .. IstioReleases.For(config, mirrors, absorbed),
            CertManagerRelease.For(config, mirrors),
            .. KnativeReleases.For(config, mirrors, absorbed),
            .. KserveReleases.For(config, mirrors, absorbed),
        ];

        var plan = new ServingStackPlan([.. releases.Select(r => r with { Images = mirrors })]);
        EnsureOrdered(plan);
        return plan;
    }

    /// <summary>Names are unique and every dependency is an earlier release: the plan is its own apply order.</summary>
    private static void EnsureOrdered(ServingStackPlan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var release in plan.Releases)
        {
            if (release.DependsOn.FirstOrDefault(d => !seen.Contains(d)) is { } missing)
            {
                throw new InvalidOperationException($"Release {release.Name} depends on {missing}, which is not planned before it.");
            }

            if (!seen.Add(release.Name))
            {
                throw new InvalidOperationException($"Release {release.Name} is planned twice.");
            }
        }
    }
}
