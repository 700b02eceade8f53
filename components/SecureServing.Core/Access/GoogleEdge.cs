using System.Text.Json;
using System.Text.Json.Nodes;
using SecureServing.Core.Gcp;

namespace SecureServing.Core.Access;

/// <summary>A Google account as IAP sees it: its e-mail, the groups it belongs to, and whether it is a service account.</summary>
public sealed record GoogleIdentity(string Email, IReadOnlyList<string> Groups, bool IsServiceAccount = false)
{
    public string Domain => Email[(Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
}

/// <summary>One way into the cluster through Google's external HTTP(S) load balancer: a GKE Ingress rule and its backend.</summary>
/// <param name="Ingress">The GKE Ingress.</param>
/// <param name="Host">The rule's host; null for every host.</param>
/// <param name="Service">The backend Service; null when the load balancer cannot reach it (see <paramref name="Why"/>).</param>
/// <param name="Port">The backend Service port.</param>
/// <param name="Iap">The BackendConfig that turns IAP on for the backend; null without IAP.</param>
/// <param name="Why">Why the route leads nowhere (a missing Service, a ClusterIP Service without NEGs); empty for a route that reaches its Service.</param>
/// <param name="Neg">The load balancer sends to the pods' own addresses (container-native, through NEGs), from Google's front ends.</param>
internal sealed record LoadBalancerRoute(ClusterObject Ingress, string? Host, ClusterObject? Service, int Port, ObjectRef? Iap, string Why, bool Neg = false);

/// <summary>
/// Google's edge in front of the cluster:
/// <list type="bullet">
/// <item>GKE Ingresses of class <c>gce</c> (the default on GKE; <c>gce-internal</c> is not on the internet) become the
/// external load balancer: each rule's host goes to its backend Service, through NEGs straight to the pods when the
/// Service says <c>cloud.google.com/neg: {"ingress": true}</c>. IAP is on for a backend when the Service's
/// <c>cloud.google.com/backend-config</c> names a BackendConfig with <c>iap.enabled: true</c>.</item>
/// <item>IAP admits an identity when an IAM binding of <c>roles/iap.httpsResourceAccessor</c> in the GCP plan
/// (<c>gcp:iap/webIamMember</c>, <c>webIamBinding</c>, the web-type-compute and project-level equivalents) names it
/// (<c>user:</c>, <c>serviceAccount:</c>, <c>group:</c>, <c>domain:</c>, <c>allUsers</c>, <c>allAuthenticatedUsers</c>)
/// and its condition holds (<see cref="IamConditions"/>); then it adds its signed JWT in
/// <c>x-goog-iap-jwt-assertion</c>, replacing any the client sent. Per-backend-service bindings are unknown: the
/// backend service is created by the GKE Ingress controller, so its name is not in the plan.</item>
/// <item>Any Service of type LoadBalancer (not annotated internal) in front of gateway pods is a public address of
/// its own, which no IAP fronts. Nodes of the private cluster have no public address, so NodePorts are not.</item>
/// </list>
/// </summary>
internal static class GoogleEdge
{
    public const string AccessorRole = IapNames.AccessorRole;
    public const string IapJwtHeader = "x-goog-iap-jwt-assertion";

    private static readonly HashSet<string> ProjectWideTypes = new(StringComparer.Ordinal)
    {
        GcpResourceTypes.IapWebIamMember, "gcp:iap/webIamBinding:WebIamBinding", "gcp:iap/webTypeComputeIamMember:WebTypeComputeIamMember",
        "gcp:iap/webTypeComputeIamBinding:WebTypeComputeIamBinding", GcpResourceTypes.ProjectIamMember, "gcp:projects/iAMBinding:IAMBinding",
    };

    /// <summary>
    /// Where the load balancer's connections to the pods come from: through NEGs, Google's front ends, whose ranges are
    /// its health checks' (https://cloud.google.com/load-balancing/docs/firewall-rules); otherwise through a node port,
    /// which the pods see as coming from a node of the cluster.
    /// </summary>
    public static OutsideAddresses LoadBalancerSource(LoadBalancerRoute route) => route.Neg
        ? new([.. GoogleRanges.HealthCheckRanges.Select(System.Net.IPNetwork.Parse)], "Google's front ends")
        : new(null, "through a node port, the pods see a node's address");

    /// <summary>Someone on the internet at a LoadBalancer Service: any address, or a node's after its translation.</summary>
    public static readonly OutsideAddresses Internet = new(null, "any address on the internet, or a node's where the Service translates it");

    public static IEnumerable<LoadBalancerRoute> Routes(ClusterState state)
    {
        foreach (var ingress in state.OfKind("Ingress", "networking.k8s.io"))
        {
            var cls = ingress.Annotations.GetValueOrDefault("kubernetes.io/ingress.class") ?? Json.Str(ingress.Manifest, "spec", "ingressClassName") ?? "gce";
            if (cls != "gce")
            {
                continue;
            }

            var backends = new List<(string? Host, JsonNode Backend)>();
            foreach (var rule in Json.Arr(ingress.Manifest, "spec", "rules"))
            {
                foreach (var path in Json.Arr(rule, "http", "paths"))
                {
                    if (Json.Obj(path, "backend") is { } backend)
                    {
                        backends.Add((Json.Str(rule, "host"), backend));
                    }
                }
            }

            if (Json.Obj(ingress.Manifest, "spec", "defaultBackend") is { } fallback)
            {
                backends.Add((null, fallback));
            }

            foreach (var (host, backend) in backends)
            {
                var name = Json.Str(backend, "service", "name") ?? "";
                var port = Json.Int(backend, "service", "port", "number") ?? 0;
                var service = state.Service(ingress.Namespace ?? "default", name);
                if (service is null)
                {
                    yield return new LoadBalancerRoute(ingress, host, null, port, null, $"the backend Service {ingress.Namespace}/{name} does not exist");
                    continue;
                }

                var neg = service.Annotations.GetValueOrDefault("cloud.google.com/neg") is { } negJson && NegIngress(negJson);
                var type = Json.Str(service.Manifest, "spec", "type") ?? "ClusterIP";
                if (!neg && type == "ClusterIP")
                {
                    yield return new LoadBalancerRoute(ingress, host, null, port, null, $"{service.Ref} is ClusterIP without NEGs: GKE's load balancer cannot reach it");
                    continue;
                }

                yield return new LoadBalancerRoute(ingress, host, service, port, IapBackendConfig(state, service, port), "", neg);
            }
        }
    }

    /// <summary>Services of type LoadBalancer (external) in front of gateway pods: public addresses without IAP.</summary>
    public static IEnumerable<ClusterObject> PublicLoadBalancers(ClusterState state) =>
        state.OfKind("Service", "").Where(s =>
            Json.Str(s.Manifest, "spec", "type") == "LoadBalancer"
            && s.Annotations.GetValueOrDefault("networking.gke.io/load-balancer-type") != "Internal"
            && s.Annotations.GetValueOrDefault("cloud.google.com/load-balancer-type") != "Internal"
            && Json.Map(s.Manifest, "spec", "selector") is { Count: > 0 } selector
            && state.Workloads.Any(w => w.Role == WorkloadRole.Gateway && w.Namespace == s.Namespace && Json.Selects(selector, w.Labels)));

    /// <summary>Whether IAP's IAM admits <paramref name="identity"/> to <paramref name="host"/><paramref name="path"/>.</summary>
    public static (Outcome Outcome, ObjectRef By, string Why) IamAllows(GcpPlan gcp, GoogleIdentity identity, string host, string path)
    {
        ArgumentNullException.ThrowIfNull(gcp);
        (Outcome, ObjectRef, string)? unknown = null;
        foreach (var r in gcp.Resources)
        {
            var props = r.Properties;
            if (Json.Str(props, "role") != AccessorRole)
            {
                continue;
            }

            var reference = new ObjectRef(r.Type[(r.Type.LastIndexOf(':') + 1)..], null, r.Name, ObjectOrigin.Gcp);
            if (!ProjectWideTypes.Contains(r.Type))
            {
                if (r.Type.StartsWith("gcp:iap/", StringComparison.Ordinal))
                {
                    unknown ??= (Outcome.Unknown, reference, "a per-resource IAP binding: the evaluator cannot tell which backend service it is on");
                }

                continue;
            }

            var members = Json.Str(props, "member") is { } one ? [one] : Json.Strings(props, "members");
            var matched = members.Select(m => MemberMatches(m, identity)).ToList();
            if (matched.All(m => m == false))
            {
                continue;
            }

            var expression = Json.Str(props, "condition", "expression");
            var condition = expression is null ? true : IamConditions.Evaluate(expression, host, path);
            var member = string.Join(", ", members);
            if (condition == true && matched.Contains(true))
            {
                return (Outcome.Allowed, reference, $"IAP admits {identity.Email}: {member} has {AccessorRole}{(expression is null ? " with no condition (every IAP backend of the project)" : $" when `{expression}`")}");
            }

            if (condition is null || matched.Contains(null))
            {
                unknown ??= (Outcome.Unknown, reference, $"the evaluator cannot evaluate the binding of {member}{(expression is null ? "" : $" when `{expression}`")}");
            }
        }

        return unknown ?? (Outcome.Denied, new ObjectRef("IAP", null, $"{AccessorRole} bindings", ObjectOrigin.Gcp),
            $"no {AccessorRole} binding admits {identity.Email} to {host}{path} (IAP answers 403)");
    }

    /// <summary>Whether an IAM member (<c>user:</c>, <c>group:</c>, <c>domain:</c>, ...) covers <paramref name="identity"/>; null for kinds not modeled.</summary>
    public static bool? MemberMatches(string member, GoogleIdentity identity)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        var (type, value) = colon < 0 ? (member, "") : (member[..colon], member[(colon + 1)..]);
        return type switch
        {
            "allUsers" or "allAuthenticatedUsers" => true,
            "user" => !identity.IsServiceAccount && string.Equals(value, identity.Email, StringComparison.OrdinalIgnoreCase),
            "serviceAccount" => identity.IsServiceAccount && string.Equals(value, identity.Email, StringComparison.OrdinalIgnoreCase),
            "group" => identity.Groups.Contains(value, StringComparer.OrdinalIgnoreCase),
            "domain" => string.Equals(value, identity.Domain, StringComparison.OrdinalIgnoreCase),
            "deleted" => false,
            _ => null,
        };
    }

    private static bool NegIngress(string json)
    {
        try
        {
            return Json.Bool(JsonNode.Parse(json), "ingress") == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The BackendConfig that turns IAP on for the Service's port, if any.</summary>
    private static ObjectRef? IapBackendConfig(ClusterState state, ClusterObject service, int port)
    {
        var annotation = service.Annotations.GetValueOrDefault("cloud.google.com/backend-config") ?? service.Annotations.GetValueOrDefault("beta.cloud.google.com/backend-config");
        if (annotation is null)
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(annotation);
        }
        catch (JsonException)
        {
            return null;
        }

        var name = Json.Str(parsed, "ports", port.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? Json.Str(parsed, "default");
        var config = name is null ? null : state.Find("BackendConfig", "cloud.google.com", service.Namespace, name);
        return config is not null && Json.Bool(config.Manifest, "spec", "iap", "enabled") == true ? config.Ref : null;
    }
}
