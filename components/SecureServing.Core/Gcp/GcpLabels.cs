using SecureServing.Core.Config;

namespace SecureServing.Core.Gcp;

/// <summary>
/// The GCP labels every labellable resource of the plan carries (<c>secure-serving:labels</c>): <c>environment</c>
/// (default: the stack name), <c>team</c> (the platform team from config; a team's own resources carry the team's
/// name) and <c>cost-centre</c>. Resources without a <c>labels</c> input in GCP (networks, firewalls, service accounts,
/// IAM members, key rings, access policies, perimeters) have none.
/// </summary>
public static class GcpLabels
{
    public const string Environment = "environment";
    public const string Team = "team";
    public const string CostCentre = "cost-centre";

    /// <summary>The labels of a platform resource, or of <paramref name="team"/>'s own resources.</summary>
    public static IReadOnlyDictionary<string, string> For(PlatformConfig config, string? team = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Environment] = config.Labels.Environment ?? GcpNames.Bounded(GcpNames.Kebab(config.Stack), 63),
        };
        if ((team ?? config.Labels.Team) is { } owner)
        {
            labels[Team] = owner;
        }

        if (config.Labels.CostCentre is { } costCentre)
        {
            labels[CostCentre] = costCentre;
        }

        return labels;
    }
}
