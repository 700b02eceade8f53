using Pulumi;
using Pulumi.Random;
using SecureServing.Core.Gcp;

namespace SecureServing.Components.Gcp;

/// <summary>A <see cref="RandomIdSpec"/> as a <c>random:index/randomId:RandomId</c> child, its <c>hex</c> registered for names that use it.</summary>
internal static class RandomSuffix
{
    public static RandomId Create(string component, RandomIdSpec spec, GcpOutputs outputs, CustomResourceOptions options)
    {
        var id = new RandomId(ChildOptions.Prefixed(component, spec.LogicalName), new RandomIdArgs { ByteLength = spec.ByteLength }, options);
        outputs.Add(spec.LogicalName, id, (ResourceRef.Outputs.Hex, id.Hex));
        return id;
    }
}
