using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>Renders a <see cref="KmsSpec"/> as the resources <c>render</c> writes to gcp-resources.json and its component registers: type token, logical name, and the SDK's input names.</summary>
public static class KmsRendering
{
    public static IEnumerable<RenderedResource> Render(this KmsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);

        yield return spec.KeyRingSuffix.Render();

        var ring = spec.KeyRing;
        yield return new PropertyBag()
            .Add("project", ring.Project)
            .Add("name", ring.RenderedName)
            .Add("location", ring.Location)
            .Resource(GcpResourceTypes.KeyRing, ring.LogicalName);

        foreach (var key in spec.Keys)
        {
            yield return new PropertyBag()
                .Add("name", key.Name)
                .Add("keyRing", key.KeyRing)
                .Add("purpose", key.Purpose)
                .Add("rotationPeriod", key.RotationPeriod)
                .Add("labels", key.Labels)
                .Resource(GcpResourceTypes.CryptoKey, key.LogicalName);
        }

        foreach (var identity in spec.ServiceIdentities)
        {
            yield return new PropertyBag()
                .Add("project", identity.Project)
                .Add("service", identity.Service)
                .Resource(GcpResourceTypes.ServiceIdentity, identity.LogicalName);
        }

        foreach (var grant in spec.Grants)
        {
            yield return new PropertyBag()
                .Add("cryptoKeyId", grant.CryptoKey)
                .Add("role", grant.Role)
                .Add("member", grant.Member)
                .Resource(GcpResourceTypes.CryptoKeyIamMember, grant.LogicalName);
        }
    }
}
