using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// The typed args of the team-boundary kinds (ResourceQuota, LimitRange, Role, RoleBinding, NetworkPolicy), mapped
/// like <see cref="TypedObjectArgs"/>: exactly the fields the policy core emits, every object read through
/// <see cref="ManifestFields"/> so a field not mapped here fails the run with the object and field named.
/// </summary>
internal static class TypedWorkloadArgs
{
    public static ResourceQuotaArgs ResourceQuota(ManifestFields root)
    {
        var args = new ResourceQuotaArgs { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Object("spec", nameof(ResourceQuotaSpecArgs)) is { } spec)
        {
            var specArgs = new ResourceQuotaSpecArgs();
            if (spec.StringMap("hard") is { } hard)
            {
                specArgs.Hard = hard;
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static LimitRangeArgs LimitRange(ManifestFields root)
    {
        var args = new LimitRangeArgs { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Object("spec", nameof(LimitRangeSpecArgs)) is { } spec)
        {
            var specArgs = new LimitRangeSpecArgs();
            if (spec.Objects("limits", nameof(LimitRangeItemArgs)) is { } limits)
            {
                specArgs.Limits = limits.Select(LimitRangeItem).ToList();
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
        }

        root.EnsureAllMapped();
        return args;
    }

    public static RoleArgs Role(ManifestFields root)
    {
        var args = new RoleArgs { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Objects("rules", nameof(PolicyRuleArgs)) is { } rules)
        {
            args.Rules = rules.Select(PolicyRule).ToList();
        }

        root.EnsureAllMapped();
        return args;
    }

    public static RoleBindingArgs RoleBinding(ManifestFields root)
    {
        var roleRef = root.Object("roleRef", nameof(RoleRefArgs)) ?? throw new UnmappedManifestFieldException("A RoleBinding needs roleRef (rbac.authorization.k8s.io/v1).");
        var args = new RoleBindingArgs
        {
            Metadata = TypedObjectArgs.Metadata(root),
            RoleRef = new RoleRefArgs
            {
                ApiGroup = roleRef.String("apiGroup"),
                Kind = roleRef.String("kind") ?? throw new UnmappedManifestFieldException("A roleRef needs kind (rbac.authorization.k8s.io/v1)."),
                Name = roleRef.String("name") ?? throw new UnmappedManifestFieldException("A roleRef needs name (rbac.authorization.k8s.io/v1)."),
            },
        };
        roleRef.EnsureAllMapped();
        if (root.Objects("subjects", nameof(SubjectArgs)) is { } subjects)
        {
            args.Subjects = subjects.Select(Subject).ToList();
        }

        root.EnsureAllMapped();
        return args;
    }

    public static NetworkPolicyArgs NetworkPolicy(ManifestFields root)
    {
        var args = new NetworkPolicyArgs { Metadata = TypedObjectArgs.Metadata(root) };
        if (root.Object("spec", nameof(NetworkPolicySpecArgs)) is { } spec)
        {
            var podSelector = spec.Object("podSelector", nameof(LabelSelectorArgs))
                ?? throw new UnmappedManifestFieldException("A NetworkPolicy spec needs podSelector (networking.k8s.io/v1).");
            var specArgs = new NetworkPolicySpecArgs { PodSelector = LabelSelector(podSelector) };
            if (spec.Strings("policyTypes") is { } policyTypes)
            {
                specArgs.PolicyTypes = policyTypes;
            }

            if (spec.Objects("ingress", nameof(NetworkPolicyIngressRuleArgs)) is { } ingress)
            {
                specArgs.Ingress = ingress.Select(IngressRule).ToList();
            }

            if (spec.Objects("egress", nameof(NetworkPolicyEgressRuleArgs)) is { } egress)
            {
                specArgs.Egress = egress.Select(EgressRule).ToList();
            }

            spec.EnsureAllMapped();
            args.Spec = specArgs;
        }

        root.EnsureAllMapped();
        return args;
    }

    private static LimitRangeItemArgs LimitRangeItem(ManifestFields item)
    {
        var args = new LimitRangeItemArgs { Type = item.String("type") ?? throw new UnmappedManifestFieldException("A LimitRange item needs type (core/v1).") };
        if (item.StringMap("default") is { } defaults)
        {
            args.Default = defaults;
        }

        if (item.StringMap("defaultRequest") is { } defaultRequest)
        {
            args.DefaultRequest = defaultRequest;
        }

        if (item.StringMap("max") is { } max)
        {
            args.Max = max;
        }

        if (item.StringMap("min") is { } min)
        {
            args.Min = min;
        }

        item.EnsureAllMapped();
        return args;
    }

    private static PolicyRuleArgs PolicyRule(ManifestFields rule)
    {
        var args = new PolicyRuleArgs
        {
            Verbs = rule.Strings("verbs") ?? throw new UnmappedManifestFieldException("A policy rule needs verbs (rbac.authorization.k8s.io/v1)."),
        };
        if (rule.Strings("apiGroups") is { } apiGroups)
        {
            args.ApiGroups = apiGroups;
        }

        if (rule.Strings("resources") is { } resources)
        {
            args.Resources = resources;
        }

        if (rule.Strings("resourceNames") is { } resourceNames)
        {
            args.ResourceNames = resourceNames;
        }

        rule.EnsureAllMapped();
        return args;
    }

    private static SubjectArgs Subject(ManifestFields subject)
    {
        var args = new SubjectArgs
        {
            ApiGroup = subject.String("apiGroup"),
            Kind = subject.String("kind") ?? throw new UnmappedManifestFieldException("A subject needs kind (rbac.authorization.k8s.io/v1)."),
            Name = subject.String("name") ?? throw new UnmappedManifestFieldException("A subject needs name (rbac.authorization.k8s.io/v1)."),
            Namespace = subject.String("namespace"),
        };
        subject.EnsureAllMapped();
        return args;
    }

    private static LabelSelectorArgs LabelSelector(ManifestFields selector)
    {
        var args = new LabelSelectorArgs();
        if (selector.StringMap("matchLabels") is { } matchLabels)
        {
            args.MatchLabels = matchLabels;
        }

        if (selector.Objects("matchExpressions", nameof(LabelSelectorRequirementArgs)) is { } expressions)
        {
            args.MatchExpressions = expressions.Select(LabelSelectorRequirement).ToList();
        }

        selector.EnsureAllMapped();
        return args;
    }

    private static LabelSelectorRequirementArgs LabelSelectorRequirement(ManifestFields requirement)
    {
        var args = new LabelSelectorRequirementArgs
        {
            Key = requirement.String("key") ?? throw new UnmappedManifestFieldException("A label selector requirement needs key (meta/v1)."),
            Operator = requirement.String("operator") ?? throw new UnmappedManifestFieldException("A label selector requirement needs operator (meta/v1)."),
        };
        if (requirement.Strings("values") is { } values)
        {
            args.Values = values;
        }

        requirement.EnsureAllMapped();
        return args;
    }

    private static NetworkPolicyIngressRuleArgs IngressRule(ManifestFields rule)
    {
        var args = new NetworkPolicyIngressRuleArgs();
        if (rule.Objects("from", nameof(NetworkPolicyPeerArgs)) is { } from)
        {
            args.From = from.Select(Peer).ToList();
        }

        if (rule.Objects("ports", nameof(NetworkPolicyPortArgs)) is { } ports)
        {
            args.Ports = ports.Select(Port).ToList();
        }

        rule.EnsureAllMapped();
        return args;
    }

    private static NetworkPolicyEgressRuleArgs EgressRule(ManifestFields rule)
    {
        var args = new NetworkPolicyEgressRuleArgs();
        if (rule.Objects("to", nameof(NetworkPolicyPeerArgs)) is { } to)
        {
            args.To = to.Select(Peer).ToList();
        }

        if (rule.Objects("ports", nameof(NetworkPolicyPortArgs)) is { } ports)
        {
            args.Ports = ports.Select(Port).ToList();
        }

        rule.EnsureAllMapped();
        return args;
    }

    private static NetworkPolicyPeerArgs Peer(ManifestFields peer)
    {
        var args = new NetworkPolicyPeerArgs();
        if (peer.Object("ipBlock", nameof(IPBlockArgs)) is { } ipBlock)
        {
            var block = new IPBlockArgs { Cidr = ipBlock.String("cidr") ?? throw new UnmappedManifestFieldException("An ipBlock needs cidr (networking.k8s.io/v1).") };
            if (ipBlock.Strings("except") is { } except)
            {
                block.Except = except;
            }

            ipBlock.EnsureAllMapped();
            args.IpBlock = block;
        }

        if (peer.Object("namespaceSelector", nameof(LabelSelectorArgs)) is { } namespaceSelector)
        {
            args.NamespaceSelector = LabelSelector(namespaceSelector);
        }

        if (peer.Object("podSelector", nameof(LabelSelectorArgs)) is { } podSelector)
        {
            args.PodSelector = LabelSelector(podSelector);
        }

        peer.EnsureAllMapped();
        return args;
    }

    private static NetworkPolicyPortArgs Port(ManifestFields port)
    {
        var args = new NetworkPolicyPortArgs { Protocol = port.String("protocol") };
        if (port.IntOrString("port") is { } number)
        {
            args.Port = number;
        }

        if (port.Int("endPort") is { } endPort)
        {
            args.EndPort = endPort;
        }

        port.EnsureAllMapped();
        return args;
    }
}
