using Pulumi.Gcp.AccessContextManager.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// A <see cref="PerimeterConfigurationSpec"/> as the perimeter's <c>status</c> (enforced) or <c>spec</c> (dry run)
/// input, field for field as <c>PerimeterRendering</c> writes it.
/// </summary>
/// <remarks>
/// The SDK generates the status and spec blocks (and every nested ingress, egress, operation and method-selector args
/// type) as unrelated types with no shared interface, so one configuration is mapped twice, <see cref="Status"/> and
/// <see cref="Spec"/>, line for line. Change both together.
/// </remarks>
internal static class PerimeterConfigurationArgs
{
    public static ServicePerimeterStatusArgs Status(PerimeterConfigurationSpec c, GcpOutputs outputs) => new()
    {
        Resources = InputValues.ListOrUnset(c.Resources),
        RestrictedServices = InputValues.ListOrUnset(c.RestrictedServices),
        AccessLevels = InputValues.ListOrUnset(c.AccessLevels.Select(outputs.Resolve)),
        VpcAccessibleServices = new ServicePerimeterStatusVpcAccessibleServicesArgs
        {
            EnableRestriction = c.VpcAccessibleServicesRestricted,
            AllowedServices = InputValues.ListOrUnset(c.VpcAllowedServices),
        },
        IngressPolicies = InputValues.ListOrUnset(c.IngressPolicies.Select(i => new ServicePerimeterStatusIngressPolicyArgs
        {
            Title = InputValues.Optional(i.Title),
            IngressFrom = new ServicePerimeterStatusIngressPolicyIngressFromArgs
            {
                Identities = InputValues.ListOrUnset(i.Identities),
                IdentityType = InputValues.Optional(i.IdentityType),
                Sources = InputValues.ListOrUnset(i.Sources.Select(s => new ServicePerimeterStatusIngressPolicyIngressFromSourceArgs
                {
                    AccessLevel = s.AccessLevel is null ? null : outputs.Interpolate(s.AccessLevel),
                    Resource = InputValues.Optional(s.Resource),
                })),
            },
            IngressTo = new ServicePerimeterStatusIngressPolicyIngressToArgs
            {
                Resources = InputValues.ListOrUnset(i.Resources),
                Operations = InputValues.ListOrUnset(i.Operations.Select(o => new ServicePerimeterStatusIngressPolicyIngressToOperationArgs
                {
                    ServiceName = o.ServiceName,
                    MethodSelectors = InputValues.ListOrUnset(o.MethodSelectors.Select(m => new ServicePerimeterStatusIngressPolicyIngressToOperationMethodSelectorArgs
                    {
                        Method = InputValues.Optional(m.Method),
                        Permission = InputValues.Optional(m.Permission),
                    })),
                })),
            },
        })),
        EgressPolicies = InputValues.ListOrUnset(c.EgressPolicies.Select(e => new ServicePerimeterStatusEgressPolicyArgs
        {
            Title = InputValues.Optional(e.Title),
            EgressFrom = new ServicePerimeterStatusEgressPolicyEgressFromArgs
            {
                Identities = InputValues.ListOrUnset(e.Identities),
                IdentityType = InputValues.Optional(e.IdentityType),
            },
            EgressTo = new ServicePerimeterStatusEgressPolicyEgressToArgs
            {
                Resources = InputValues.ListOrUnset(e.Resources),
                Operations = InputValues.ListOrUnset(e.Operations.Select(o => new ServicePerimeterStatusEgressPolicyEgressToOperationArgs
                {
                    ServiceName = o.ServiceName,
                    MethodSelectors = InputValues.ListOrUnset(o.MethodSelectors.Select(m => new ServicePerimeterStatusEgressPolicyEgressToOperationMethodSelectorArgs
                    {
                        Method = InputValues.Optional(m.Method),
                        Permission = InputValues.Optional(m.Permission),
                    })),
                })),
            },
        })),
    };

    public static ServicePerimeterSpecArgs Spec(PerimeterConfigurationSpec c, GcpOutputs outputs) => new()
    {
        Resources = InputValues.ListOrUnset(c.Resources),
        RestrictedServices = InputValues.ListOrUnset(c.RestrictedServices),
        AccessLevels = InputValues.ListOrUnset(c.AccessLevels.Select(outputs.Resolve)),
        VpcAccessibleServices = new ServicePerimeterSpecVpcAccessibleServicesArgs
        {
            EnableRestriction = c.VpcAccessibleServicesRestricted,
            AllowedServices = InputValues.ListOrUnset(c.VpcAllowedServices),
        },
        IngressPolicies = InputValues.ListOrUnset(c.IngressPolicies.Select(i => new ServicePerimeterSpecIngressPolicyArgs
        {
            Title = InputValues.Optional(i.Title),
            IngressFrom = new ServicePerimeterSpecIngressPolicyIngressFromArgs
            {
                Identities = InputValues.ListOrUnset(i.Identities),
                IdentityType = InputValues.Optional(i.IdentityType),
                Sources = InputValues.ListOrUnset(i.Sources.Select(s => new ServicePerimeterSpecIngressPolicyIngressFromSourceArgs
                {
                    AccessLevel = s.AccessLevel is null ? null : outputs.Interpolate(s.AccessLevel),
                    Resource = InputValues.Optional(s.Resource),
                })),
            },
            IngressTo = new ServicePerimeterSpecIngressPolicyIngressToArgs
            {
                Resources = InputValues.ListOrUnset(i.Resources),
                Operations = InputValues.ListOrUnset(i.Operations.Select(o => new ServicePerimeterSpecIngressPolicyIngressToOperationArgs
                {
                    ServiceName = o.ServiceName,
                    MethodSelectors = InputValues.ListOrUnset(o.MethodSelectors.Select(m => new ServicePerimeterSpecIngressPolicyIngressToOperationMethodSelectorArgs
                    {
                        Method = InputValues.Optional(m.Method),
                        Permission = InputValues.Optional(m.Permission),
                    })),
                })),
            },
        })),
        EgressPolicies = InputValues.ListOrUnset(c.EgressPolicies.Select(e => new ServicePerimeterSpecEgressPolicyArgs
        {
            Title = InputValues.Optional(e.Title),
            EgressFrom = new ServicePerimeterSpecEgressPolicyEgressFromArgs
            {
                Identities = InputValues.ListOrUnset(e.Identities),
                IdentityType = InputValues.Optional(e.IdentityType),
            },
            EgressTo = new ServicePerimeterSpecEgressPolicyEgressToArgs
            {
                Resources = InputValues.ListOrUnset(e.Resources),
                Operations = InputValues.ListOrUnset(e.Operations.Select(o => new ServicePerimeterSpecEgressPolicyEgressToOperationArgs
                {
                    ServiceName = o.ServiceName,
                    MethodSelectors = InputValues.ListOrUnset(o.MethodSelectors.Select(m => new ServicePerimeterSpecEgressPolicyEgressToOperationMethodSelectorArgs
                    {
                        Method = InputValues.Optional(m.Method),
                        Permission = InputValues.Optional(m.Permission),
                    })),
                })),
            },
        })),
    };
}
