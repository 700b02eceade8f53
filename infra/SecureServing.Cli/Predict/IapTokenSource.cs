using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;

namespace SecureServing.Cli.Predict;

/// <summary>
/// A Google OIDC identity token for the IAP audience (the OAuth client id), through Google.Apis.Auth, from a
/// service-account key file (<c>--credentials</c>) or Application Default Credentials: IAP admits a
/// request whose bearer token Google issued for that audience (Google Cloud "Programmatic authentication", https://cloud.google.com/iap/docs/authentication-howto).
/// </summary>
internal static class IapTokenSource
{
    public const string AdcVariable = "GOOGLE_APPLICATION_CREDENTIALS";

    public static async Task<RequestCredential> AcquireAsync(
        string audience, FileInfo? keyFile, Func<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var (provider, source, identity) = keyFile is null
            ? await FromApplicationDefaultAsync(environment, cts.Token).ConfigureAwait(false)
            : await FromKeyFileAsync(keyFile, cts.Token).ConfigureAwait(false);

        try
        {
            var oidc = await provider.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), cts.Token).ConfigureAwait(false);
            var token = await oidc.GetAccessTokenAsync(cts.Token).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token))
            {
                throw new CredentialException($"The token endpoint returned no ID token for {source} (audience {audience}).");
            }

            return RequestCredential.Bearer(AuthMode.Iap, token, source, audience, identity);
        }
        catch (TokenResponseException ex)
        {
            throw new CredentialException(
                $"Google refused to issue an ID token for {source} (audience {audience}): " +
                $"{ex.Error?.Error} {ex.Error?.ErrorDescription}".TrimEnd() +
                ". A disabled or deleted service-account key gives invalid_grant; create a new key or use ADC.");
        }
        catch (Google.GoogleApiException ex)
        {
            // E.g. impersonation without roles/iam.serviceAccountTokenCreator on the target service account.
            throw new CredentialException($"Google refused to issue an ID token for {source} (audience {audience}): {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new CredentialException($"Could not get an ID token from {source}: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            throw new CredentialException($"Could not reach the token endpoint for {source}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CredentialException($"Timed out after {timeout.TotalSeconds:0.#} s fetching an ID token for {source} (--timeout).");
        }
    }

    private static async Task<(IOidcTokenProvider, string, string?)> FromKeyFileAsync(FileInfo keyFile, CancellationToken cancellationToken)
    {
        if (!keyFile.Exists)
        {
            throw new CredentialException($"--credentials {keyFile.FullName}: no such file.");
        }

        ServiceAccountCredential credential;
        try
        {
            // CredentialFactory with an explicit type loads only a service-account key: a credential configuration of
            // another type (which may run programs or call arbitrary URLs) is refused.
            credential = await CredentialFactory.FromFileAsync<ServiceAccountCredential>(keyFile.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException or FormatException or ArgumentException)
        {
            throw new CredentialException(
                $"--credentials {keyFile.FullName} is not a usable service-account key file ({ex.Message}). " +
                "Create one with `gcloud iam service-accounts keys create key.json --iam-account <sa-email>`, " +
                "or leave --credentials out to use Application Default Credentials.");
        }

        return (credential, $"service-account key file {keyFile.FullName} ({credential.Id})", $"serviceAccount:{credential.Id}");
    }

    private static async Task<(IOidcTokenProvider, string, string?)> FromApplicationDefaultAsync(
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var adcFile = environment(AdcVariable);
        var where = string.IsNullOrEmpty(adcFile)
            ? "Application Default Credentials"
            : $"Application Default Credentials ({AdcVariable}={adcFile})";
        GoogleCredential credential;
        try
        {
            credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
        {
            throw new CredentialException(
                $"No usable Application Default Credentials: {ex.Message} " +
                "Use a service account: `gcloud auth application-default login --impersonate-service-account <sa-email>`, " +
                $"set {AdcVariable} to a service-account key file, or pass --credentials <key.json>.");
        }

        return credential.UnderlyingCredential switch
        {
            ServiceAccountCredential sa => (sa, $"{where}: service account {sa.Id}", $"serviceAccount:{sa.Id}"),
            ImpersonatedCredential ic => (ic, $"{where}: impersonated service account {ic.TargetPrincipal}", $"serviceAccount:{ic.TargetPrincipal}"),
            ComputeCredential cc => (cc, $"{where}: the metadata server's service account", null),
            UserCredential => throw new CredentialException(
                $"{where} hold a user login (gcloud auth application-default login), and Google's client libraries cannot " +
                "mint an ID token for an arbitrary audience from a user login. Use a service account the IAP accessor list " +
                "allows: `gcloud auth application-default login --impersonate-service-account <sa-email>` (needs " +
                "roles/iam.serviceAccountTokenCreator on it), or --credentials <key.json>."),
            IOidcTokenProvider other => (other, $"{where}: {other.GetType().Name}", null),
            var other => throw new CredentialException(
                $"{where} are of type {other.GetType().Name}, which cannot produce ID tokens. " +
                "Use a service account (impersonation or --credentials <key.json>)."),
        };
    }
}
