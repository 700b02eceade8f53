using Pulumi;
using Pulumi.Gcp.AccessContextManager.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// A <see cref="PerimeterConfigurationSpec"/> as the perimeter's <c>status</c> (enforced) or <c>spec</c> (dry run)
/// input, field for field as <c>PerimeterRendering</c> writes it. The SDK generates the status and spec blocks (and
/// every nested ingress, egress, operation and method-selector args type) as unrelated types with the same fields, so
/// each field is one line of <see cref="Description"/> with a setter per type
/// (<see cref="TwinArgs{TSource, TFirst, TSecond}"/>), as <see cref="NodeConfigArgs"/> does for node configs.
/// </summary>
internal static class PerimeterConfigurationArgs
{
    public static ServicePerimeterStatusArgs Status(PerimeterConfigurationSpec c, GcpOutputs outputs) => Description.First(new(c, outputs));

    public static ServicePerimeterSpecArgs Spec(PerimeterConfigurationSpec c, GcpOutputs outputs) => Description.Second(new(c, outputs));

    private sealed record Source(PerimeterConfigurationSpec Spec, GcpOutputs Outputs);

    private static readonly TwinArgs<MethodSelectorSpec, ServicePerimeterStatusIngressPolicyIngressToOperationMethodSelectorArgs, ServicePerimeterSpecIngressPolicyIngressToOperationMethodSelectorArgs> IngressMethod =
        new TwinArgs<MethodSelectorSpec, ServicePerimeterStatusIngressPolicyIngressToOperationMethodSelectorArgs, ServicePerimeterSpecIngressPolicyIngressToOperationMethodSelectorArgs>()
            .Field(m => InputValues.Optional(m.Method), (a, v) => a.Method = v, (a, v) => a.Method = v)
            .Field(m => InputValues.Optional(m.Permission), (a, v) => a.Permission = v, (a, v) => a.Permission = v);

    private static readonly TwinArgs<ApiOperationSpec, ServicePerimeterStatusIngressPolicyIngressToOperationArgs, ServicePerimeterSpecIngressPolicyIngressToOperationArgs> IngressOperation =
        new TwinArgs<ApiOperationSpec, ServicePerimeterStatusIngressPolicyIngressToOperationArgs, ServicePerimeterSpecIngressPolicyIngressToOperationArgs>()
            .Field(o => o.ServiceName, (a, v) => a.ServiceName = v, (a, v) => a.ServiceName = v)
            .Blocks(o => o.MethodSelectors, IngressMethod, (a, v) => a.MethodSelectors = v, (a, v) => a.MethodSelectors = v);

    private static readonly TwinArgs<(IngressSourceSpec Source, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressFromSourceArgs, ServicePerimeterSpecIngressPolicyIngressFromSourceArgs> IngressSource =
        new TwinArgs<(IngressSourceSpec Source, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressFromSourceArgs, ServicePerimeterSpecIngressPolicyIngressFromSourceArgs>()
            .Field(s => AccessLevel(s.Source, s.Outputs), (a, v) => a.AccessLevel = v, (a, v) => a.AccessLevel = v)
            .Field(s => InputValues.Optional(s.Source.Resource), (a, v) => a.Resource = v, (a, v) => a.Resource = v);

    private static readonly TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressFromArgs, ServicePerimeterSpecIngressPolicyIngressFromArgs> IngressFrom =
        new TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressFromArgs, ServicePerimeterSpecIngressPolicyIngressFromArgs>()
            .Field(i => InputValues.ListOrUnset(i.Policy.Identities), (a, v) => a.Identities = v, (a, v) => a.Identities = v)
            .Field(i => InputValues.Optional(i.Policy.IdentityType), (a, v) => a.IdentityType = v, (a, v) => a.IdentityType = v)
            .Blocks(i => i.Policy.Sources.Select(s => (s, i.Outputs)), IngressSource, (a, v) => a.Sources = v, (a, v) => a.Sources = v);

    private static readonly TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressToArgs, ServicePerimeterSpecIngressPolicyIngressToArgs> IngressTo =
        new TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyIngressToArgs, ServicePerimeterSpecIngressPolicyIngressToArgs>()
            .Field(i => InputValues.ListOrUnset(i.Policy.Resources), (a, v) => a.Resources = v, (a, v) => a.Resources = v)
            .Blocks(i => i.Policy.Operations, IngressOperation, (a, v) => a.Operations = v, (a, v) => a.Operations = v);

    private static readonly TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyArgs, ServicePerimeterSpecIngressPolicyArgs> Ingress =
        new TwinArgs<(IngressPolicySpec Policy, GcpOutputs Outputs), ServicePerimeterStatusIngressPolicyArgs, ServicePerimeterSpecIngressPolicyArgs>()
            .Field(i => InputValues.Optional(i.Policy.Title), (a, v) => a.Title = v, (a, v) => a.Title = v)
            .Block(IngressFrom, (a, v) => a.IngressFrom = v, (a, v) => a.IngressFrom = v)
            .Block(IngressTo, (a, v) => a.IngressTo = v, (a, v) => a.IngressTo = v);

    private static readonly TwinArgs<MethodSelectorSpec, ServicePerimeterStatusEgressPolicyEgressToOperationMethodSelectorArgs, ServicePerimeterSpecEgressPolicyEgressToOperationMethodSelectorArgs> EgressMethod =
        new TwinArgs<MethodSelectorSpec, ServicePerimeterStatusEgressPolicyEgressToOperationMethodSelectorArgs, ServicePerimeterSpecEgressPolicyEgressToOperationMethodSelectorArgs>()
            .Field(m => InputValues.Optional(m.Method), (a, v) => a.Method = v, (a, v) => a.Method = v)
            .Field(m => InputValues.Optional(m.Permission), (a, v) => a.Permission = v, (a, v) => a.Permission = v);

    private static readonly TwinArgs<ApiOperationSpec, ServicePerimeterStatusEgressPolicyEgressToOperationArgs, ServicePerimeterSpecEgressPolicyEgressToOperationArgs> EgressOperation =
        new TwinArgs<ApiOperationSpec, ServicePerimeterStatusEgressPolicyEgressToOperationArgs, ServicePerimeterSpecEgressPolicyEgressToOperationArgs>()
            .Field(o => o.ServiceName, (a, v) => a.ServiceName = v, (a, v) => a.ServiceName = v)
            .Blocks(o => o.MethodSelectors, EgressMethod, (a, v) => a.MethodSelectors = v, (a, v) => a.MethodSelectors = v);

    private static readonly TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyEgressFromArgs, ServicePerimeterSpecEgressPolicyEgressFromArgs> EgressFrom =
        new TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyEgressFromArgs, ServicePerimeterSpecEgressPolicyEgressFromArgs>()
            .Field(e => InputValues.ListOrUnset(e.Identities), (a, v) => a.Identities = v, (a, v) => a.Identities = v)
            .Field(e => InputValues.Optional(e.IdentityType), (a, v) => a.IdentityType = v, (a, v) => a.IdentityType = v);

    private static readonly TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyEgressToArgs, ServicePerimeterSpecEgressPolicyEgressToArgs> EgressTo =
        new TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyEgressToArgs, ServicePerimeterSpecEgressPolicyEgressToArgs>()
            .Field(e => InputValues.ListOrUnset(e.Resources), (a, v) => a.Resources = v, (a, v) => a.Resources = v)
            .Blocks(e => e.Operations, EgressOperation, (a, v) => a.Operations = v, (a, v) => a.Operations = v);

    private static readonly TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyArgs, ServicePerimeterSpecEgressPolicyArgs> Egress =
        new TwinArgs<EgressPolicySpec, ServicePerimeterStatusEgressPolicyArgs, ServicePerimeterSpecEgressPolicyArgs>()
            .Field(e => InputValues.Optional(e.Title), (a, v) => a.Title = v, (a, v) => a.Title = v)
            .Block(EgressFrom, (a, v) => a.EgressFrom = v, (a, v) => a.EgressFrom = v)
            .Block(EgressTo, (a, v) => a.EgressTo = v, (a, v) => a.EgressTo = v);

    private static readonly TwinArgs<Source, ServicePerimeterStatusVpcAccessibleServicesArgs, ServicePerimeterSpecVpcAccessibleServicesArgs> VpcAccessibleServices =
        new TwinArgs<Source, ServicePerimeterStatusVpcAccessibleServicesArgs, ServicePerimeterSpecVpcAccessibleServicesArgs>()
            .Field(s => s.Spec.VpcAccessibleServicesRestricted, (a, v) => a.EnableRestriction = v, (a, v) => a.EnableRestriction = v)
            .Field(s => InputValues.ListOrUnset(s.Spec.VpcAllowedServices), (a, v) => a.AllowedServices = v, (a, v) => a.AllowedServices = v);

    /// <summary>Every field of the configuration, in <c>PerimeterRendering</c>'s order.</summary>
    private static readonly TwinArgs<Source, ServicePerimeterStatusArgs, ServicePerimeterSpecArgs> Description =
        new TwinArgs<Source, ServicePerimeterStatusArgs, ServicePerimeterSpecArgs>()
            .Field(s => InputValues.ListOrUnset(s.Spec.Resources), (a, v) => a.Resources = v, (a, v) => a.Resources = v)
            .Field(s => InputValues.ListOrUnset(s.Spec.RestrictedServices), (a, v) => a.RestrictedServices = v, (a, v) => a.RestrictedServices = v)
            .Field(s => InputValues.ListOrUnset(s.Spec.AccessLevels.Select(s.Outputs.Resolve)), (a, v) => a.AccessLevels = v, (a, v) => a.AccessLevels = v)
            .Block(VpcAccessibleServices, (a, v) => a.VpcAccessibleServices = v, (a, v) => a.VpcAccessibleServices = v)
            .Blocks(s => s.Spec.IngressPolicies.Select(i => (i, s.Outputs)), Ingress, (a, v) => a.IngressPolicies = v, (a, v) => a.IngressPolicies = v)
            .Blocks(s => s.Spec.EgressPolicies, Egress, (a, v) => a.EgressPolicies = v, (a, v) => a.EgressPolicies = v);

    /// <summary><c>accessLevel</c>: <c>*</c> for any source, the level's <c>name</c> output, or unset for a project source.</summary>
    private static Input<string>? AccessLevel(IngressSourceSpec source, GcpOutputs outputs)
    {
        if (source.AnySource)
        {
            return IngressSourceSpec.Any;
        }

        if (source.AccessLevel is { } level)
        {
            return outputs.Resolve(level);
        }

        return null;
    }
}
