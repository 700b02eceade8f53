using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>
/// Computes who gets through to every model from what a stack renders — the Kubernetes plan and the GCP plan, never
/// the configuration — by sending each <see cref="Caller"/>'s request through the cluster as Istio, Knative, KServe
/// and Google's edge would handle it (<see cref="ClusterState"/>, <see cref="RequestWalk"/>, <see cref="GoogleEdge"/>).
/// A caller gets through when any of its ways in reaches the model's pods; the deciding object is the policy that
/// admitted it there, or for a denial the object that stopped the way that got furthest.
/// </summary>
public static partial class AccessEvaluator
{
    public const string ProbePath = "/healthz";

    public static AccessMatrix Evaluate(KubernetesPlan plan, GcpPlan gcp, IReadOnlyList<Caller> callers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gcp);
        ArgumentNullException.ThrowIfNull(callers);
        var state = ClusterState.Build(plan);
        var run = new Run(state, gcp, new RequestWalk(state, NetworkPolicyEnforcement.Of(gcp)));
        var rows = new List<ModelAccess>();
        foreach (var model in state.Models)
        {
            var info = new ModelInfo(model.Namespace, model.Name, model.ExternalHosts.Count == 0, model.ActivatorOnPath, model.Pods.HasSidecar);
            rows.Add(new ModelAccess(info, [.. callers.Select(c => new AccessCell(c, run.Decide(c, model, probe: false), run.Decide(c, model, probe: true)))]));
        }

        foreach (var isvc in state.OfKind("InferenceService", "serving.kserve.io").Where(i => state.Models.All(m => m.InferenceService != i)))
        {
            var why = state.Unmodeled.FirstOrDefault(u => u.Object == isvc)?.Why ?? "not modeled";
            var unknown = new AccessDecision(Outcome.Unknown, isvc.Ref, why, []);
            rows.Add(new ModelAccess(new ModelInfo(isvc.Namespace ?? "default", isvc.Name, false, false, false),
                [.. callers.Select(c => new AccessCell(c, unknown, unknown))]));
        }

        return new AccessMatrix(rows, callers);
    }

    /// <summary>The audience of the JWT IAP signs for this stack's backend: <c>/projects/NUMBER/global/backendServices/ID</c>.</summary>
    /// <remarks>
    /// The backend service's ID exists only after GKE's Ingress controller creates it. When the plan names exactly one
    /// such audience of this project (<c>iap.audience</c>), that is taken as the ID; otherwise a placeholder stands for it,
    /// which an exact audience never matches and <c>/projects/NUMBER/global/backendServices/*</c> does.
    /// </remarks>
    internal static string IapAudience(ClusterState state, GcpPlan gcp)
    {
        var perimeter = gcp.Perimeter.Perimeter;
        var number = ((perimeter.Status ?? perimeter.DryRunSpec)?.Resources ?? []).Select(r => r.Replace("projects/", "", StringComparison.Ordinal)).FirstOrDefault() ?? "0";
        var prefix = $"/projects/{number}/global/backendServices/";
        var named = state.OfKind("RequestAuthentication", "security.istio.io")
            .SelectMany(p => Json.Arr(p.Manifest, "spec", "jwtRules"))
            .Where(r => Json.Str(r, "issuer") == IapInMesh.Issuer)
            .SelectMany(r => Json.Strings(r, "audiences"))
            .Where(a => a.StartsWith(prefix, StringComparison.Ordinal) && BackendId().IsMatch(a[prefix.Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return named.Count == 1 ? named[0] : prefix + "BACKEND_ID";
    }

    /// <summary>The JWT IAP adds for <paramref name="identity"/>, signed with IAP's keys, for <paramref name="audience"/>.</summary>
    public static Jwt IapJwt(GoogleIdentity identity, string audience)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new Jwt(IapInMesh.Issuer, $"accounts.google.com:{identity.Email}", [audience],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["email"] = [identity.Email] },
            IapInMesh.JwksUri, $"IAP's JWT for {audience}");
    }

    [GeneratedRegex(@"\A[0-9]+\z")]
    private static partial Regex BackendId();

    private sealed class Run(ClusterState state, GcpPlan gcp, RequestWalk walk)
    {
        private readonly string _audience = IapAudience(state, gcp);

        public AccessDecision Decide(Caller caller, ServedModel model, bool probe)
        {
            var path = probe ? ProbePath : $"{IapPathRoutes.ModelPath(model.Name)}:predict";
            var method = probe ? "GET" : "POST";
            HttpRequest Request(string host, string p) => HttpRequest.Create(host, p, method).WithTokens(caller.Tokens);
            var inMesh = CallerPods.InNamespace(caller.Namespace, sidecar: true);

            switch (caller.Kind)
            {
                case CallerKind.Namespace:
                    return Best(model, walk.Send(inMesh, model.Address, 80, Request(model.Address, path)));
                case CallerKind.Activator:
                    var viaActivator = Request(model.PredictorHost, path)
                        .WithHeader(ServingControllers.NamespaceHeader, model.Namespace)
                        .WithHeader(ServingControllers.RevisionHeader, model.Revision);
                    return Best(model, walk.Send(inMesh, ServiceHosts.Fqdn(SystemNamespaces.KnativeServing, InstalledComponents.ActivatorService), 80, viaActivator));
                case CallerKind.KnativeProbes:
                    return KnativeProbes(model);
                case CallerKind.LocalGateway:
                    return Best(model, ViaGateway(inMesh, caller.GatewayService ?? KnativeLocalGateway.ServiceHost, model, path, Request));
                case CallerKind.OutOfMesh:
                    var outside = CallerPods.InNamespace(caller.Namespace, sidecar: false);
                    IEnumerable<WalkEnd> OutOfMesh() =>
                    [
                        .. walk.Send(outside, model.Address, 80, Request(model.Address, path)),
                        .. walk.Send(outside, model.PredictorHost, 80, Request(model.PredictorHost, path)),
                    ];
                    return Best(model, OutOfMesh().Concat(GatewayServices().SelectMany(s => ViaGateway(outside, ServiceHosts.Fqdn(s.Namespace!, s.Name), model, path, Request))));
                case CallerKind.Iap:
                    return Best(model, ThroughGoogle(caller, model, probe, method));
                case CallerKind.PublicAddress:
                    var internet = CallerPods.Outside("someone on the internet", GoogleEdge.Internet);
                    var doors = GoogleEdge.PublicLoadBalancers(state).ToList();
                    if (doors.Count == 0)
                    {
                        var fronts = GatewayServices().ToList();
                        var front = Routes().Select(r => r.Service).FirstOrDefault(s => s is not null) ?? fronts.FirstOrDefault();
                        var types = string.Join(", ", fronts.Select(s => $"{s.Name} is {Json.Str(s.Manifest, "spec", "type") ?? "ClusterIP"}"));
                        return new AccessDecision(Outcome.Denied, front?.Ref ?? new ObjectRef("Service", null, "(none)"),
                            $"no Service of type LoadBalancer fronts the gateway pods ({types}): the only way in from the internet is Google's load balancer", []);
                    }

                    return Best(model, doors.SelectMany(d => ToPublicHosts(internet, d, model, probe, method, caller)));
                case CallerKind.GatewayBypass:
                    var plainPod = CallerPods.InNamespace(caller.Namespace, sidecar: false);
                    return Best(model, GatewayServices().SelectMany(s => ToPublicHosts(inMesh, s, model, probe, method, caller).Concat(ToPublicHosts(plainPod, s, model, probe, method, caller))));
                default:
                    return new AccessDecision(Outcome.Unknown, new ObjectRef("Caller", null, caller.Id), "unknown caller kind", []);
            }
        }

        /// <summary>Services in front of gateway pods (istio-ingressgateway, knative-local-gateway, kserve-local-gateway, ...).</summary>
        private IReadOnlyList<ClusterObject> GatewayServices() => state.Memo("gateway-services", () =>
            state.OfKind("Service", "").Where(s => Json.Map(s.Manifest, "spec", "selector") is { Count: > 0 } selector
                && state.Workloads.Any(w => w.Role == WorkloadRole.Gateway && w.Namespace == s.Namespace && Json.Selects(selector, w.Labels))).ToList());

        private IReadOnlyList<LoadBalancerRoute> Routes() => state.Memo("lb-routes", () => GoogleEdge.Routes(state).ToList());

        private IEnumerable<WalkEnd> ViaGateway(Workload client, string serviceHost, ServedModel model, string path, Func<string, string, HttpRequest> request)
        {
            var name = ServiceHosts.Parse(serviceHost, null);
            var service = name is { } n ? state.Service(n.Namespace, n.Name) : null;
            var ports = service is null ? [80] : Json.Arr(service.Manifest, "spec", "ports").Select(p => Json.Int(p, "port") ?? 0).ToList();
            foreach (var port in ports)
            {
                foreach (var host in new[] { model.PredictorHost, model.TopLevelHost }.OfType<string>())
                {
                    foreach (var end in walk.Send(client, serviceHost, port, request(host, path)))
                    {
                        yield return end;
                    }
                }
            }
        }

        /// <summary>The public hosts a model can be asked for: the IAP path on each load balancer host, and its own external hosts.</summary>
        private IEnumerable<(string Host, string Path)> PublicTargets(ServedModel model, bool probe)
        {
            var predict = probe ? ProbePath : $"{IapPathRoutes.ModelPath(model.Name)}:predict";
            var iapPath = probe ? ProbePath : $"{IapPathRoutes.PublicPath(model.Namespace, model.Name)}:predict";
            foreach (var host in Routes().Select(r => r.Host).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                yield return (host, iapPath);
            }

            foreach (var host in model.ExternalHosts)
            {
                yield return (host, predict);
            }
        }

        /// <summary>The ports of a Service in front of gateway pods that reach a Gateway server there.</summary>
        private IReadOnlyList<int> ListeningPorts(ClusterObject service) => state.Memo($"listening:{service.Namespace}/{service.Name}", () =>
        {
            var selector = Json.Map(service.Manifest, "spec", "selector");
            var pods = state.Workloads.Where(w => w.Role == WorkloadRole.Gateway && w.Namespace == service.Namespace && Json.Selects(selector, w.Labels)).ToList();
            return Json.Arr(service.Manifest, "spec", "ports")
                .Where(p => pods.Any(w => GatewayServers.For(state, w).Any(s => s.ContainerPort == (Json.Int(p, "targetPort") ?? Json.Int(p, "port")))))
                .Select(p => Json.Int(p, "port") ?? 0)
                .ToList();
        });

        private IEnumerable<WalkEnd> ToPublicHosts(Workload client, ClusterObject service, ServedModel model, bool probe, string method, Caller caller)
        {
            foreach (var port in ListeningPorts(service))
            {
                foreach (var (host, path) in PublicTargets(model, probe))
                {
                    foreach (var end in walk.Send(client, ServiceHosts.Fqdn(service.Namespace!, service.Name), port, HttpRequest.Create(host, path, method).WithTokens(caller.Tokens)))
                    {
                        yield return end;
                    }
                }
            }
        }

        private IEnumerable<WalkEnd> ThroughGoogle(Caller caller, ServedModel model, bool probe, string method)
        {
            var routes = Routes();
            if (routes.Count == 0)
            {
                yield return new WalkEnd(Outcome.Denied, new ObjectRef("Ingress", SystemNamespaces.IstioSystem, "(none)"), "no GKE Ingress of class gce: no Google load balancer in front of the cluster", [], null);
                yield break;
            }

            foreach (var route in routes)
            {
                foreach (var (host, path) in PublicTargets(model, probe).Where(t => route.Host is null || string.Equals(route.Host, t.Host, StringComparison.OrdinalIgnoreCase)))
                {
                    var hops = ImmutableList.Create($"{caller.Identity?.Email ?? "someone"} calls https://{host}{path} through {route.Ingress.Ref}");
                    if (route.Service is null)
                    {
                        yield return new WalkEnd(Outcome.Denied, route.Ingress.Ref, route.Why, hops, null);
                        continue;
                    }

                    var request = HttpRequest.Create(host, path, method).WithTokens(caller.Tokens.Where(t => t.Key != GoogleEdge.IapJwtHeader));
                    if (route.Iap is { } iap)
                    {
                        var identity = caller.Identity ?? new GoogleIdentity("anonymous@invalid", []);
                        var (outcome, by, why) = GoogleEdge.IamAllows(gcp, identity, host, path);
                        if (outcome != Outcome.Allowed)
                        {
                            yield return new WalkEnd(outcome, by, why, hops, null);
                            continue;
                        }

                        request = request.WithToken(GoogleEdge.IapJwtHeader, IapJwt(identity, _audience));
                        hops = hops.Add($"IAP ({iap}) checks the Google sign-in: {why}; it adds its JWT for {_audience}");
                    }
                    else
                    {
                        request = request.WithTokens(caller.Tokens.Where(t => t.Key == GoogleEdge.IapJwtHeader));
                        hops = hops.Add("no BackendConfig turns IAP on for this backend: the load balancer forwards anyone");
                    }

                    var lb = CallerPods.Outside("Google's load balancer", GoogleEdge.LoadBalancerSource(route));
                    foreach (var end in walk.Send(lb, ServiceHosts.Fqdn(route.Service.Namespace!, route.Service.Name), route.Port, request))
                    {
                        yield return end with { Hops = [.. hops, .. end.Hops.Skip(1)] };
                    }
                }
            }
        }

        /// <summary>The activator probes the pods (<c>/healthz</c>) and the autoscaler scrapes them (<c>/metrics</c>): both must get through.</summary>
        private AccessDecision KnativeProbes(ServedModel model)
        {
            var results = new List<AccessDecision>();
            foreach (var w in state.Workloads.Where(w => w.Role is WorkloadRole.Activator or WorkloadRole.Autoscaler))
            {
                var (port, path) = w.Role == WorkloadRole.Activator ? (ServingControllers.QueueProxyPort, ProbePath) : (ServingControllers.MetricsPort, "/metrics");
                var request = HttpRequest.Create(model.PrivateServiceHost, path, "GET").WithHeader("k-network-probe", "probe");
                results.Add(Best(model, walk.SendToPods(w, model.Pods, port, model.PrivateServiceHost, request)));
            }

            return results.FirstOrDefault(r => r.Outcome == Outcome.Denied)
                ?? results.FirstOrDefault(r => r.Outcome == Outcome.Unknown)
                ?? results.FirstOrDefault()
                ?? new AccessDecision(Outcome.Denied, new ObjectRef("Deployment", SystemNamespaces.KnativeServing, "activator"), "no activator or autoscaler", []);
        }

        /// <summary>Policies name a denial best, then routing objects, then Services and workloads.</summary>
        private static int Specificity(ObjectRef by) => by.Kind switch
        {
            "AuthorizationPolicy" or "RequestAuthentication" or "PeerAuthentication" or "DestinationRule" or "NetworkPolicy" => 0,
            "Gateway" or "VirtualService" or "IAP" => 1,
            "Service" or "Ingress" => 2,
            _ => 3,
        };

        /// <summary>Allowed when any way reaches the model's pods; else unknown if any way is; else the denial that got furthest.</summary>
        private static AccessDecision Best(ServedModel model, IEnumerable<WalkEnd> ends)
        {
            var list = new List<WalkEnd>();
            foreach (var end in ends)
            {
                if (end.Outcome == Outcome.Allowed && end.Model == model)
                {
                    return new AccessDecision(Outcome.Allowed, end.By, end.Why, end.Hops);
                }

                list.Add(end);
            }

            var unknown = list.FirstOrDefault(e => e.Outcome == Outcome.Unknown);
            if (unknown is not null)
            {
                return new AccessDecision(Outcome.Unknown, unknown.By, unknown.Why, unknown.Hops);
            }

            var elsewhere = list.FirstOrDefault(e => e.Outcome == Outcome.Allowed);
            if (elsewhere is not null)
            {
                return new AccessDecision(Outcome.Denied, elsewhere.By, $"the request reaches model {elsewhere.Model?.Key}, not {model.Key}", elsewhere.Hops);
            }

            var furthest = list.OrderByDescending(e => e.Hops.Count).ThenBy(e => Specificity(e.By)).FirstOrDefault();
            return furthest is null
                ? new AccessDecision(Outcome.Denied, model.InferenceService.Ref, "no way in", [])
                : new AccessDecision(Outcome.Denied, furthest.By, furthest.Why, furthest.Hops);
        }
    }
}
