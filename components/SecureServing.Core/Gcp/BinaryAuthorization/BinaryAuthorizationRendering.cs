using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="BinaryAuthorizationSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class BinaryAuthorizationRendering
{
    public static IEnumerable<RenderedResource> Render(this BinaryAuthorizationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Policy;
        yield return new PropertyBag()
            .Add("project", p.Project)
            .Add("description", p.Description)
            .Add("globalPolicyEvaluationMode", p.GlobalPolicyEvaluationMode)
            .Add("admissionWhitelistPatterns", p.AdmitPatterns.Select(n => new PropertyBag().Add("namePattern", n)))
            .Add("defaultAdmissionRule", new PropertyBag()
                .Add("evaluationMode", p.EvaluationMode)
                .Add("enforcementMode", p.EnforcementMode))
            .Resource(GcpResourceTypes.BinaryAuthorizationPolicy, p.LogicalName);
    }
}
