namespace SecureServing.Components.Kubernetes;

/// <summary>
/// A manifest holds something the Kubernetes layer cannot register faithfully: a field the typed mapping does not
/// carry, a value of an unexpected type, a kind with no mapping, or a placeholder without its value. Thrown while the
/// program runs, so <c>pulumi preview</c> fails instead of silently dropping part of an object.
/// </summary>
public sealed class UnmappedManifestFieldException : Exception
{
    public UnmappedManifestFieldException()
    {
    }

    public UnmappedManifestFieldException(string message)
        : base(message)
    {
    }

    public UnmappedManifestFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
