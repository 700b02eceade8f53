using SecureServing.Core.ServingStack;

namespace SecureServing.Core.Validation.Rules;

/// <summary>version-unsupported: <c>secure-serving:versions</c> must be a combination of <see cref="SupportedVersions"/>.</summary>
internal static class VersionRules
{
    public static void Check(RuleContext ctx)
    {
        foreach (var problem in SupportedVersions.Check(ctx.Config.Versions))
        {
            ctx.Stack(RuleCatalog.VersionUnsupported, SupportedVersions.KeyPath(problem.Component), problem.Message, problem.Fix);
        }
    }
}
