using SecureServing.Core.Rendering;

namespace SecureServing.Core.Gcp;

/// <summary>
/// A value known only after deploy: output <see cref="Output"/> (Pulumi property name, e.g. <c>id</c>, <c>name</c>,
/// <c>email</c>, <c>member</c>, <c>hex</c>) of the resource with logical name <see cref="Resource"/> in the same plan.
/// A Pulumi component resolves it to that resource's output; <c>render</c> writes it as <see cref="RenderedValue.Ref"/>.
/// </summary>
public sealed record ResourceRef(string Resource, string Output)
{
    /// <summary>The rendered placeholder, e.g. <c>${network-vpc.id}</c>.</summary>
    public string Rendered => RenderedValue.Ref(Resource, Output);

    public override string ToString() => Rendered;

    public static ResourceRef Id(string resource) => new(resource, Outputs.Id);

    public static ResourceRef Name(string resource) => new(resource, Outputs.Name);

    /// <summary>Output property names used by the GCP plan (the Pulumi SDK's <c>[Output("…")]</c> names).</summary>
    public static class Outputs
    {
        /// <summary>Every resource's provider id (for networks: <c>projects/P/global/networks/N</c>).</summary>
        public const string Id = "id";
        public const string Name = "name";
        /// <summary><c>gcp:serviceaccount/account:Account</c> e-mail.</summary>
        public const string Email = "email";
        /// <summary><c>gcp:serviceaccount/account:Account</c> IAM member, <c>serviceAccount:EMAIL</c>.</summary>
        public const string Member = "member";
        /// <summary><c>random:index/randomId:RandomId</c> hex string.</summary>
        public const string Hex = "hex";
        /// <summary><c>gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember</c> key id (the key's full name).</summary>
        public const string CryptoKeyId = "cryptoKeyId";
    }
}
