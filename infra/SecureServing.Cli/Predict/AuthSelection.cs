using SecureServing.Core.Config;

namespace SecureServing.Cli.Predict;

/// <summary>Chooses the auth mode when <c>--auth</c> is not given, and the audience of an IAP identity token.</summary>
internal static class AuthSelection
{
    /// <summary>
    /// <c>iap</c> for a model on the IAP route (<c>iap.enabled</c> and <c>exposeViaIap</c>); otherwise <c>dex</c> when
    /// the stack verifies Dex tokens in the mesh (<c>mesh.dex</c>, where a call without a token is always denied);
    /// otherwise <c>none</c>.
    /// </summary>
    public static AuthMode DefaultMode(ModelTarget target) =>
        target.Config.Iap.Enabled && target.Model.ExposeViaIap ? AuthMode.Iap
        : target.Config.Mesh.Dex is not null ? AuthMode.Dex
        : AuthMode.None;

    public static AuthMode Parse(string value) => value switch
    {
        "iap" => AuthMode.Iap,
        "dex" => AuthMode.Dex,
        "none" => AuthMode.None,
        _ => throw new UsageException($"--auth '{value}' is not one of iap, dex, none."),
    };

    /// <summary>
    /// IAP accepts an ID token whose audience is the OAuth client id of the IAP-protected backend. With a
    /// bring-your-own client that id is <c>iap.oauthClient.clientId</c>. With the Google-managed client the id is not
    /// in the stack and no API can look it up offline, so the caller must name the allowlisted client with <c>--audience</c>.
    /// </summary>
    public static string IapAudience(PlatformConfig config, string? audienceOption)
    {
        if (!string.IsNullOrWhiteSpace(audienceOption))
        {
            return audienceOption.Trim();
        }

        if (config.Iap.OAuthClient.ClientId is { Length: > 0 } clientId)
        {
            return clientId;
        }

        throw new UsageException(
            $"--auth iap needs the IAP audience, and stack '{config.Stack}' uses the Google-managed OAuth client " +
            $"(secure-serving:iap.oauthClient is managed in Pulumi.{config.Stack}.yaml), whose client id is not in the " +
            "configuration and cannot be looked up offline. IAP blocks programmatic access through the managed client " +
            "unless an OAuth client is on the IAP programmatic-access allowlist (IAP settings, oauthSettings.programmaticClients). " +
            "Pass that client's id: --audience <id>.apps.googleusercontent.com. Or configure a bring-your-own client " +
            "(iap.oauthClient.clientId), which predict then uses as the audience.");
    }
}
