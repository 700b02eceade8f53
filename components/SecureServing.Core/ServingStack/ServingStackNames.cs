namespace SecureServing.Core.ServingStack;

/// <summary>
/// The Pulumi names of the installed serving stack: its component (<see cref="Component"/>), one chart or manifest per
/// release (<c>serving-&lt;release&gt;</c>, e.g. <c>serving-istiod</c>) and one namespace per namespace the stack creates
/// (<c>serving-namespace-&lt;namespace&gt;</c>, e.g. <c>serving-namespace-kserve</c>).
/// </summary>
public static class ServingStackNames
{
    /// <summary>The serving stack component's name.</summary>
    public const string Component = "serving";

    /// <summary>The chart or manifest resource of <paramref name="release"/> in <paramref name="component"/>.</summary>
    public static string Release(string component, string release)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(release);
        return $"{component}-{release}";
    }

    /// <summary>The namespace resource <paramref name="component"/> creates for <paramref name="ns"/>.</summary>
    public static string Namespace(string component, string ns)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(ns);
        return $"{component}-namespace-{ns}";
    }
}
