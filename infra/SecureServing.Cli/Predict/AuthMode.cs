namespace SecureServing.Cli.Predict;

/// <summary>How <c>predict</c>/<c>health</c> authenticate (<c>--auth</c>).</summary>
internal enum AuthMode
{
    /// <summary>A Google OIDC identity token for the IAP OAuth client id, as <c>Authorization: Bearer</c> (seeds 000, 001).</summary>
    Iap,

    /// <summary>A Dex token as <c>Authorization: Bearer</c>, or the <c>authservice_session</c> cookie (seeds 001, 004).</summary>
    Dex,

    /// <summary>
    /// Both, for a model behind IAP in a stack whose mesh also checks Dex tokens: the Google token as
    /// <c>Proxy-Authorization: Bearer</c> (IAP accepts it there) and the Dex credential as <c>Authorization: Bearer</c>
    /// or cookie, which IAP passes on to the mesh.
    /// </summary>
    IapDex,

    /// <summary>No credential (in-cluster calls, seed 003).</summary>
    None,
}
