using Pulumi;

namespace SecureServing.Components.Gcp;

/// <summary>
/// The options every component gives its children, in one place so they can be tested without a deployment:
/// <c>Parent</c> is the component; the component's own <c>DependsOn</c> is handed down (Pulumi does not make children
/// wait for their parent's dependencies); <c>Protect</c> only when the spec asks for it (otherwise unset, so a child
/// inherits <c>protect</c> from its component); <c>IgnoreChanges</c> and <c>DeleteBeforeReplace</c> from the spec.
/// </summary>
public static class ChildOptions
{
    public static CustomResourceOptions For(
        Resource parent,
        ComponentResourceOptions? componentOptions,
        bool protect = false,
        IEnumerable<string>? ignoreChanges = null,
        IEnumerable<Resource>? dependsOn = null,
        bool deleteBeforeReplace = false)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var options = new CustomResourceOptions { Parent = parent };
        if (protect)
        {
            options.Protect = true;
        }

        if (deleteBeforeReplace)
        {
            options.DeleteBeforeReplace = true;
        }

        var ignored = ignoreChanges?.ToList() ?? [];
        if (ignored.Count > 0)
        {
            options.IgnoreChanges = ignored;
        }

        var inherited = componentOptions?.DependsOn;
        var extra = dependsOn?.ToList() ?? [];
        if (inherited is not null || extra.Count > 0)
        {
            var list = new InputList<Resource>();
            if (inherited is not null)
            {
                list.AddRange(inherited);
            }

            foreach (var resource in extra)
            {
                list.Add(resource);
            }

            options.DependsOn = list;
        }

        return options;
    }

    /// <summary>Throws unless <paramref name="childName"/> starts with <c>component-</c> (the plan's naming scheme).</summary>
    public static string Prefixed(string component, string childName)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(childName);
        return childName.StartsWith(component + "-", StringComparison.Ordinal)
            ? childName
            : throw new ArgumentException($"Child '{childName}' of component '{component}' must be named '{component}-…'.", nameof(childName));
    }
}
