using Pulumi;
using Pulumi.Gcp.AccessContextManager;
using Pulumi.Gcp.AccessContextManager.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Perimeter</c>: VPC Service Controls as <see cref="PerimeterSpec"/> says: the access policy
/// (only when the stack creates it, scoped as the spec says), basic access levels, and the service perimeter with its
/// enforced <c>status</c> and, with <c>useExplicitDryRunSpec</c>, its dry-run <c>spec</c>, each with ingress and egress
/// policies (<see cref="PerimeterConfigurationArgs"/>). Every child is <c>protect</c>ed when the spec says so.
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
                Scopes = InputValues.Optional(policy.Scopes),
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
                            Regions = InputValues.ListOrUnset(level.Regions),
                            VpcNetworkSources = InputValues.ListOrUnset(level.VpcNetworkSources.Select(v => new AccessLevelBasicConditionVpcNetworkSourceArgs
                            {
                                VpcSubnetwork = new AccessLevelBasicConditionVpcNetworkSourceVpcSubnetworkArgs
                                {
                                    Network = v.Network,
                                    VpcIpSubnetworks = InputValues.ListOrUnset(v.VpcIpSubnetworks),
                                },
                            })),
                            DevicePolicy = level.DevicePolicy is { } d
                                ? new AccessLevelBasicConditionDevicePolicyArgs
                                {
                                    RequireScreenLock = d.RequireScreenLock,
                                    RequireCorpOwned = d.RequireCorpOwned,
                                    RequireAdminApproval = d.RequireAdminApproval,
                                    AllowedEncryptionStatuses = InputValues.ListOrUnset(d.AllowedEncryptionStatuses),
                                    OsConstraints = InputValues.ListOrUnset(d.OsConstraints.Select(o => new AccessLevelBasicConditionDevicePolicyOsConstraintArgs
                                    {
                                        OsType = o.OsType,
                                        MinimumVersion = InputValues.Optional(o.MinimumVersion),
                                    })),
                                }
                                : (Input<AccessLevelBasicConditionDevicePolicyArgs>?)null,
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
        if (p.Status is { } status)
        {
            args.Status = PerimeterConfigurationArgs.Status(status, outputs);
        }

        if (p.DryRunSpec is { } dryRun)
        {
            args.Spec = PerimeterConfigurationArgs.Spec(dryRun, outputs);
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
