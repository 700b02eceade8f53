using System.Text.Json.Nodes;
using SecureServing.Core.Config;

namespace SecureServing.Core.Kubernetes;

/// <summary>
/// Dex as the OIDC provider (Istio RequestAuthentication; Kubeflow HTTPS guide): Istio validates the Dex JWT (RequestAuthentication) and authorizes on its
/// claims — issuer, audience, groups — in each team's per-model AuthorizationPolicy (<see cref="ModelCallers"/>).
/// <para>
/// Where: in each team namespace, not on the ingress gateway. The gateway already validates the IAP JWT
/// (<see cref="IapInMesh"/>); when one proxy validates two JWTs, Istio fills <c>request.auth.claims</c> from only one
/// of them (the first issuer in dictionary order), so claim checks there would read the wrong token. At the model's
/// sidecar only the Dex rule exists, so <c>request.auth.claims</c> is always Dex's. The token is kept for the model
/// (<c>forwardOriginalToken</c>); <c>email</c> and <c>sub</c> are copied to headers (<c>groups</c>, an array claim, cannot
/// be: Envoy copies only scalar claims). Those headers are only trustworthy on requests that passed the Dex rule:
/// Envoy overwrites them when a valid token is present; a same-namespace caller without a token could set them itself.
/// </para>
/// With IAP and Dex together, clients send the Google token as <c>Proxy-Authorization: Bearer …</c> (IAP accepts it
/// there) and the Dex token as <c>Authorization: Bearer …</c>.
/// </summary>
internal static class DexAuth
{
    public const string RequestAuthenticationName = "dex-jwt";
    public const string EmailHeader = "x-auth-email";
    public const string SubjectHeader = "x-auth-subject";

    /// <summary>The request principal of any Dex-issued token: <c>&lt;issuer&gt;/*</c>.</summary>
    public static string RequestPrincipals(DexConfig dex) => $"{dex.Issuer}/*";

    public static IEnumerable<KubernetesObject> For(PlatformConfig config, TeamConfig team)
    {
        if (config.Mesh.Dex is not { } dex)
        {
            yield break;
        }

        var rule = new JsonObject { ["issuer"] = dex.Issuer, ["jwksUri"] = dex.JwksUri };
        if (dex.Audiences.Count > 0)
        {
            rule["audiences"] = Manifest.Strings(dex.Audiences);
        }

        rule["forwardOriginalToken"] = true;
        rule["outputClaimToHeaders"] = Manifest.Array(
            new JsonObject { ["header"] = EmailHeader, ["claim"] = "email" },
            new JsonObject { ["header"] = SubjectHeader, ["claim"] = "sub" });

        var manifest = Manifest.New(ApiVersions.IstioSecurity, "RequestAuthentication", RequestAuthenticationName, team.Namespace)
            .With("spec", new JsonObject { ["jwtRules"] = Manifest.Array(rule) });
        yield return new KubernetesObject(manifest, ApplyMode.Create, KubernetesObject.TeamOwner(team.Team));
    }

    /// <summary>AuthorizationPolicy <c>when</c> conditions on the Dex claims: issuer, then audience and groups when configured.</summary>
    public static JsonArray ClaimConditions(DexConfig dex)
    {
        var conditions = new JsonArray
        {
            Condition("request.auth.claims[iss]", [dex.Issuer]),
        };
        if (dex.Audiences.Count > 0)
        {
            conditions.Add(Condition("request.auth.claims[aud]", dex.Audiences));
        }

        if (dex.RequiredGroups.Count > 0)
        {
            conditions.Add(Condition("request.auth.claims[groups]", dex.RequiredGroups));
        }

        return conditions;
    }

    private static JsonObject Condition(string key, IEnumerable<string> values) =>
        new() { ["key"] = key, ["values"] = Manifest.Strings(values) };
}
