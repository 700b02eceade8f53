using System.Text;
using System.Text.Json;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Cli.Predict;

/// <summary>Explanations of HTTP error statuses, naming the configuration that controls each.</summary>
internal static class HttpErrorHints
{
    /// <summary>Set by IAP on every response it generates itself (a denial or an authentication challenge).</summary>
    public const string IapGeneratedHeader = "x-goog-iap-generated-response";

    public static IEnumerable<string> Redirect(CallContext context, HttpReply reply)
    {
        var location = reply.Header("location") ?? "(no Location header)";
        yield return $"The service redirects to {location}; predict does not follow redirects.";
        if (context.Endpoint.Route == RouteKind.IapPath || location.Contains("accounts.google.com", StringComparison.OrdinalIgnoreCase))
        {
            yield return "IAP redirects callers without a valid identity token to Google sign-in: call with --auth iap.";
        }
    }

    public static IEnumerable<string> Unauthorized(CallContext context, HttpReply reply)
    {
        var credential = context.Credential;
        var config = context.Target.Config;
        if (IsFromIap(reply) || (context.Endpoint.Route == RouteKind.IapPath && !credential.UsesIap))
        {
            if (!credential.UsesIap)
            {
                yield return $"IAP requires a Google identity token and none was sent ({credential.Source}): call with --auth iap" +
                    (config.Mesh.Dex is null ? "." : " (or iap+dex: this stack's mesh also checks Dex tokens).");
                yield break;
            }

            yield return $"IAP rejected the identity token of {credential.Source}, minted for audience {credential.Audience}.";
            var configured = config.Iap.OAuthClient.ClientId;
            yield return configured is null
                ? $"IAP accepts only an ID token whose audience is the OAuth client id of the IAP backend. Stack '{config.Stack}' " +
                  "uses the Google-managed client: pass an OAuth client id on the IAP programmatic-access allowlist with --audience."
                : $"IAP accepts only an ID token whose audience is the OAuth client id of the IAP backend: {configured} " +
                  $"(secure-serving:iap.oauthClient.clientId in {context.StackFile})" +
                  (string.Equals(configured, credential.Audience, StringComparison.Ordinal) ? "." : "; this token's audience differs.");
            yield break;
        }

        var envoyReason = FirstLine(reply);
        if (credential.UsesDex)
        {
            yield return $"The mesh rejected the Dex credential ({credential.Source})" +
                (envoyReason is null ? "." : $": \"{envoyReason}\".") +
                " The token or session has probably expired: log in again and refresh it.";
            if (config.Mesh.Dex is { } dex)
            {
                yield return $"The mesh accepts tokens issued by {dex.Issuer}" +
                    (dex.Audiences.Count > 0 ? $" for audience {string.Join(" or ", dex.Audiences)}" : string.Empty) +
                    $" (secure-serving:mesh.dex in {context.StackFile}).";
            }

            yield break;
        }

        yield return credential.Mode == AuthMode.None
            ? "The service requires a credential and none was sent (--auth none): use --auth dex for the mesh's Dex check, or --auth iap on an IAP route."
            : $"The service did not accept the credential ({credential.Source})" + (envoyReason is null ? "." : $": \"{envoyReason}\".");
    }

    public static IEnumerable<string> Forbidden(CallContext context, HttpReply reply)
    {
        if (IsFromIap(reply))
        {
            return IapDenied(context);
        }

        if (IsMeshRbacDenial(reply))
        {
            return MeshDenied(context);
        }

        return
        [
            "The denial came neither from IAP (no x-goog-iap-generated-response header) nor from the mesh's " +
            $"AuthorizationPolicy (no \"RBAC: access denied\"): the model server or a proxy in between refused the call ({ServerOf(reply)}).",
        ];
    }

    public static IEnumerable<string> NotFound(CallContext context, HttpReply reply)
    {
        var (config, team, model) = context.Target;
        var modelsLine = $"Team '{team.Team}' (namespace {team.Namespace}) in stack '{config.Stack}' has {ModelTarget.DescribeModels(team)}.";
        if (ModelServerError(reply) is { } error)
        {
            yield return $"The model server answered but does not serve this model: \"{error}\". The model name in the path must be " +
                "the InferenceService name.";
            yield return modelsLine;
            yield break;
        }

        var ready = $"`kubectl -n {team.Namespace} get inferenceservice {model.Name}` shows whether it is ready.";
        yield return context.Endpoint.Route switch
        {
            RouteKind.IapPath =>
                $"No route for {context.RoutedHost}{context.Endpoint.Url.AbsolutePath}: the IAP path route /kfserving/{team.Namespace}/{model.Name} " +
                $"exists once `pulumi up` has applied `exposeViaIap: true` for '{model.Name}' in {context.TeamFile}. {ready}",
            RouteKind.PublicHost or RouteKind.ClusterLocal =>
                $"No route for host {context.RoutedHost}: Knative creates it once the InferenceService '{model.Name}' is ready. {ready}",
            _ =>
                "Check the --url path: KServe v1 paths are /v1/models/<model>:predict and /v1/models/<model>; " +
                "IAP path routes are /kfserving/<namespace>/<model>:predict.",
        };
        yield return modelsLine;
    }

    public static IEnumerable<string> Upstream(CallContext context, HttpReply reply)
    {
        var model = context.Target.Model.Name;
        var reason = FirstLine(reply);
        if (reply.StatusCode == 504)
        {
            yield return $"A gateway gave up waiting for '{model}': the model took too long to answer, or is still scaling up.";
        }
        else if (reason is not null && reason.Contains("no healthy upstream", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"No ready pod serves '{model}' (\"no healthy upstream\"): it is starting, scaling from zero, or crash-looping.";
        }
        else
        {
            yield return $"The gateway could not get an answer from '{model}'" + (reason is null ? "." : $": \"{reason}\".");
        }

        yield return $"`kubectl -n {context.Namespace} get pods -l serving.kserve.io/inferenceservice={model}` shows its pods.";
    }

    public static bool IsFromIap(HttpReply reply) =>
        string.Equals(reply.Header(IapGeneratedHeader)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Envoy's RBAC filter answers a denied call with the plain-text body "RBAC: access denied".</summary>
    public static bool IsMeshRbacDenial(HttpReply reply) =>
        FirstLine(reply) is { } line && line.StartsWith("RBAC: access denied", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> IapDenied(CallContext context)
    {
        var credential = context.Credential;
        if (!credential.UsesIap)
        {
            yield return $"IAP refused the call: it admits only a Google identity token, and this call sent {credential.Source}. Use --auth iap" +
                (context.Target.Config.Mesh.Dex is null ? "." : " (iap+dex: this stack's mesh also checks Dex tokens).");
            yield break;
        }

        var who = credential.Identity ?? $"the identity of {credential.Source}";
        yield return $"IAP authenticated {who} but denied access: it is not an IAP accessor of this backend.";
        yield return $"IAP accessors are `secure-serving:iap.accessors` in {context.StackFile} and the members of team " +
            $"'{context.Target.Team.Team}' (`members` in {context.TeamFile}; they pass IAP only for {IapPlanner.TeamPathPrefix(context.Target.Team)}). " +
            $"Add {who} (or a group it is in) there and run " +
            "`pulumi up`; IAM changes can take a few minutes to apply.";
    }

    /// <summary>
    /// Who the mesh lets call a model, as the platform's policies say (SecureServing.Core.Kubernetes: TeamIsolation,
    /// ModelCallers, IapInMesh): the team's namespaces; gateways (by their identity) only for models reached through
    /// one; the activator (knative-serving) only for <c>activator: on</c>; both of those only with a Dex token when
    /// the stack checks Dex; and, at the public gateway, only requests that came through IAP.
    /// </summary>
    private static IEnumerable<string> MeshDenied(CallContext context)
    {
        var (config, team, model) = context.Target;
        yield return "The mesh denied the call (\"RBAC: access denied\" from an Istio AuthorizationPolicy): this caller is not on its allow list.";

        if (config.Iap.Enabled && config.Iap.VerifyJwtInMesh && context.Endpoint.Route == RouteKind.IapPath && context.Endpoint.HostHeader is not null)
        {
            yield return $"This call went to the public gateway directly (--url), not through IAP: with iap.verifyJwtInMesh ({context.StackFile}) " +
                "the public gateway admits only requests with IAP's signed header for this project's backend. Call through IAP (leave out --url), " +
                "or from inside the cluster.";
        }

        if (!team.Authorization)
        {
            yield return $"Team '{team.Team}' has `authorization: false` in {context.TeamFile}, so no team policy applies: the denial comes " +
                "from the gateway's IAP policy or a policy this stack does not manage.";
            yield break;
        }

        var namespaces = string.Join(", ", new[] { team.Namespace }.Concat(team.AllowedNamespaces).Distinct(StringComparer.Ordinal));
        yield return $"Pods in {namespaces} may call '{model.Name}' (its own namespace plus `allowedNamespaces` in {context.TeamFile}, seed 003); " +
            "add a caller's namespace there.";

        var dexRequirement = DexRequirement(config, context);
        var gateways = ModelCallers.GatewayPrincipalsFor(config, model);
        yield return gateways.Count > 0
            ? $"Calls through a gateway (they arrive as the gateway's identity: {string.Join(", ", gateways)}) are allowed{dexRequirement}; " +
              "the cluster-local gateway itself admits only the public gateway's IAP route unless mesh.outOfMeshCallers opens it."
            : $"Calls through a gateway (they arrive as the gateway's identity, e.g. through a port-forward) are not allowed: '{model.Name}' is " +
              $"cluster-local (`exposeViaIap: false` in {context.TeamFile}) and mesh.outOfMeshCallers is off in {context.StackFile}.";
        if (model.Activator == ActivatorMode.On)
        {
            yield return $"'{model.Name}' has `activator: on`: calls the Knative activator forwards (from knative-serving) are allowed{dexRequirement}.";
        }
    }

    private static string DexRequirement(PlatformConfig config, CallContext context)
    {
        if (config.Mesh.Dex is not { } dex)
        {
            return string.Empty;
        }

        var sent = context.Credential.UsesDex ? context.Credential.Source : "no Dex credential";
        return $" only with a Dex token from {dex.Issuer}" +
            (dex.Audiences.Count > 0 ? $" for audience {string.Join(" or ", dex.Audiences)}" : string.Empty) +
            (dex.RequiredGroups.Count > 0 ? $" whose groups include {string.Join(" or ", dex.RequiredGroups)}" : string.Empty) +
            $" (secure-serving:mesh.dex in {context.StackFile}; this call sent {sent})";
    }

    private static string ServerOf(HttpReply reply) => reply.Header("server") is { } server ? $"server: {server}" : "no server header";

    /// <summary>The first line of a short text body, e.g. Envoy's "Jwt is expired".</summary>
    private static string? FirstLine(HttpReply reply)
    {
        if (reply.Body.Length is 0 or > 512 || ResponseBody.IsJsonMediaType(reply.MediaType))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(reply.Body).Trim();
        var end = text.IndexOfAny(['\r', '\n']);
        return text.Length == 0 ? null : end < 0 ? text : text[..end];
    }

    /// <summary>The "error" of a KServe model server's JSON error body.</summary>
    private static string? ModelServerError(HttpReply reply)
    {
        using var document = ResponseBody.TryParse(reply.Body);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root &&
            root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;
    }
}
