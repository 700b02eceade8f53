using Pulumi;
using Pulumi.Gcp.AccessContextManager;
using Pulumi.Gcp.AccessContextManager.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Perimeter</c>: VPC Service Controls as <see cref="PerimeterSpec"/> says: the access policy
/// (only when the stack creates it), basic access levels, and the service perimeter whose configuration goes to
/// <c>spec</c> with <c>useExplicitDryRunSpec</c> (dry run) or to <c>status</c> (enforced). Every child is
/// <c>protect</c>ed when the spec says so.
/// </summary>
public sealed class PerimeterComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Perimeter";

    public PerimeterComponent(string name, PerimeterSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options, protect: spec.Protect);

        if (spec.AccessPolicy is { } policy)
        {
            AccessPolicy = new AccessPolicy(ChildOptions.Prefixed(name, policy.LogicalName), new AccessPolicyArgs
            {
                Parent = policy.Parent,
                Title = policy.Title,
            }, child);
            outputs.Add(policy.LogicalName, AccessPolicy, (ResourceRef.Outputs.Name, AccessPolicy.Name));
        }

        // Resolved after the policy is registered: a created policy's parent is its "name" output.
        var parent = outputs.Interpolate(spec.PolicyId.Parent);
        AccessLevels = [.. spec.AccessLevels.Select(level =>
        {
            var accessLevel = new AccessLevel(ChildOptions.Prefixed(name, level.LogicalName), new AccessLevelArgs
            {
                Parent = parent,
                Name = outputs.Interpolate(level.FullName(spec.PolicyId)),
                Title = level.Title,
                Basic = new AccessLevelBasicArgs
                {
                    CombiningFunction = level.CombiningFunction,
                    Conditions =
                    {
                        new AccessLevelBasicConditionArgs
                        {
                            Members = InputValues.ListOrUnset(level.Members),
                            IpSubnetworks = InputValues.ListOrUnset(level.IpSubnetworks),
                        },
                    },
                },
            }, child);
            outputs.Add(level.LogicalName, accessLevel, (ResourceRef.Outputs.Name, accessLevel.Name));
            return accessLevel;
        })];

        var p = spec.Perimeter;
        var args = new ServicePerimeterArgs
        {
            Parent = parent,
            Name = outputs.Interpolate(p.FullName(spec.PolicyId)),
            Title = p.Title,
            PerimeterType = p.PerimeterType,
            UseExplicitDryRunSpec = p.UseExplicitDryRunSpec,
        };
        var configuration = p.Configuration;
        var levels = configuration.AccessLevels.Select(outputs.Resolve).ToList();
        if (p.UseExplicitDryRunSpec)
        {
            args.Spec = new ServicePerimeterSpecArgs
            {
                Resources = InputValues.ListOrUnset(configuration.Resources),
                RestrictedServices = InputValues.ListOrUnset(configuration.RestrictedServices),
                AccessLevels = InputValues.ListOrUnset(levels),
                VpcAccessibleServices = new ServicePerimeterSpecVpcAccessibleServicesArgs
                {
                    EnableRestriction = configuration.VpcAccessibleServicesRestricted,
                    AllowedServices = InputValues.ListOrUnset(configuration.VpcAllowedServices),
                },
            };
        }
        else
        {
            args.Status = new ServicePerimeterStatusArgs
            {
                Resources = InputValues.ListOrUnset(configuration.Resources),
                RestrictedServices = InputValues.ListOrUnset(configuration.RestrictedServices),
                AccessLevels = InputValues.ListOrUnset(levels),
                VpcAccessibleServices = new ServicePerimeterStatusVpcAccessibleServicesArgs
                {
                    EnableRestriction = configuration.VpcAccessibleServicesRestricted,
                    AllowedServices = InputValues.ListOrUnset(configuration.VpcAllowedServices),
                },
            };
        }

        Perimeter = new ServicePerimeter(ChildOptions.Prefixed(name, p.LogicalName), args, child);
        outputs.Add(p.LogicalName, Perimeter, (ResourceRef.Outputs.Name, Perimeter.Name));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["perimeterName"] = Perimeter.Name,
        });
    }

    /// <summary>Null when the stack uses an existing access policy.</summary>
    public AccessPolicy? AccessPolicy { get; }
    public IReadOnlyList<AccessLevel> AccessLevels { get; }
    public ServicePerimeter Perimeter { get; }
}
