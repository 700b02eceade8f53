using System.Collections.Immutable;

namespace SecureServing.Core.Access;

/// <summary>Where one path of a request ended: at a model's pods (allowed, by the policy that admitted it) or stopped.</summary>
internal sealed record WalkEnd(Outcome Outcome, ObjectRef By, string Why, IReadOnlyList<string> Hops, ServedModel? Model);

/// <summary>
/// Follows a request hop by hop through the cluster state, the way Envoy and the serving components handle it:
/// <list type="number">
/// <item>the caller's sidecar applies the VirtualService bound to <c>mesh</c> for the host, if any;</item>
/// <item>the destination host resolves to a Service (an ExternalName is an alias), its port to a target port, and its
/// endpoints (selected pods, or the endpoints Knative manages for a revision: the activator's pods while it is on the
/// path);</item>
/// <item>at a gateway's pods: the Gateway server on that port and host, its TLS (plain HTTP, SIMPLE, ISTIO_MUTUAL: only
/// the last knows the caller's identity), the gateway's RequestAuthentication and AuthorizationPolicy, then its bound
/// VirtualService routes, and on to the destination with the gateway as the client;</item>
/// <item>at a sidecar: PeerAuthentication (STRICT refuses plaintext), the caller's identity when Istio mTLS was used,
/// RequestAuthentication, AuthorizationPolicy; at the activator, a proxy to the revision named by the
/// <c>Knative-Serving-*</c> headers, with the activator as the client; at a model's pods, the end.</item>
/// </list>
/// Every connection of a hop crosses NetworkPolicy first (<see cref="NetworkPolicies"/>: the client pods' egress, the
/// destination pods' ingress): a connection it drops ends there, one it may drop makes every way on from there
/// unknown. Any object the evaluator does not model in the namespace of a hop (or of the client pods) makes that hop
/// unknown.
/// </summary>
internal sealed class RequestWalk(ClusterState state, NetworkPolicyEnforcement network)
{
    private const int MaxHops = 12;

    public IReadOnlyList<WalkEnd> Send(Workload client, string host, int port, HttpRequest request) =>
        Send(client, host, port, request, [$"{client.Label} calls {host}:{port}{request.Path}"], 0);

    /// <summary>A request the client sends straight to the pods (pod IP): the activator's probes, the autoscaler's scrapes.</summary>
    public IReadOnlyList<WalkEnd> SendToPods(Workload client, Workload pods, int port, string destinationHost, HttpRequest request) =>
        Deliver(client, pods, port, request, destinationHost, [$"{client.Label} calls {pods.Label}:{port}{request.Path}"], 0);

    /// <summary>A request arriving at pods from outside the mesh, e.g. Google's load balancer through a NEG.</summary>
    public IReadOnlyList<WalkEnd> Arrive(Workload client, Workload pods, int port, string destinationHost, HttpRequest request, ImmutableList<string> hops) =>
        Deliver(client, pods, port, request, destinationHost, hops, 0);

    private List<WalkEnd> Send(Workload client, string host, int port, HttpRequest request, ImmutableList<string> hops, int depth)
    {
        if (depth > MaxHops)
        {
            return [End(Outcome.Unknown, client.Source, $"more than {MaxHops} hops: a routing loop?", hops)];
        }

        if (client.HasSidecar && VirtualServices.Bound(state, VirtualServices.Mesh, host).Count > 0)
        {
            var route = VirtualServices.Route(state, VirtualServices.Mesh, host, port, request);
            if (route.Step is not { } step)
            {
                return [End(route.Outcome, route.By ?? client.Source, route.Why, hops)];
            }

            return [.. step.Destinations.SelectMany(d => Resolve(client, d.Host, d.Port ?? port, step.Request,
                hops.Add($"its sidecar routes by {step.VirtualService.Ref} ({step.RouteName}) to {d.Host}"), depth + 1))];
        }

        return Resolve(client, host, port, request, hops, depth);
    }

    private List<WalkEnd> Resolve(Workload client, string host, int port, HttpRequest request, ImmutableList<string> hops, int depth)
    {
        var name = ServiceHosts.Parse(host, client.Namespace);
        var service = name is { } n ? state.Service(n.Namespace, n.Name) : null;
        if (service is null)
        {
            return [End(Outcome.Denied, new ObjectRef("Service", name?.Namespace, name?.Name ?? host), $"no Service answers for {host}", hops)];
        }

        if (Json.Str(service.Manifest, "spec", "type") == "ExternalName")
        {
            var target = Json.Str(service.Manifest, "spec", "externalName") ?? "";
            return Send(client, target, port, request, hops.Add($"{service.Ref} is an ExternalName for {target}"), depth + 1);
        }

        var portEntry = Json.Arr(service.Manifest, "spec", "ports").FirstOrDefault(p => Json.Int(p, "port") == port);
        if (portEntry is null)
        {
            return [End(Outcome.Denied, service.Ref, $"{service.Ref} has no port {port}", hops)];
        }

        var targetPort = Json.Int(portEntry, "targetPort") ?? port;
        var endpoints = state.ManagedEndpoints.GetValueOrDefault($"{service.Namespace}/{service.Name}")
            ?? (Json.Map(service.Manifest, "spec", "selector") is { Count: > 0 } selector
                ? [.. state.Workloads.Where(w => w.Namespace == service.Namespace && Json.Selects(selector, w.Labels))]
                : []);
        if (endpoints.Count == 0)
        {
            return [End(Outcome.Denied, service.Ref, $"{service.Ref} has no pods behind it", hops)];
        }

        return [.. endpoints.SelectMany(w => Deliver(client, w, targetPort, request, host, hops.Add($"{service.Ref} port {port} sends to {w.Label} port {targetPort}"), depth))];
    }

    private List<WalkEnd> Deliver(Workload client, Workload pods, int port, HttpRequest request, string destinationHost, ImmutableList<string> hops, int depth)
    {
        if ((state.UnmodeledAffecting(pods.Namespace) ?? (client.Outside is null ? state.UnmodeledAffecting(client.Namespace) : null)) is { } unmodeled)
        {
            return [End(Outcome.Unknown, unmodeled.Object.Ref, unmodeled.Why, hops)];
        }

        var connection = NetworkPolicies.Decide(state, network, client, pods, port);
        if (connection.Outcome == Outcome.Denied)
        {
            return [End(Outcome.Denied, connection.By!, connection.Why, hops)];
        }

        var ends = Enter(client, pods, port, request, destinationHost, connection.Admitted is { } admitted ? hops.Add(admitted) : hops, depth);
        return connection.Outcome == Outcome.Allowed ? ends
            : [.. ends.Select(e => e.Outcome == Outcome.Allowed ? e with { Outcome = Outcome.Unknown, By = connection.By!, Why = connection.Why } : e)];
    }

    /// <summary>Past the network: the destination's proxy (a gateway's server, or a sidecar's mTLS and policies), then what the pods do with it.</summary>
    private List<WalkEnd> Enter(Workload client, Workload pods, int port, HttpRequest request, string destinationHost, ImmutableList<string> hops, int depth)
    {
        var (tls, tlsBy, tlsWhy) = ClientTls.Decide(state, client, destinationHost, pods, port);
        if (tls is not { } mode)
        {
            return [End(Outcome.Unknown, tlsBy ?? client.Source, tlsWhy, hops)];
        }

        if (pods.Role == WorkloadRole.Gateway)
        {
            return AtGateway(client, mode, pods, port, request, hops, depth);
        }

        ObjectRef admittedBy;
        string admitted;
        if (pods.HasSidecar)
        {
            var (peerMode, peerBy) = PeerAuthentications.Mode(state, pods, port);
            var peerRef = peerBy ?? new ObjectRef("PeerAuthentication", ClusterState.RootNamespace, "(none: Istio's default is PERMISSIVE)", ObjectOrigin.Installed);
            switch (peerMode, mode)
            {
                case (MtlsMode.Unknown, _):
                    return [End(Outcome.Unknown, peerRef, "its mTLS mode is not one the evaluator knows", hops)];
                case (MtlsMode.Strict, ClientTlsMode.Plain):
                    return [End(Outcome.Denied, peerRef, $"STRICT mTLS on {pods.Label} refuses plaintext from {client.Label} ({tlsWhy})", hops)];
                case (MtlsMode.Disable, ClientTlsMode.IstioMutual):
                    return [End(Outcome.Denied, peerRef, $"mTLS DISABLE on {pods.Label}, but {client.Label} sends Istio mTLS ({tlsWhy})", hops)];
            }

            var peer = mode == ClientTlsMode.IstioMutual ? new Peer(client.Principal, client.Namespace) : Peer.Unauthenticated;
            var (stop, authn, authz) = Authorize(pods, peer, request, port, hops);
            if (stop is not null)
            {
                return [stop];
            }

            admittedBy = authz.By ?? pods.Source;
            var source = peer.Namespace is null ? "no Istio mTLS identity" : $"source {peer.Principal}";
            admitted = authz.By is null ? $"no AuthorizationPolicy applies to {pods.Label} ({source})" : $"{authz.Why} ({source}{(authn.Identity is null ? "" : ", " + authn.Why)})";
            request = authn.Forwarded;
        }
        else
        {
            if (mode == ClientTlsMode.IstioMutual)
            {
                return [End(Outcome.Denied, tlsBy ?? pods.Source, $"{client.Label} sends Istio mTLS ({tlsWhy}) to {pods.Label}, which have no sidecar", hops)];
            }

            admittedBy = pods.Source;
            admitted = $"{pods.Label} have no sidecar ({pods.ProxyWhy}): no mesh policy applies";
        }

        return pods.Role switch
        {
            WorkloadRole.Model => [End(Outcome.Allowed, admittedBy, admitted, hops.Add($"{pods.Label} receive it: {admitted}"), state.Models.First(m => m.Pods == pods))],
            WorkloadRole.Activator => AtActivator(pods, request, hops.Add($"{pods.Label} accept it: {admitted}"), depth),
            _ => [End(Outcome.Denied, pods.Source, $"the request ends at {pods.Label}, not at a model", hops)],
        };
    }

    private List<WalkEnd> AtActivator(Workload activator, HttpRequest request, ImmutableList<string> hops, int depth)
    {
        var ns = request.Header(ServingControllers.NamespaceHeader);
        var revision = request.Header(ServingControllers.RevisionHeader);
        var model = state.Models.FirstOrDefault(m => m.Namespace == ns && m.Revision == revision);
        if (model is null)
        {
            return [End(Outcome.Denied, activator.Source, "the activator finds no revision for the request's Knative-Serving-Namespace/Revision headers", hops)];
        }

        return Deliver(activator, model.Pods, ServingControllers.QueueProxyPort, request, model.PrivateServiceHost,
            hops.Add($"the activator proxies to revision {ns}/{revision} (for any caller: net-istio #554)"), depth + 1);
    }

    private List<WalkEnd> AtGateway(Workload client, ClientTlsMode tls, Workload pods, int port, HttpRequest request, ImmutableList<string> hops, int depth)
    {
        var servers = GatewayServers.For(state, pods);
        if (servers.FirstOrDefault(s => s.ContainerPort is null) is { } ambiguous)
        {
            return [End(Outcome.Unknown, ambiguous.Gateway.Ref, $"port {ambiguous.Number} is translated by several Services to different pod ports", hops)];
        }

        var listening = servers.Where(s => s.ContainerPort == port).ToList();
        if (listening.Count == 0)
        {
            return [End(Outcome.Denied, pods.Source, $"{pods.Label} have no Gateway server on port {port}", hops)];
        }

        var serving = listening.Where(s => s.Serves(request.Host)).ToList();
        if (serving.Count == 0)
        {
            return [End(Outcome.Denied, listening[0].Gateway.Ref, $"no Gateway server on port {port} serves host {request.Host}", hops)];
        }

        var server = serving[0];
        var peer = Peer.Unauthenticated;
        switch (server.Protocol, server.TlsMode)
        {
            case ("HTTP" or "HTTP2" or "GRPC", _) when server.HttpsRedirect:
                return [End(Outcome.Denied, server.Gateway.Ref, $"server port {server.Number} only redirects to HTTPS (301)", hops)];
            case ("HTTP" or "HTTP2" or "GRPC", _) when tls == ClientTlsMode.IstioMutual:
                return [End(Outcome.Denied, server.Gateway.Ref, $"{client.Label} sends Istio mTLS (its DestinationRule) to the plain-HTTP server port {server.Number}: the connection fails", hops)];
            case ("HTTP" or "HTTP2" or "GRPC", _):
                break;
            case ("HTTPS", null or "SIMPLE") when tls == ClientTlsMode.IstioMutual:
                return [End(Outcome.Denied, server.Gateway.Ref, $"{client.Label} sends Istio mTLS (its DestinationRule) to the TLS SIMPLE server port {server.Number}: the handshake fails", hops)];
            case ("HTTPS", null or "SIMPLE"):
                break;
            case ("HTTPS", "ISTIO_MUTUAL") when tls != ClientTlsMode.IstioMutual:
                return [End(Outcome.Denied, server.Gateway.Ref, $"server port {server.Number} is ISTIO_MUTUAL: {client.Label} has no Istio mTLS to offer, the handshake fails", hops)];
            case ("HTTPS", "ISTIO_MUTUAL"):
                peer = new Peer(client.Principal, client.Namespace);
                break;
            default:
                return [End(Outcome.Unknown, server.Gateway.Ref, $"server port {server.Number} ({server.Protocol} {server.TlsMode}) is not modeled", hops)];
        }

        var (stop, authn, authz) = Authorize(pods, peer, request, port, hops);
        if (stop is not null)
        {
            return [stop];
        }

        var forwarded = authn.Forwarded;
        RouteResult? route = null;
        foreach (var gatewayRef in serving.Select(s => s.GatewayRef).Distinct(StringComparer.Ordinal))
        {
            route = VirtualServices.Route(state, gatewayRef, forwarded.Host, server.Number, forwarded);
            if (route.Step is not null || route.Outcome != Outcome.Denied)
            {
                break;
            }
        }

        if (route?.Step is not { } step)
        {
            return [End(route?.Outcome ?? Outcome.Denied, route?.By ?? server.Gateway.Ref, route?.Why ?? "no route", hops)];
        }

        var checks = (authn.Identity is null ? "" : $"{authn.By}: {authn.Why}; ") + (authz.By is null ? authz.Why : $"{authz.By}: {authz.Why}");
        var at = $"{server.Gateway.Ref} server port {server.Number} ({checks}) routes by {step.VirtualService.Ref} ({step.RouteName})";
        return [.. step.Destinations.SelectMany(d => Resolve(pods, d.Host, d.Port ?? 80, step.Request, hops.Add($"{at} to {d.Host}"), depth + 1))];
    }

    /// <summary>The proxy's RequestAuthentication, then its AuthorizationPolicy; a stop when either refuses (or cannot tell).</summary>
    private (WalkEnd? Stop, AuthnResult Authn, AuthzResult Authz) Authorize(Workload pods, Peer peer, HttpRequest request, int port, ImmutableList<string> hops)
    {
        var authn = RequestAuthentications.Check(state, pods, request);
        if (authn.Outcome != Outcome.Allowed)
        {
            return (End(authn.Outcome, authn.By ?? pods.Source, authn.Why, hops), authn, new AuthzResult(Outcome.Unknown, null, "not reached"));
        }

        var authz = AuthorizationPolicies.Decide(state, pods, new AuthzContext(peer, authn.Identity, request, port));
        return (authz.Outcome == Outcome.Allowed ? null : End(authz.Outcome, authz.By ?? pods.Source, authz.Why, hops), authn, authz);
    }

    private static WalkEnd End(Outcome outcome, ObjectRef by, string why, ImmutableList<string> hops, ServedModel? model = null) => new(outcome, by, why, hops, model);
}

/// <summary>Synthetic client pods for callers: a pod in a namespace, with or without a sidecar.</summary>
internal static class CallerPods
{
    public static Workload InNamespace(string ns, bool sidecar) =>
        new(ns, "caller", new Dictionary<string, string>(StringComparer.Ordinal), "default", sidecar, WorkloadRole.Other,
            new ObjectRef("Pod", ns, "caller", ObjectOrigin.Derived), sidecar ? "in the mesh" : "no sidecar")
        { Display = $"a pod in {ns}{(sidecar ? "" : " without a sidecar")}" };

    /// <summary>Anything on the internet, or Google's load balancer: no Istio proxy, no mesh identity, connections from <paramref name="addresses"/>.</summary>
    public static Workload Outside(string label, OutsideAddresses addresses) =>
        new("(outside the cluster)", label, new Dictionary<string, string>(StringComparer.Ordinal), "(none)", false, WorkloadRole.Other,
            new ObjectRef("Caller", null, label, ObjectOrigin.Gcp), "outside the cluster")
        { Display = label, Outside = addresses };
}
