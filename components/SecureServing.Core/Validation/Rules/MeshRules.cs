using SecureServing.Core.Config;

namespace SecureServing.Core.Validation.Rules;

/// <summary>sidecar-off-with-authorization, activator-bypasses-isolation, top-level-virtual-service, out-of-mesh-callers-blocked, out-of-mesh-callers-bypass-isolation, local-gateway-without-mtls, dex-incomplete, dex-not-enforced.</summary>
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
        var open = Kubernetes.LocalGatewayCallers.IsOpen(mesh);
        if (!mesh.DisableIstioVirtualHost && !open)
        {
            ctx.Stack(RuleCatalog.TopLevelVirtualService, $"{ns}mesh.disableIstioVirtualHost",
                $"`{ns}mesh.disableIstioVirtualHost` is `false`: KServe's top-level virtual service would send every caller through the cluster-local gateway.");
        }

        if (mesh.OutOfMeshCallers && mesh.Mtls == MtlsScope.Mesh)
        {
            ctx.Stack(RuleCatalog.OutOfMeshCallersBlocked, $"{ns}mesh.outOfMeshCallers",
                $"`{ns}mesh.outOfMeshCallers` is `true` under `{ns}mesh.mtls: mesh`: callers outside the mesh cannot be admitted without opening every model to every pod.",
                "Inject sidecars into the calling workloads (label their namespace `istio-injection=enabled`) and list their namespace in the team's `allowedNamespaces`, then remove `outOfMeshCallers`.");
        }
        else if (mesh.OutOfMeshCallers && mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.IstioMutual)
        {
            ctx.Stack(RuleCatalog.OutOfMeshCallersBlocked, $"{ns}mesh.outOfMeshCallers",
                $"`{ns}mesh.outOfMeshCallers` is `true` while `{ns}mesh.knativeLocalGatewayTls` is `istioMutual`: knative-local-gateway refuses plaintext callers.");
        }
        else if (open && ctx.Config.Teams.Any(t => t.Authorization))
        {
            var isolated = string.Join(", ", ctx.Config.Teams.Where(t => t.Authorization).Select(t => $"`{t.Team}`"));
            ctx.Stack(RuleCatalog.OutOfMeshCallersBypassIsolation, $"{ns}mesh.outOfMeshCallers",
                $"`{ns}mesh.outOfMeshCallers` is `true`: the cluster-local gateway admits every caller, so teams {isolated} lose namespace isolation for calls through it.");
        }

        if (mesh.KnativeLocalGatewayTls == KnativeLocalGatewayTls.None && !mesh.OutOfMeshCallers)
        {
            ctx.Stack(RuleCatalog.LocalGatewayWithoutMtls, $"{ns}mesh.knativeLocalGatewayTls",
                $"`{ns}mesh.knativeLocalGatewayTls` is `none` while `{ns}mesh.outOfMeshCallers` is off: the cluster-local gateway could not tell the public gateway from any other caller.");
        }

        if (mesh.Dex is { } dex)
        {
            foreach (var (key, value) in new[] { ("issuer", dex.Issuer), ("jwksUri", dex.JwksUri) })
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    ctx.Stack(RuleCatalog.DexIncomplete, $"{ns}mesh.dex.{key}",
                        value.Length == 0 ? $"`{ns}mesh.dex.{key}` is not set." : $"`{ns}mesh.dex.{key}` is `{value}`, not an https URL.");
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
