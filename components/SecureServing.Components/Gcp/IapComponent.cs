using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;
using Pulumi.Gcp.Iap;
using Pulumi.Gcp.Iap.Inputs;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Iap</c>: the global static IP and Google-managed certificate of the IAP ingress and
/// <c>roles/iap.httpsResourceAccessor</c> per accessor (<see cref="IapSpec"/>), with the IAM condition of a team member's
/// grant (hostname and the team's path prefix) when the spec carries one. No IAP brand or OAuth client resource
/// (that API was shut down on 2026-03-19): the client is Google-managed, or bring-your-own from a Pulumi secret that
/// the Kubernetes layer turns into a secret for the BackendConfig.
/// </summary>
public sealed class IapComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Iap";

    public IapComponent(string name, IapSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);

        var ip = spec.StaticIp;
        StaticIp = new GlobalAddress(ChildOptions.Prefixed(name, ip.LogicalName), new GlobalAddressArgs
        {
            Project = ip.Project,
            Name = ip.Name,
            Description = ip.Description,
            AddressType = ip.AddressType,
            IpVersion = ip.IpVersion,
            Labels = InputValues.MapOrUnset(ip.Labels),
        }, child);
        outputs.Add(ip.LogicalName, StaticIp, (ResourceRef.Outputs.Name, StaticIp.Name));

        var cert = spec.Certificate;
        Certificate = new ManagedSslCertificate(ChildOptions.Prefixed(name, cert.LogicalName), new ManagedSslCertificateArgs
        {
            Project = cert.Project,
            Name = cert.Name,
            Description = cert.Description,
            Type = cert.Type,
            Managed = new ManagedSslCertificateManagedArgs { Domains = InputValues.ListOrUnset(cert.Domains) },
        }, child);
        outputs.Add(cert.LogicalName, Certificate, (ResourceRef.Outputs.Name, Certificate.Name));

        Accessors = [.. spec.Accessors.Select(accessor =>
        {
            var member = new WebIamMember(ChildOptions.Prefixed(name, accessor.LogicalName), new WebIamMemberArgs
            {
                Project = accessor.Project,
                Role = accessor.Role,
                Member = accessor.Member,
                Condition = accessor.Condition is { } condition
                    ? (Input<WebIamMemberConditionArgs>)new WebIamMemberConditionArgs
                    {
                        Title = condition.Title,
                        Description = condition.Description,
                        Expression = condition.Expression,
                    }
                    : null,
            }, child);
            outputs.Add(accessor.LogicalName, member);
            return member;
        })];

        Hostname = spec.Hostname;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["hostname"] = spec.Hostname,
            ["address"] = StaticIp.Address,
        });
    }

    public string Hostname { get; }
    public GlobalAddress StaticIp { get; }
    public ManagedSslCertificate Certificate { get; }
    public IReadOnlyList<WebIamMember> Accessors { get; }
}
