namespace SecureServing.Cli.Predict;

/// <summary>Process exit codes of <c>predict</c> and <c>health</c> (documented in docs/calling-models.md, section "Exit codes").</summary>
internal enum ExitCode
{
    /// <summary>The service answered 2xx (and, for <c>health</c>, reported the model ready).</summary>
    Success = 0,

    /// <summary>The service answered with an HTTP error status (401, 403, 404, 5xx, a redirect) or an unready model.</summary>
    HttpError = 1,

    /// <summary>Bad command line, unknown team or model, unreadable or invalid input, a stack with configuration errors, or an unknown IAP audience. Nothing was sent.</summary>
    UsageOrConfig = 2,

    /// <summary>No credential could be obtained: no ADC, a bad key file, a token endpoint refusal, no Dex token. Nothing was sent to the model.</summary>
    CredentialFailure = 3,

    /// <summary>The request never got an HTTP answer: DNS, connection refused, TLS handshake, timeout.</summary>
    NetworkError = 4,
}
