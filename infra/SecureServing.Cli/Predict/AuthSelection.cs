using SecureServing.Core.Config;

namespace SecureServing.Cli.Predict;

/// <summary>Chooses the auth mode when <c>--auth</c> is not given, and the audience of an IAP identity token.</summary>
internal static class AuthSelection
{
    /// <summary>The <c>--auth</c> values.</summary>
    public static readonly string[] Values = ["iap", "dex", "iap+dex", "none"];

    /// <summary>
    /// What the platform requires on the model's route: on the IAP route a Google identity token (<c>iap</c>), plus a
    /// Dex token when the stack checks Dex in the mesh (<c>iap+dex</c>); on the public Knative host of an exposed
    /// model (IAP off) a Dex token when the stack checks Dex, else nothing; for a cluster-local model nothing (callers
    /// in the team's allowed namespaces need no token). Decided from the configuration, also when <c>--url</c> is given.
    /// </summary>
    public static AuthMode DefaultMode(ModelTarget target)
    {
        var (config, _, model) = target;
        var dex = config.Mesh.Dex is not null;
        return !model.ExposeViaIap ? AuthMode.None
            : config.Iap.Enabled ? (dex ? AuthMode.IapDex : AuthMode.Iap)
            : dex ? AuthMode.Dex
            : AuthMode.None;
    }

    public static AuthMode Parse(string value) => value switch
    {
        "iap" => AuthMode.Iap,
        "dex" => AuthMode.Dex,
        "iap+dex" => AuthMode.IapDex,
        "none" => AuthMode.None,
        _ => throw new UsageException($"--auth '{value}' is not one of {string.Join(", ", Values)}."),
    };

    public static string Name(AuthMode mode) => mode switch
    {
        AuthMode.Iap => "iap",
        AuthMode.Dex => "dex",
        AuthMode.IapDex => "iap+dex",
        _ => "none",
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
