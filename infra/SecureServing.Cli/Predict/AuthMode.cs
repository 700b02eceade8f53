namespace SecureServing.Cli.Predict;

/// <summary>How <c>predict</c>/<c>health</c> authenticate (<c>--auth</c>).</summary>
internal enum AuthMode
{
    /// <summary>A Google OIDC identity token for the IAP OAuth client id, as <c>Authorization: Bearer</c> (seeds 000, 001).</summary>
    Iap,

    /// <summary>A Dex token as <c>Authorization: Bearer</c>, or the <c>authservice_session</c> cookie (seeds 001, 004).</summary>
    Dex,

    /// <summary>No credential (in-cluster calls through a port-forward, seed 003).</summary>
    None,
}
