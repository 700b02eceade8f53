using Pulumi;
using Pulumi.Gcp.Kms;
using Pulumi.Gcp.Projects;
using Pulumi.Gcp.Storage;
using Pulumi.Random;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>
/// <c>secure-serving:gcp:Kms</c>: the RandomId-suffixed key ring, one rotated key per purpose and each key's grant to
/// the service agent that uses it, exactly as <see cref="KmsSpec"/> says. The key ring and keys are <c>protect</c>ed
/// when <see cref="KmsSpec.Protect"/>; each grant registers its <c>cryptoKeyId</c>, which is what the cluster and node
/// pools use, so they are created only once the service agent may use the key. A grant to an agent that exists only
/// once asked for waits for it: for its <c>ServiceIdentity</c>, or for the lookup of the Cloud Storage agent
/// (<c>gcp.storage.getProjectServiceAccount</c>, which creates it), whose member is the one the spec names.
/// </summary>
public sealed class KmsComponent : ComponentResource
{
    public const string TypeToken = "secure-serving:gcp:Kms";

    public KmsComponent(string name, KmsSpec spec, GcpOutputs outputs, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        var child = ChildOptions.For(this, options);
        var critical = ChildOptions.For(this, options, protect: spec.Protect);

        KeyRingSuffix = RandomSuffix.Create(name, spec.KeyRingSuffix, outputs, child);

        var ring = spec.KeyRing;
        KeyRing = new KeyRing(ChildOptions.Prefixed(name, ring.LogicalName), new KeyRingArgs
        {
            Project = ring.Project,
            Name = outputs.Interpolate(ring.RenderedName),
            Location = ring.Location,
        }, critical);
        outputs.Add(ring.LogicalName, KeyRing, (ResourceRef.Outputs.Name, KeyRing.Name));

        Keys = [.. spec.Keys.Select(k =>
        {
            var key = new CryptoKey(ChildOptions.Prefixed(name, k.LogicalName), new CryptoKeyArgs
            {
                Name = k.Name,
                KeyRing = outputs.Resolve(k.KeyRing),
                Purpose = k.Purpose,
                RotationPeriod = k.RotationPeriod,
                Labels = InputValues.MapOrUnset(k.Labels),
            }, critical);
            outputs.Add(k.LogicalName, key, (ResourceRef.Outputs.Name, key.Name));
            return key;
        })];

        ServiceIdentities = spec.ServiceIdentities.ToDictionary(i => i.LogicalName, i => new ServiceIdentity(ChildOptions.Prefixed(name, i.LogicalName), new ServiceIdentityArgs
        {
            Project = i.Project,
            Service = i.Service,
        }, child), StringComparer.Ordinal);

        Grants = [.. spec.Grants.Select(g =>
        {
            var grantOptions = g.WaitsForServiceIdentity is { } identity
                ? ChildOptions.For(this, options, dependsOn: [ServiceIdentities[identity]])
                : child;
            var grant = new CryptoKeyIAMMember(ChildOptions.Prefixed(name, g.LogicalName), new CryptoKeyIAMMemberArgs
            {
                CryptoKeyId = outputs.Resolve(g.CryptoKey),
                Role = g.Role,
                Member = g.StorageAgentLookupProject is { } project ? StorageAgentMember(project, g.Member, options) : g.Member,
            }, grantOptions);
            outputs.Add(g.LogicalName, grant, (ResourceRef.Outputs.CryptoKeyId, grant.CryptoKeyId));
            return grant;
        })];

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["keyRing"] = KeyRing.Id,
        });
    }

    /// <summary>
    /// The spec's member, once looking up the project's Cloud Storage agent has made it exist. The lookup runs with the
    /// component's provider and after the component's dependencies (the Cloud Storage API among them).
    /// </summary>
    private Output<string> StorageAgentMember(string project, string member, ComponentResourceOptions? options)
    {
        var lookup = new InvokeOutputOptions { Parent = this };
        if (options?.DependsOn is { } dependsOn)
        {
            lookup.DependsOn = dependsOn;
        }

        return GetProjectServiceAccount.Invoke(new GetProjectServiceAccountInvokeArgs { Project = project }, lookup).Apply(_ => member);
    }

    public RandomId KeyRingSuffix { get; }
    public IReadOnlyDictionary<string, ServiceIdentity> ServiceIdentities { get; }
    public KeyRing KeyRing { get; }
    public IReadOnlyList<CryptoKey> Keys { get; }
    public IReadOnlyList<CryptoKeyIAMMember> Grants { get; }
}
