using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecureServing.Core.Access;

/// <summary>What Istio's authorization decided at one workload, and which policy (and rule) decided it.</summary>
internal sealed record AuthzResult(Outcome Outcome, ObjectRef? By, string Why);

/// <summary>The request attributes an AuthorizationPolicy can read at one workload.</summary>
internal sealed record AuthzContext(Peer Peer, RequestIdentity? Identity, HttpRequest Request, int Port);

/// <summary>
/// Istio's AuthorizationPolicy semantics (istio.io/latest/docs/concepts/security/#authorization-policies and
/// istio.io/latest/docs/reference/config/security/authorization-policy/): the policies that apply to the workload
/// (<see cref="PolicyScope"/>) are evaluated CUSTOM first, then DENY, then ALLOW. A matching CUSTOM policy hands the
/// decision to its external provider (unknown here, unless DENY/ALLOW deny anyway); a matching DENY policy denies; with
/// no ALLOW policy the request is allowed; with any, it is allowed only if one matches. A policy matches when any of
/// its rules matches (no rules: matches nothing); a rule when its <c>from</c> (any source), <c>to</c> (any operation)
/// and every <c>when</c> condition match. Within a source or operation every field set must match: a list matches when
/// any entry matches, a <c>not*</c> list when none does, with exact, <c>prefix*</c>, <c>*suffix</c> and <c>*</c> matching
/// (hosts ignore case). Source principals and namespaces exist only under Istio mTLS, request principals only after a
/// valid JWT; absent values match nothing. AUDIT policies do not decide, nor do ALLOW and DENY policies annotated
/// <c>istio.io/dry-run: "true"</c> (istio.io/latest/docs/tasks/security/authorization/authz-dry-run/). IP blocks and unlisted condition keys are
/// unknown (the evaluator does not model addresses).
/// </summary>
internal static partial class AuthorizationPolicies
{
    public const string DryRunAnnotation = "istio.io/dry-run";

    public static AuthzResult Decide(ClusterState state, Workload workload, AuthzContext ctx)
    {
        var applicable = state.Memo($"authz:{workload.Namespace}/{workload.Name}", () =>
            state.OfKind("AuthorizationPolicy", "security.istio.io")
                .Select(p => (Policy: p, Applies: PolicyScope.Applies(p, workload)))
                .Where(a => a.Applies != false && DryRun(a.Policy) != true)
                .ToList());

        if (applicable.FirstOrDefault(a => DryRun(a.Policy) is null).Policy is { } unreadable)
        {
            return new AuthzResult(Outcome.Unknown, unreadable.Ref, $"`{DryRunAnnotation}: {unreadable.Annotations[DryRunAnnotation]}` is not a value istiod reads as true or false");
        }

        AuthzResult? pending = null;
        foreach (var (policy, applies) in applicable.Where(a => Action(a.Policy) == "CUSTOM"))
        {
            var match = applies == true ? Matches(policy, ctx).Match : null;
            if (match != false)
            {
                pending ??= new AuthzResult(Outcome.Unknown, policy.Ref,
                    $"the CUSTOM policy hands the decision to provider `{Json.Str(policy.Manifest, "spec", "provider", "name") ?? "(none)"}`, which the evaluator cannot consult");
            }
        }

        foreach (var (policy, applies) in applicable.Where(a => Action(a.Policy) is not ("CUSTOM" or "DENY" or "ALLOW" or "AUDIT")))
        {
            pending ??= new AuthzResult(Outcome.Unknown, policy.Ref, $"action `{Action(policy)}` is not an AuthorizationPolicy action the evaluator knows");
        }

        foreach (var (policy, applies) in applicable.Where(a => Action(a.Policy) == "DENY"))
        {
            var (match, rule) = applies == true ? Matches(policy, ctx) : (null, -1);
            if (match == true)
            {
                return new AuthzResult(Outcome.Denied, policy.Ref, $"DENY rule {rule + 1} matches (403)");
            }

            if (match is null)
            {
                pending ??= new AuthzResult(Outcome.Unknown, policy.Ref, "the evaluator cannot tell whether this DENY policy matches");
            }
        }

        var allows = applicable.Where(a => Action(a.Policy) == "ALLOW").ToList();
        AuthzResult result;
        if (allows.Count == 0)
        {
            result = new AuthzResult(Outcome.Allowed, null, "no ALLOW policy applies to these pods");
        }
        else
        {
            AuthzResult? allowUnknown = null;
            AuthzResult? allowed = null;
            foreach (var (policy, applies) in allows)
            {
                var (match, rule) = applies == true ? Matches(policy, ctx) : (null, -1);
                if (match == true)
                {
                    allowed = new AuthzResult(Outcome.Allowed, policy.Ref, $"ALLOW rule {rule + 1} matches");
                    break;
                }

                if (match is null)
                {
                    allowUnknown ??= new AuthzResult(Outcome.Unknown, policy.Ref, "the evaluator cannot tell whether this ALLOW policy matches");
                }
            }

            var names = string.Join(", ", allows.Select(a => a.Policy.Ref.ToString()));
            var closest = allows.OrderByDescending(a => Closeness(a.Policy, ctx)).First().Policy;
            result = allowed ?? allowUnknown ?? new AuthzResult(Outcome.Denied, closest.Ref,
                $"no rule of the ALLOW policies that apply ({names}) matches {Describe(ctx)} (403)");
        }

        return result.Outcome == Outcome.Denied || pending is null ? result : pending;
    }

    /// <summary>
    /// For naming the policy that keeps a request out: how many single fields of its best rule the request satisfies;
    /// a policy without rules (a default deny) comes last, so the policy the request came closest to is named.
    /// </summary>
    private static int Closeness(ClusterObject policy, AuthzContext ctx) =>
        Json.Arr(policy.Manifest, "spec", "rules").Select(rule =>
            Json.Arr(rule, "from").Sum(f => SourceFields(Json.Obj(f, "source"), ctx).Count(v => v == true))
            + Json.Arr(rule, "to").Sum(t => OperationFields(Json.Obj(t, "operation"), ctx).Count(v => v == true))
            + Json.Arr(rule, "when").Count(c => Condition(c, ctx) == true))
        .DefaultIfEmpty(-1).Max();

    private static string Action(ClusterObject policy) => Json.Str(policy.Manifest, "spec", "action") ?? "ALLOW";

    /// <summary>
    /// <c>istio.io/dry-run</c> on an ALLOW or DENY policy: true when it is only logged, never enforced (Go's
    /// <c>strconv.ParseBool</c> spellings, as istiod reads it); null for a value it does not read.
    /// </summary>
    private static bool? DryRun(ClusterObject policy)
    {
        if (Action(policy) is not ("ALLOW" or "DENY") || !policy.Annotations.TryGetValue(DryRunAnnotation, out var value))
        {
            return false;
        }

        return value switch
        {
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => null,
        };
    }

    private static (bool? Match, int Rule) Matches(ClusterObject policy, AuthzContext ctx)
    {
        var rules = Json.Arr(policy.Manifest, "spec", "rules");
        var unknown = false;
        for (var i = 0; i < rules.Count; i++)
        {
            var match = Rule(rules[i], ctx);
            if (match == true)
            {
                return (true, i);
            }

            unknown |= match is null;
        }

        return (unknown ? null : false, -1);
    }

    private static bool? Rule(JsonNode rule, AuthzContext ctx)
    {
        var from = Json.Arr(rule, "from");
        var to = Json.Arr(rule, "to");
        var when = Json.Arr(rule, "when");
        return Tristate.And(
            from.Count == 0 ? true : Tristate.Or(from.Select(f => Source(Json.Obj(f, "source"), ctx))),
            to.Count == 0 ? true : Tristate.Or(to.Select(t => Operation(Json.Obj(t, "operation"), ctx))),
            Tristate.And(when.Select(c => Condition(c, ctx))));
    }

    private static bool? Source(JsonObject? source, AuthzContext ctx) => Tristate.And(SourceFields(source, ctx));

    /// <summary>Each field of a source, matched on its own (for <see cref="Source"/> and <see cref="Closeness"/>).</summary>
    private static IEnumerable<bool?> SourceFields(JsonObject? source, AuthzContext ctx)
    {
        var serviceAccount = ctx.Peer.Principal is { } p && SpiffePath().Match(p) is { Success: true } m ? $"{m.Groups[1].Value}/{m.Groups[2].Value}" : null;
        foreach (var (key, _) in source ?? [])
        {
            yield return key switch
            {
                "principals" or "notPrincipals" => Field(source!, key, ctx.Peer.Principal),
                "namespaces" or "notNamespaces" => Field(source!, key, ctx.Peer.Namespace),
                "requestPrincipals" or "notRequestPrincipals" => Field(source!, key, ctx.Identity?.Principal),
                "serviceAccounts" or "notServiceAccounts" => Field(source!, key, serviceAccount),
                _ => Json.Arr(source, key).Count == 0 ? true : null, // IP blocks and unknown fields: not modeled
            };
        }
    }

    private static bool? Operation(JsonObject? operation, AuthzContext ctx) => Tristate.And(OperationFields(operation, ctx));

    private static IEnumerable<bool?> OperationFields(JsonObject? operation, AuthzContext ctx)
    {
        var path = ctx.Request.Path.Split('?', 2)[0];
        foreach (var (key, _) in operation ?? [])
        {
            yield return key switch
            {
                "hosts" or "notHosts" => Field(operation!, key, ctx.Request.Host, ignoreCase: true),
                "ports" or "notPorts" => Field(operation!, key, ctx.Port.ToString(CultureInfo.InvariantCulture)),
                "methods" or "notMethods" => Field(operation!, key, ctx.Request.Method),
                "paths" or "notPaths" => Field(operation!, key, path),
                _ => Json.Arr(operation, key).Count == 0 ? true : null,
            };
        }
    }

    /// <summary>A positive list matches when any entry matches; a <c>not*</c> list when none does.</summary>
    private static bool Field(JsonObject node, string key, string? value, bool ignoreCase = false)
    {
        var patterns = Json.Strings(node, key);
        if (patterns.Count == 0)
        {
            return true;
        }

        var any = IstioMatch.Any(patterns, value, ignoreCase);
        return key.StartsWith("not", StringComparison.Ordinal) ? !any : any;
    }

    private static bool? Condition(JsonNode condition, AuthzContext ctx)
    {
        var key = Json.Str(condition, "key") ?? "";
        if (Attribute(key, ctx) is not { } values)
        {
            return null;
        }

        var positive = Json.Strings(condition, "values");
        var negative = Json.Strings(condition, "notValues");
        return (positive.Count == 0 || IstioMatch.AnyOf(positive, values)) && (negative.Count == 0 || !IstioMatch.AnyOf(negative, values));
    }

    /// <summary>The values of a condition key; null for keys the evaluator does not model (addresses, SNI, experimental).</summary>
    private static IReadOnlyList<string>? Attribute(string key, AuthzContext ctx)
    {
        static IReadOnlyList<string> One(string? v) => v is null ? [] : [v];
        var token = ctx.Identity?.Token;
        if (HeaderKey().Match(key) is { Success: true } header)
        {
            return One(ctx.Request.Header(header.Groups[1].Value));
        }

        if (ClaimKey().Match(key) is { Success: true } claim)
        {
            var name = claim.Groups[1].Value;
            if (claim.Groups[2].Success)
            {
                return null; // nested claims are not modeled
            }

            return token is null ? [] : name switch
            {
                "iss" => [token.Issuer],
                "sub" => [token.Subject],
                "aud" => token.Audiences,
                _ => token.Claims.TryGetValue(name, out var v) ? v : [],
            };
        }

        return key switch
        {
            "source.namespace" => One(ctx.Peer.Namespace),
            "source.principal" => One(ctx.Peer.Principal),
            "request.auth.principal" => One(ctx.Identity?.Principal),
            "request.auth.audiences" => token?.Audiences ?? [],
            "request.auth.presenter" => token is not null && token.Claims.TryGetValue("azp", out var azp) ? azp : [],
            "destination.port" => [ctx.Port.ToString(CultureInfo.InvariantCulture)],
            _ => null,
        };
    }

    private static string Describe(AuthzContext ctx) =>
        $"(source {(ctx.Peer.Namespace is null ? "unauthenticated (no Istio mTLS)" : $"namespace {ctx.Peer.Namespace}")}, " +
        $"{(ctx.Identity is null ? "no request principal" : $"request principal {ctx.Identity.Principal}")}, path {ctx.Request.Path})";

    [GeneratedRegex(@"\A[^/]+/ns/([^/]+)/sa/([^/]+)\z")]
    private static partial Regex SpiffePath();

    [GeneratedRegex(@"\Arequest\.headers\[([^\]]+)\]\z")]
    private static partial Regex HeaderKey();

    [GeneratedRegex(@"\Arequest\.auth\.claims\[([^\]]+)\](\[.+\])?\z")]
    private static partial Regex ClaimKey();
}
