using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecureServing.Core.Access;

/// <summary>Where a matched route sends a request: the rewritten request and its destinations (host, port).</summary>
internal sealed record RouteStep(ClusterObject VirtualService, string RouteName, HttpRequest Request, IReadOnlyList<(string Host, int? Port)> Destinations);

/// <summary>A routing result: a step to follow, or an end (no route, redirect, direct response, unknown).</summary>
internal sealed record RouteResult(RouteStep? Step, Outcome Outcome, ObjectRef? By, string Why)
{
    public static RouteResult End(Outcome outcome, ObjectRef? by, string why) => new(null, outcome, by, why);
}

/// <summary>
/// Istio VirtualService routing for a gateway (<c>namespace/name</c>) or for sidecars (<c>mesh</c>): the
/// VirtualServices bound there whose hosts match, their HTTP routes in order (for a gateway, every bound
/// VirtualService's routes in creation order; for sidecars, the oldest VirtualService of the host), the first route
/// whose match matches (uri, authority, headers, method, port, gateways), then its rewrite (uri prefix or whole path,
/// authority, <c>Host</c> header) and destinations. Redirects and direct responses end the request there; delegates,
/// faults and subsets are not modeled.
/// </summary>
internal static partial class VirtualServices
{
    public const string Mesh = "mesh";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<string> Gateways(ClusterObject vs)
    {
        var list = Json.Strings(vs.Manifest, "spec", "gateways");
        return list.Count == 0 ? [Mesh] : [.. list.Select(g => Normalize(g, vs.Namespace))];
    }

    public static string Normalize(string gateway, string? ns) =>
        gateway == Mesh || gateway.Contains('/', StringComparison.Ordinal) ? gateway : $"{ns}/{gateway}";

    /// <summary>VirtualServices bound to <paramref name="gatewayRef"/> with a host matching <paramref name="host"/>, oldest first.</summary>
    public static IReadOnlyList<ClusterObject> Bound(ClusterState state, string gatewayRef, string host) =>
        state.Memo($"vs:{gatewayRef}|{host.ToLowerInvariant()}", () => Scan(state, gatewayRef, host));

    private static List<ClusterObject> Scan(ClusterState state, string gatewayRef, string host) =>
        [.. state.OfKind("VirtualService", "networking.istio.io")
            .Where(vs => Gateways(vs).Contains(gatewayRef, StringComparer.Ordinal)
                && Json.Strings(vs.Manifest, "spec", "hosts").Any(h => HostMatches(h, vs.Namespace, host)))];

    public static RouteResult Route(ClusterState state, string gatewayRef, string host, int port, HttpRequest request)
    {
        var bound = Bound(state, gatewayRef, host);
        if (bound.Count == 0)
        {
            return RouteResult.End(Outcome.Denied, null, $"no VirtualService routes host {host} on {gatewayRef} (404)");
        }

        var candidates = gatewayRef == Mesh ? bound.Take(1) : bound;
        foreach (var vs in candidates)
        {
            if (Json.Arr(vs.Manifest, "spec", "exportTo").Count > 0 && !Json.Strings(vs.Manifest, "spec", "exportTo").SequenceEqual(["*"]))
            {
                return RouteResult.End(Outcome.Unknown, vs.Ref, "VirtualService exportTo is not modeled");
            }

            var routes = Json.Arr(vs.Manifest, "spec", "http");
            for (var i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                var (match, matched) = Match(route, gatewayRef, port, request);
                if (match is null)
                {
                    return RouteResult.End(Outcome.Unknown, vs.Ref, $"route {i + 1} uses a match the evaluator does not model");
                }

                if (match == false)
                {
                    continue;
                }

                return Apply(vs, route, i, matched, request);
            }
        }

        return RouteResult.End(Outcome.Denied, null, $"no route of {string.Join(", ", bound.Select(b => b.Ref.ToString()))} matches {request.Host}{request.Path} on {gatewayRef} (404)");
    }

    public static bool HostMatches(string pattern, string? vsNamespace, string host)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }

        var full = pattern.Contains('.', StringComparison.Ordinal) ? pattern : ServiceHosts.Fqdn(vsNamespace ?? "default", pattern);
        return ServiceHosts.Same(full, host);
    }

    private static (bool? Match, JsonObject? Matched) Match(JsonNode route, string gatewayRef, int port, HttpRequest request)
    {
        var matches = Json.Arr(route, "match");
        if (matches.Count == 0)
        {
            return (true, null);
        }

        var unknown = false;
        foreach (var m in matches.OfType<JsonObject>())
        {
            var result = Tristate.And(m.Select(p => Condition(p.Key, p.Value, m, gatewayRef, port, request)));
            if (result == true)
            {
                return (true, m);
            }

            unknown |= result is null;
        }

        return (unknown ? null : false, null);
    }

    private static bool? Condition(string key, JsonNode? value, JsonObject match, string gatewayRef, int port, HttpRequest request) => key switch
    {
        "name" or "ignoreUriCase" => true,
        "uri" => StringMatch(value, request.Path.Split('?', 2)[0], Json.Bool(match, "ignoreUriCase") == true),
        "authority" => StringMatch(value, request.Host, ignoreCase: true),
        "method" => StringMatch(value, request.Method),
        "headers" => Tristate.And((value as JsonObject ?? []).Select(h => StringMatch(h.Value, request.Header(h.Key)))),
        "gateways" => Json.Strings(value).Select(g => Normalize(g, null)).Contains(gatewayRef, StringComparer.Ordinal)
            || Json.Strings(value).Contains(gatewayRef.Split('/').Last(), StringComparer.Ordinal),
        "port" => Json.Int(value) == port,
        _ => null,
    };

    /// <summary>Istio StringMatch: exact, prefix, or regex (RE2 semantics approximated by a full .NET match).</summary>
    private static bool? StringMatch(JsonNode? match, string? value, bool ignoreCase = false)
    {
        if (value is null)
        {
            return false;
        }

        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (Json.Str(match, "exact") is { } exact)
        {
            return string.Equals(StripPort(value, exact), exact, comparison);
        }

        if (Json.Str(match, "prefix") is { } prefix)
        {
            return value.StartsWith(prefix, comparison);
        }

        if (Json.Str(match, "regex") is { } regex)
        {
            try
            {
                return Regex.IsMatch(value, $"^(?:{regex})\\z", (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>An authority compared exactly ignores a <c>:port</c> the pattern does not have.</summary>
    private static string StripPort(string value, string pattern) =>
        !pattern.Contains(':', StringComparison.Ordinal) && PortSuffix().Match(value) is { Success: true } m ? value[..m.Index] : value;

    private static RouteResult Apply(ClusterObject vs, JsonNode route, int index, JsonObject? matched, HttpRequest request)
    {
        var name = Json.Str(route, "name") is { } n ? $"route {n}" : $"route {index + 1}";
        if (Json.At(route, "redirect") is not null)
        {
            return RouteResult.End(Outcome.Denied, vs.Ref, $"{name} redirects (3xx) instead of routing");
        }

        if (Json.At(route, "directResponse") is not null)
        {
            return RouteResult.End(Outcome.Denied, vs.Ref, $"{name} answers directly instead of routing");
        }

        if (Json.At(route, "delegate") is not null || Json.At(route, "fault") is not null || Json.At(route, "rewrite", "uriRegexRewrite") is not null)
        {
            return RouteResult.End(Outcome.Unknown, vs.Ref, $"{name} uses delegate, fault or uriRegexRewrite, which are not modeled");
        }

        var rewritten = request;
        if (Json.Str(route, "rewrite", "uri") is { } uri)
        {
            var prefix = Json.Str(matched, "uri", "prefix");
            rewritten = rewritten with { Path = prefix is not null ? uri + request.Path[prefix.Length..] : uri };
        }

        if (Json.Str(route, "rewrite", "authority") is { } authority)
        {
            rewritten = rewritten with { Host = authority };
        }

        rewritten = SetHeaders(rewritten, Json.Obj(route, "headers", "request"));
        var destinations = new List<(string, int?)>();
        foreach (var d in Json.Arr(route, "route"))
        {
            if (Json.Str(d, "destination", "subset") is not null)
            {
                return RouteResult.End(Outcome.Unknown, vs.Ref, $"{name} routes to a subset, which is not modeled");
            }

            destinations.Add((Json.Str(d, "destination", "host") ?? "", Json.Int(d, "destination", "port", "number")));
            rewritten = SetHeaders(rewritten, Json.Obj(d, "headers", "request"));
        }

        return destinations.Count == 0
            ? RouteResult.End(Outcome.Denied, vs.Ref, $"{name} has no destination")
            : new RouteResult(new RouteStep(vs, name, rewritten, destinations), Outcome.Allowed, vs.Ref, $"{name} matches");
    }

    private static HttpRequest SetHeaders(HttpRequest request, JsonObject? operations)
    {
        foreach (var (key, value) in Json.Map(operations, "set").Concat(Json.Map(operations, "add")))
        {
            request = key.ToLowerInvariant() is "host" or ":authority" ? request with { Host = value } : request.WithHeader(key, value);
        }

        foreach (var key in Json.Strings(operations, "remove"))
        {
            request = request with { Headers = request.Headers.Remove(key.ToLowerInvariant()) };
        }

        return request;
    }

    [GeneratedRegex(@":\d{1,5}\z")]
    private static partial Regex PortSuffix();
}
