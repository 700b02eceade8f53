using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Access;

/// <summary>
/// The callers the matrix tries, for one stack: a pod in each namespace that matters (every team's, every listed one,
/// every one the plan creates, and one nobody lists), any pod through the activator and through each cluster-local
/// gateway, Knative's own probes, a pod outside the mesh, someone signed in to Google as each IAM member that is
/// granted or meant to be (and one who is granted nothing), and two attackers holding a JWT that IAP signed for another
/// project's backend (which anyone can get by creating an IAP app): one at any public address of the gateway, one
/// inside the cluster calling the gateway directly. Where Dex is configured, every caller that does not call from a
/// team namespace also holds a valid Dex token — the worst case, so that IAP and namespace isolation are tested on
/// their own — and two more show that Dex is enforced: no Dex token, and a Dex token without the required groups.
/// </summary>
public static class AccessCallers
{
    /// <summary>The IAP JWT an attacker can get for an IAP app in a project of their own.</summary>
    public static readonly Jwt ForeignIapJwt = new(IapInMesh.Issuer, "accounts.google.com:attacker", ["/projects/999999999999/global/backendServices/1"],
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["email"] = ["attacker@attacker.invalid"] },
        IapInMesh.JwksUri, "an IAP JWT Google signed for another project's backend");

    public static readonly GoogleIdentity Outsider = new("outsider@outsider.invalid", []);

    public static IReadOnlyList<Caller> For(PlatformConfig config, KubernetesPlan plan, GcpPlan gcp)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gcp);
        var dex = config.Mesh.Dex;
        IReadOnlyList<KeyValuePair<string, Jwt>> dexToken = dex is null ? [] : [new(HttpRequest.Authorization, DexToken(dex, dex.RequiredGroups))];

        var namespaces = config.Teams.Select(t => t.Namespace)
            .Concat(config.Teams.SelectMany(t => t.AllowedNamespaces))
            .Concat(plan.Objects.Where(o => o.Kind == "Namespace" && o.Mode == ApplyMode.Create).Select(o => o.Name))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var unlisted = Enumerable.Range(0, 100).Select(i => i == 0 ? "unlisted-namespace" : $"unlisted-namespace-{i}").First(n => !namespaces.Contains(n));

        var callers = new List<Caller>();
        callers.AddRange(namespaces.Select(ns => new Caller($"namespace:{ns}", $"namespace {ns}", CallerKind.Namespace) { Namespace = ns }));
        callers.Add(new Caller($"namespace:{unlisted}", $"namespace {unlisted} (nobody lists it)", CallerKind.Namespace) { Namespace = unlisted });
        callers.Add(new Caller("activator", "any pod via the activator", CallerKind.Activator) { Namespace = unlisted, Tokens = dexToken });
        callers.Add(new Caller("knative-probes", "Knative's probes and metrics scrapes", CallerKind.KnativeProbes) { Namespace = SystemNamespaces.KnativeServing });

        var localGateways = new List<string> { KnativeLocalGateway.ServiceHost };
        if (config.Mesh.LocalGateway is not null || plan.Objects.Any(o => o.Kind == "Service" && o.Name == LocalGateway.Name))
        {
            localGateways.Add(LocalGateway.ServiceHost);
        }

        foreach (var host in localGateways)
        {
            var name = host.Split('.')[0];
            callers.Add(new Caller($"local-gateway:{name}", $"any pod via {name}", CallerKind.LocalGateway) { Namespace = unlisted, GatewayService = host, Tokens = dexToken });
        }

        callers.Add(new Caller("out-of-mesh", "a pod outside the mesh", CallerKind.OutOfMesh) { Namespace = unlisted, Tokens = dexToken });
        if (dex is not null)
        {
            callers.Add(new Caller("out-of-mesh:no-dex", "a pod outside the mesh, no Dex token", CallerKind.OutOfMesh) { Namespace = unlisted });
        }

        var members = config.Iap.Accessors
            .Concat(config.Teams.SelectMany(t => t.Members))
            .Concat(gcp.Resources.Where(r => Json.Str(r.Properties, "role") == GoogleEdge.AccessorRole)
                .SelectMany(r => Json.Str(r.Properties, "member") is { } m ? [m] : Json.Strings(r.Properties, "members")))
            .Select(m => m.Trim())
            .Where(m => m.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var member in members)
        {
            if (Representative(member) is { } identity)
            {
                callers.Add(new Caller($"iap:{member}", $"IAP: {MemberLabel(member)}", CallerKind.Iap)
                    { Namespace = "(internet)", Identity = identity, Tokens = dexToken });
            }
        }

        callers.Add(new Caller("iap:ungranted", "IAP: an account granted nothing", CallerKind.Iap)
            { Namespace = "(internet)", Identity = Outsider, Tokens = dexToken });
        if (dex is not null && members.FirstOrDefault(m => Representative(m) is not null) is { } firstMember && Representative(firstMember) is { } first)
        {
            callers.Add(new Caller("iap:no-dex", $"IAP: {MemberLabel(firstMember)}, no Dex token", CallerKind.Iap)
                { Namespace = "(internet)", Identity = first });
            if (dex.RequiredGroups.Count > 0)
            {
                callers.Add(new Caller("iap:dex-wrong-group", $"IAP: {MemberLabel(firstMember)}, Dex token outside the groups", CallerKind.Iap)
                    { Namespace = "(internet)", Identity = first, Tokens = [new(HttpRequest.Authorization, DexToken(dex, ["not-" + dex.RequiredGroups[0]]))] });
            }
        }

        IReadOnlyList<KeyValuePair<string, Jwt>> attacker = [new(GoogleEdge.IapJwtHeader, ForeignIapJwt), .. dexToken];
        callers.Add(new Caller("public-address", "internet to the gateway's own address, foreign IAP JWT", CallerKind.PublicAddress)
            { Namespace = "(internet)", Tokens = attacker });
        callers.Add(new Caller("gateway-bypass", "any pod to the public gateway directly, foreign IAP JWT", CallerKind.GatewayBypass)
            { Namespace = unlisted, Tokens = attacker });
        return callers;
    }

    /// <summary>A Dex token for the configured issuer and first audience, with <paramref name="groups"/>.</summary>
    public static Jwt DexToken(DexConfig dex, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(dex);
        var audience = dex.Audiences.FirstOrDefault() ?? "some-client";
        return new Jwt(dex.Issuer, "dex-user", [audience],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["groups"] = groups, ["email"] = ["dex-user@example.com"] },
            dex.JwksUri, $"a Dex token (groups {(groups.Count == 0 ? "none" : string.Join(", ", groups))})");
    }

    /// <summary>Someone an IAM member stands for: the user or service account itself, a member of the group, a user of the domain.</summary>
    private static GoogleIdentity? Representative(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        var (type, value) = colon < 0 ? (member, "") : (member[..colon], member[(colon + 1)..]);
        return type switch
        {
            "user" => new GoogleIdentity(value, []),
            "serviceAccount" => new GoogleIdentity(value, [], IsServiceAccount: true),
            "group" => new GoogleIdentity($"member-of-{value.Replace('@', '.')}@group-member.invalid", [value]),
            "domain" => new GoogleIdentity($"someone@{value}", []),
            "allUsers" or "allAuthenticatedUsers" => new GoogleIdentity("anyone@anyone.invalid", []),
            _ => null,
        };
    }

    private static string MemberLabel(string member) => member.StartsWith("group:", StringComparison.Ordinal) ? $"member of {member}"
        : member.StartsWith("domain:", StringComparison.Ordinal) ? $"user of {member}" : member;
}
