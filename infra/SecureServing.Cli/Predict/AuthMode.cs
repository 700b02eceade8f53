namespace SecureServing.Cli.Predict;

/// <summary>How <c>predict</c>/<c>health</c> authenticate (<c>--auth</c>).</summary>
internal enum AuthMode
{
    /// <summary>A Google OIDC identity token for the IAP OAuth client id, as <c>Authorization: Bearer</c>
    /// (Google Cloud "Programmatic authentication", https://cloud.google.com/iap/docs/authentication-howto).</summary>
    Iap,

    /// <summary>A Dex token as <c>Authorization: Bearer</c>, or the <c>authservice_session</c> cookie
    /// (Kubeflow "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/).</summary>
    Dex,

    /// <summary>
    /// Both, for a model behind IAP in a stack whose mesh also checks Dex tokens: the Google token as
    /// <c>Proxy-Authorization: Bearer</c> (IAP accepts it there) and the Dex credential as <c>Authorization: Bearer</c>
    /// or cookie, which IAP passes on to the mesh.
    /// </summary>
    IapDex,

    /// <summary>No credential: in-cluster calls, which the mesh authorizes by the caller's identity (KServe "Secure InferenceService with ServiceMesh", https://kserve.github.io/website/latest/admin/serverless/servicemesh/).</summary>
    None,
}
