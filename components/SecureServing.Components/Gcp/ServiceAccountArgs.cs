using Pulumi.Gcp.ServiceAccount;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary><see cref="ServiceAccountSpec"/> as <c>gcp:serviceaccount/account:Account</c> inputs (node and team GSAs).</summary>
internal static class ServiceAccountArgs
{
    public static AccountArgs From(ServiceAccountSpec spec) => new()
    {
        Project = spec.Project,
        AccountId = spec.AccountId,
        DisplayName = spec.DisplayName,
        Description = spec.Description,
    };
}
