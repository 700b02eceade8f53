using Pulumi;
using Pulumi.Gcp.BinaryAuthorization;
using Pulumi.Gcp.BinaryAuthorization.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:BinaryAuthorization</c>: the project's Binary Authorization policy
/// (<see cref="BinaryAuthorizationSpec"/>), <c>protect</c>ed when the spec says so.
/// </summary>
public sealed class BinaryAuthorizationComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:BinaryAuthorization";

    public BinaryAuthorizationComponent(string name, BinaryAuthorizationSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);

        var p = spec.Policy;
        Policy = new Policy(ChildOptions.Prefixed(name, p.LogicalName), new PolicyArgs
        {
            Project = p.Project,
            Description = p.Description,
            GlobalPolicyEvaluationMode = p.GlobalPolicyEvaluationMode,
            AdmissionWhitelistPatterns = InputValues.ListOrUnset(p.AdmitPatterns.Select(n => new PolicyAdmissionWhitelistPatternArgs { NamePattern = n })),
            DefaultAdmissionRule = new PolicyDefaultAdmissionRuleArgs
            {
                EvaluationMode = p.EvaluationMode,
                EnforcementMode = p.EnforcementMode,
            },
        }, ChildOptions.For(this, options, protect: spec.Protect));
        outputs.Add(p.LogicalName, Policy);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["policy"] = Policy.Id,
        });
    }

    public Policy Policy { get; }
}
