using SecureServing.Core.Config;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Access;

/// <summary>What should happen for one caller and model: allowed, denied, or not asserted (null), and why.</summary>
public sealed record Expectation(Outcome? Expected, string Reason);

/// <summary>
/// Who the team and stack files say may call each model — computed from the validated configuration only:
/// <list type="bullet">
/// <item>a pod in the team's own namespace, or in one of its <c>allowedNamespaces</c>: allowed; any other namespace:
/// denied — unless the model's namespace isolation is off (<c>authorization: false</c>, or an acknowledged
/// <c>sidecarInjection: false</c>), or the model has the activator on with <c>activator-bypasses-isolation</c>
/// acknowledged (the activator hides the caller);</item>
/// <item>any pod through the activator: only for those same acknowledged activator-on models (or isolation off);</item>
/// <item>Knative's activator and autoscaler on the probe paths: always allowed, or Knative cannot serve the model;</item>
/// <item>a pod outside the mesh: only when <c>mesh.outOfMeshCallers</c> is set — and then it must really get through
/// (with a Dex token where Dex is configured); any pod in the mesh through a cluster-local gateway (which hides its
/// namespace): denied, unless <c>mesh.outOfMeshCallers</c> is set or the model's isolation is off (then any pod may
/// get in anyway: not asserted);</item>
/// <item>the internet: only through IAP, only for models with <c>exposeViaIap</c>, only for identities granted for that
/// model (<c>iap.accessors</c> and the team's <c>members</c>), and with a valid Dex token where Dex is configured; never
/// with an IAP JWT for another backend, whether at a public address of the gateway or from inside the cluster. With IAP
/// off, exposed models are public routes of the public gateway: open to whoever reaches it (from the internet only
/// with <c>ingress.loadBalancerService</c>).</item>
/// </list>
/// Only the probe paths of Knative's own pods are asserted; other callers' probe-path outcomes are reported, not gated.
/// </summary>
public static class AccessIntent
{
    public static Expectation For(PlatformConfig config, Caller caller, ModelInfo model, bool probe)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(model);
        if (probe || caller.Kind == CallerKind.KnativeProbes)
        {
            return (probe, caller.Kind) switch
            {
                (true, CallerKind.KnativeProbes) => new Expectation(Outcome.Allowed, "Knative's activator and autoscaler must probe and scrape every model"),
                (false, _) => new Expectation(null, "Knative's own pods call only the probe paths"),
                _ => new Expectation(null, "probe paths are asserted only for Knative's own pods"),
            };
        }

        var team = config.Teams.FirstOrDefault(t => t.Namespace == model.Namespace && t.Models.Any(m => m.Name == model.Name));
        var m = team?.Models.First(x => x.Name == model.Name);
        if (team is null || m is null)
        {
            return new Expectation(Outcome.Denied, "no team file declares this model");
        }

        var isolationOff = !team.Authorization ? $"team {team.Team} has `authorization: false`"
            : !m.SidecarInjection && Acknowledged(team, RuleCatalog.SidecarOffWithAuthorization) ? $"`sidecarInjection: false` is acknowledged for {m.Name}"
            : null;
        var activatorAcknowledged = m.Activator == ActivatorMode.On && Acknowledged(team, RuleCatalog.ActivatorBypassesIsolation);
        var dex = config.Mesh.Dex;
        var dexValid = dex is null || caller.Tokens.Any(t => IsValidDex(dex, t.Value));

        switch (caller.Kind)
        {
            case CallerKind.Namespace:
                return caller.Namespace == team.Namespace ? Allow("the team's own namespace")
                    : team.AllowedNamespaces.Contains(caller.Namespace) ? Allow($"listed in {team.SourceFile} `allowedNamespaces`")
                    : isolationOff is not null ? Allow($"namespace isolation is off: {isolationOff}")
                    : activatorAcknowledged ? Allow("the activator is on its path and `activator-bypasses-isolation` is acknowledged: it hides the caller")
                    : Deny($"not team {team.Team}'s namespace and not in its `allowedNamespaces`");
            case CallerKind.Activator:
                return isolationOff is not null ? Allow($"namespace isolation is off: {isolationOff}")
                    : activatorAcknowledged ? Allow("`activator: on` with `activator-bypasses-isolation` acknowledged")
                    : Deny(m.Activator == ActivatorMode.On ? "`activator: on` is not acknowledged" : "`activator` is off: the activator must not be a way in");
            case CallerKind.LocalGateway or CallerKind.OutOfMesh:
                if (config.Mesh.OutOfMeshCallers && caller.Kind == CallerKind.LocalGateway)
                {
                    return new Expectation(null, "`mesh.outOfMeshCallers` is set, so any pod may get in (as a pod outside the mesh); in-mesh pods need no local gateway");
                }

                if (config.Mesh.OutOfMeshCallers)
                {
                    return dexValid ? Allow("`mesh.outOfMeshCallers` is set: pods outside the mesh (so any pod) reach every model through the local gateways")
                        : Deny("`mesh.dex` requires a valid Dex token");
                }

                if (isolationOff is not null)
                {
                    return new Expectation(null, $"namespace isolation is off ({isolationOff}): the model admits any pod that reaches it; whether a gateway passes it on is not asserted");
                }

                return Deny(caller.Kind == CallerKind.OutOfMesh ? "`mesh.outOfMeshCallers` is not set" : "a gateway hides the caller's namespace, and `mesh.outOfMeshCallers` is not set");
            case CallerKind.Iap:
                if (!config.Iap.Enabled)
                {
                    return Deny("IAP is off");
                }

                if (!m.ExposeViaIap)
                {
                    return Deny("not exposed (`exposeViaIap` is false)");
                }

                var granted = config.Iap.Accessors.Concat(team.Members).FirstOrDefault(member => caller.Identity is { } id && GoogleEdge.MemberMatches(member, id) == true);
                return granted is null ? Deny($"not in `iap.accessors` nor team {team.Team}'s `members`")
                    : !dexValid ? Deny("`mesh.dex` requires a valid Dex token (issuer, audience, groups)")
                    : Allow($"exposed, and {granted} is granted ({(config.Iap.Accessors.Contains(granted) ? "`iap.accessors`" : $"team {team.Team}'s `members`")})");
            case CallerKind.PublicAddress or CallerKind.GatewayBypass when !config.Iap.Enabled:
                // Without IAP, exposed models are public HTTPS routes of the public gateway (the setup of Kubeflow's "Securing the Kubeflow authentication with HTTPS", https://www.kubeflow.org/docs/distributions/ibm/deploy/authentication/): open to
                // whoever reaches it, from the internet only through the LoadBalancer Service.
                if (!m.ExposeViaIap)
                {
                    return Deny("not exposed (`exposeViaIap` is false)");
                }

                if (caller.Kind == CallerKind.PublicAddress && !config.Ingress.LoadBalancerService)
                {
                    return Deny("IAP is off and `ingress.loadBalancerService` is false: the public gateway has no public address");
                }

                return dexValid ? Allow("IAP is off: an exposed model is a public route of the public gateway") : Deny("`mesh.dex` requires a valid Dex token");
            case CallerKind.PublicAddress or CallerKind.GatewayBypass:
                return Deny("the internet only through IAP's load balancer, with IAP's JWT for this project's backend");
            default:
                return new Expectation(null, "caller kind not asserted");
        }

        static Expectation Allow(string why) => new(Outcome.Allowed, why);
        static Expectation Deny(string why) => new(Outcome.Denied, why);
    }

    private static bool Acknowledged(TeamConfig team, Rule rule) =>
        team.Acknowledgements.Any(a => a.Rule == rule.Id && !string.IsNullOrWhiteSpace(a.Reason));

    /// <summary>A genuine Dex token with the configured issuer, one of the audiences (when set) and one of the required groups (when set).</summary>
    private static bool IsValidDex(DexConfig dex, Jwt token) =>
        !token.Forged && token.Issuer == dex.Issuer && token.SignedWithKeysAt == dex.JwksUri
        && (dex.Audiences.Count == 0 || token.Audiences.Any(a => dex.Audiences.Contains(a)))
        && (dex.RequiredGroups.Count == 0 || dex.RequiredGroups.Any(g => token.Claims.TryGetValue("groups", out var groups) && groups.Contains(g)));
}
