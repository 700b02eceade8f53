using SecureServing.Core.Config;
using SecureServing.Core.Config.Loading;

namespace SecureServing.Core.Validation.Rules;

/// <summary>sidecar-off-with-authorization, activator-bypasses-isolation, strict-mtls-blocks-top-level-vs, out-of-mesh-callers-blocked, dex-incomplete, dex-not-enforced.</summary>
internal static class MeshRules
{
    public static void Check(RuleContext ctx)
    {
        foreach (var (team, model, path) in ctx.Models())
        {
            if (team.Authorization && !model.SidecarInjection)
            {
                ctx.Team(team, RuleCatalog.SidecarOffWithAuthorization, $"{path}.sidecarInjection",
                    $"`{path}.sidecarInjection` is `false` for model `{model.Name}`, but team `{team.Team}` has namespace authorization on.");
            }

            if (team.Authorization && model.Activator == ActivatorMode.On)
            {
                ctx.Team(team, RuleCatalog.ActivatorBypassesIsolation, $"{path}.activator",
                    $"`{path}.activator` is `on` for model `{model.Name}` in team `{team.Team}`, whose namespace is isolated.");
            }
        }

        var mesh = ctx.Config.Mesh;
        var ns = RuleContext.Ns;
        if (mesh.Mtls == MtlsScope.Mesh && !mesh.DisableIstioVirtualHost && mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.None)
        {
            ctx.Stack(RuleCatalog.StrictMtlsBlocksTopLevelVs, $"{ns}mesh.knativeLocalGatewayTls",
                $"`{ns}mesh.knativeLocalGatewayTls` is `none` while `{ns}mesh.mtls` is `mesh` and `disableIstioVirtualHost` is `false`.");
        }

        if (mesh.OutOfMeshCallers && mesh.Mtls == MtlsScope.Mesh && mesh.LocalGateway is null)
        {
            ctx.Stack(RuleCatalog.OutOfMeshCallersBlocked, $"{ns}mesh.outOfMeshCallers",
                $"`{ns}mesh.outOfMeshCallers` is `true` under `mesh.mtls: mesh`, but `{ns}mesh.localGateway` is not set.");
        }

        if (mesh.Dex is { } dex)
        {
            foreach (var (key, value) in new[] { ("issuer", dex.Issuer), ("jwksUri", dex.JwksUri) })
            {
                if (!Formats.HttpsUrl().IsMatch(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    ctx.Stack(RuleCatalog.DexIncomplete, $"{ns}mesh.dex.{key}",
                        value.Length == 0 ? $"`{ns}mesh.dex.{key}` is not set." : $"`{ns}mesh.dex.{key}` is `{value}`, not an https URL (a DNS host, no user-info, printable ASCII without spaces).");
                }
            }

            if (dex.Audiences.Count == 0 || dex.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                ctx.Stack(RuleCatalog.DexIncomplete, $"{ns}mesh.dex.audiences", $"`{ns}mesh.dex.audiences` is empty.", "List the OAuth client IDs Dex issues tokens for, e.g. `kubeflow-oidc-authservice`.");
            }

            foreach (var team in ctx.Config.Teams.Where(t => !t.Authorization))
            {
                ctx.Team(team, RuleCatalog.DexNotEnforced, "authorization",
                    $"`authorization` is `false` for team `{team.Team}` while `{ns}mesh.dex` is configured: no policy in namespace `{team.Namespace}` requires a Dex token.");
            }
        }
    }
}
