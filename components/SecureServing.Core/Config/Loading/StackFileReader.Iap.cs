using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>Identity-Aware Proxy (<c>secure-serving:iap</c>).</summary>
internal static partial class StackFileReader
{
    private static IapConfig ReadIap(YamlMap config, string ingressHostname)
    {
        var iap = config.Map(Namespace + "iap");
        var ctx = config.Ctx;
        var result = new IapConfig { Hostname = ingressHostname.Length > 0 ? ingressHostname : null };
        if (iap is null)
        {
            return result;
        }

        var hostname = iap.String("hostname");
        Check(iap, "hostname", hostname, Formats.Hostname().IsMatch, "a DNS hostname such as `models.example.com`");
        var client = OAuthClientConfig.Managed;
        var clientNode = iap.Value("oauthClient");
        var clientPath = iap.Child("oauthClient");
        if (clientNode is YamlScalarNode { Value: var text })
        {
            if (StackFileContract.Iap.OAuthClient.RetiredSpellings.ContainsKey(text ?? ""))
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, clientPath, clientNode, $"`{clientPath}` is `{text}`: creating OAuth clients needs the IAP OAuth Admin API, which was shut down on 2026-03-19.");
            }
            else if (!StackFileContract.Iap.OAuthClient.Spellings.Contains(text ?? "", StringComparer.Ordinal))
            {
                ctx.Report(RuleCatalog.InvalidValue, clientPath, clientNode, $"`{clientPath}` is `{text}`; it must be `managed` or a map `{{clientId, clientSecret}}`.", "Use `oauthClient: managed` for the Google-managed client.");
            }
        }
        else if (clientNode is not null && YamlMap.Of(clientNode, clientPath, ctx, "`managed` or a map `{clientId, clientSecret}`", StackFileContract.Iap.OAuthClient.Map) is { } oc)
        {
            var clientId = oc.String("clientId");
            Check(oc, "clientId", clientId, Formats.OAuthClientId().IsMatch, "an OAuth client ID ending in `.apps.googleusercontent.com`");
            var secret = oc.Secret("clientSecret", Namespace + "iap", "oauthClient.clientSecret", out var writtenNotSecret);
            if (clientId is not null && secret is null && !writtenNotSecret)
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, oc.Child("clientSecret"), null,
                    $"`{oc.Child("clientSecret")}` is not set although `clientId` is; the secret of an existing client cannot be read by API any more.",
                    $"Run `pulumi config set --secret --path '{oc.Child("clientSecret")}'` with the secret from the console, or use `oauthClient: managed`.");
            }
            else if (clientId is null && (secret is not null || writtenNotSecret))
            {
                ctx.Report(RuleCatalog.IapOAuthAdminApi, oc.Child("clientId"), null,
                    $"`{oc.Child("clientId")}` is not set although `clientSecret` is; a client cannot be created by API any more.",
                    "Add the `clientId` of the client you created in the console, or use `oauthClient: managed`.");
            }

            client = new OAuthClientConfig { ClientId = clientId, ClientSecret = secret };
            oc.Finish();
        }

        var accessors = iap.Strings("accessors") ?? [];
        CheckMembers(ctx, iap.Child("accessors"), accessors, Formats.Member().IsMatch, "an IAM member such as `group:ml-users@example.com`");
        var audience = iap.String("audience");
        Check(iap, "audience", audience, Formats.IapAudience().IsMatch, "`/projects/NUMBER/global/backendServices/ID`");

        result = result with
        {
            Enabled = iap.Bool("enabled") ?? StackFileContract.Iap.Enabled.Default,
            Hostname = hostname ?? result.Hostname,
            OAuthClient = client,
            Accessors = accessors,
            Audience = audience,
            VerifyJwtInMesh = iap.Bool("verifyJwtInMesh") ?? StackFileContract.Iap.VerifyJwtInMesh.Default,
        };
        iap.Finish();
        return result;
    }
}
