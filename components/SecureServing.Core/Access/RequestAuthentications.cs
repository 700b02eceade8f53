using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>The result of Istio's JWT checks at one workload.</summary>
/// <param name="Outcome">Allowed: the request goes on (with or without an identity); Denied: 401; Unknown: cannot tell.</param>
/// <param name="Identity">The identity a validated token gives the request; null without one.</param>
/// <param name="By">The RequestAuthentication that decided; null when none applies.</param>
/// <param name="Why">The reason, for the report.</param>
/// <param name="Forwarded">The request as forwarded: validated tokens are removed unless the rule sets <c>forwardOriginalToken</c>.</param>
internal sealed record AuthnResult(Outcome Outcome, RequestIdentity? Identity, ObjectRef? By, string Why, HttpRequest Forwarded);

/// <summary>
/// Istio's RequestAuthentication at a workload (policies in its namespace and the root namespace whose selector selects
/// it; their <c>jwtRules</c> together). A token is read from each rule's locations (<c>fromHeaders</c>, else
/// <c>Authorization: Bearer</c>); a token whose issuer no rule reading that location accepts, whose signature the rule's
/// JWKS does not verify, or whose audience is not listed (when <c>audiences</c> is set; otherwise audiences are not
/// checked) is rejected. A request with no token passes without an identity: only an AuthorizationPolicy can require one.
/// The evaluator cannot fetch JWKS: a genuine token is verified when the rule's <c>jwksUri</c> is where its issuer
/// publishes its keys; a rule pointing elsewhere (or with inline <c>jwks</c>) is unknown for it. With several valid
/// tokens, the identity is the first issuer's in ordinal order (how Istio fills <c>request.auth.*</c>).
/// </summary>
internal static class RequestAuthentications
{
    private sealed record Rule(ClusterObject Policy, JsonNode Node)
    {
        public string Issuer => Json.Str(Node, "issuer") ?? "";

        public bool Reads(string header)
        {
            var headers = Json.Arr(Node, "fromHeaders").Select(h => (Json.Str(h, "name") ?? "").ToLowerInvariant()).ToList();
            var custom = headers.Count > 0 || Json.Arr(Node, "fromParams").Count > 0 || Json.Arr(Node, "fromCookies").Count > 0;
            return custom ? headers.Contains(header) : header == HttpRequest.Authorization;
        }
    }

    public static AuthnResult Check(ClusterState state, Workload workload, HttpRequest request)
    {
        var policies = state.Memo($"authn:{workload.Namespace}/{workload.Name}", () =>
            state.OfKind("RequestAuthentication", "security.istio.io").Select(p => (Policy: p, Applies: PolicyScope.Applies(p, workload))).Where(a => a.Applies != false).ToList());
        if (policies.FirstOrDefault(p => p.Applies is null) is { Policy: { } targeted })
        {
            return new AuthnResult(Outcome.Unknown, null, targeted.Ref, "a RequestAuthentication with targetRef is not modeled", request);
        }

        var rules = policies.SelectMany(p => Json.Arr(p.Policy.Manifest, "spec", "jwtRules").Select(n => new Rule(p.Policy, n))).ToList();

        var identities = new List<RequestIdentity>();
        var forwarded = request;
        foreach (var (header, token) in request.Tokens.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var readers = rules.Where(r => r.Reads(header)).ToList();
            if (readers.Count == 0)
            {
                continue;
            }

            var rule = readers.FirstOrDefault(r => r.Issuer == token.Issuer);
            if (rule is null)
            {
                return Rejected(readers[0], $"the token in `{header}` ({token.Description}) has issuer {token.Issuer}, which no jwtRule reading `{header}` accepts", request);
            }

            if (Json.At(rule.Node, "jwks") is not null && Json.Str(rule.Node, "jwksUri") is null)
            {
                return new AuthnResult(Outcome.Unknown, null, rule.Policy.Ref, $"the jwtRule for {rule.Issuer} has inline keys; the evaluator cannot tell whether they verify {token.Description}", request);
            }

            var jwksUri = Json.Str(rule.Node, "jwksUri");
            if (jwksUri != token.SignedWithKeysAt)
            {
                if (token.Forged)
                {
                    return Rejected(rule, $"{token.Description} is not signed by keys at {jwksUri}", request);
                }

                return new AuthnResult(Outcome.Unknown, null, rule.Policy.Ref,
                    $"the jwtRule for {rule.Issuer} fetches keys from {jwksUri ?? "(issuer discovery)"}, not from {token.SignedWithKeysAt}; the evaluator cannot fetch them to tell whether they verify {token.Description}", request);
            }

            var audiences = Json.Strings(rule.Node, "audiences");
            if (audiences.Count > 0 && !token.Audiences.Any(a => audiences.Contains(a, StringComparer.Ordinal)))
            {
                return Rejected(rule, $"{token.Description} has audience {string.Join(", ", token.Audiences)}, not one of {string.Join(", ", audiences)}", request);
            }

            identities.Add(new RequestIdentity(token, rule.Policy.Ref));
            if (Json.Bool(rule.Node, "forwardOriginalToken") != true)
            {
                forwarded = forwarded with { Tokens = forwarded.Tokens.Remove(header) };
            }
        }

        var identity = identities.OrderBy(i => i.Token.Issuer, StringComparer.Ordinal).FirstOrDefault();
        return new AuthnResult(Outcome.Allowed, identity, identity?.ValidatedBy,
            identity is null ? "no token is checked here" : $"{identity.Token.Description} is valid", forwarded);
    }

    private static AuthnResult Rejected(Rule rule, string why, HttpRequest request) => new(Outcome.Denied, null, rule.Policy.Ref, why + " (401)", request);
}
