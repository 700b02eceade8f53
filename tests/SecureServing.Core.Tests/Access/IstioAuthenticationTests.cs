using SecureServing.Core.Access;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Istio's PeerAuthentication (istio.io/latest/docs/reference/config/security/peer_authentication/) and
/// RequestAuthentication (istio.io/latest/docs/reference/config/security/request_authentication/) semantics on
/// hand-built policies.
/// </summary>
public sealed class IstioAuthenticationTests
{
    private static readonly Workload Pods = new("team", "m", new Dictionary<string, string> { ["app"] = "m" }, "default", true, WorkloadRole.Model,
        new ObjectRef("Pod", "team", "m"), "test");

    private const string Issuer = "https://issuer.example";
    private const string Keys = "https://issuer.example/keys";

    private static readonly Jwt Valid = new(Issuer, "alice", ["client-a"], new Dictionary<string, IReadOnlyList<string>>(), Keys, "alice's token");

    private static string Peer(string ns, string name, string spec) =>
        $"apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {{name: {name}, namespace: {ns}}}\nspec: {spec}\n---\n";

    private static (MtlsMode Mode, string? By) Mode(string policies, int port = 8012)
    {
        var (mode, by) = PeerAuthentications.Mode(AccessKit.State(policies + "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n"), Pods, port);
        return (mode, by is null ? null : $"{by.Namespace}/{by.Name}");
    }

    [Fact]
    public void Without_a_policy_the_mode_is_permissive()
    {
        Assert.Equal((MtlsMode.Permissive, (string?)null), Mode(""));
    }

    [Fact]
    public void The_workload_policy_overrides_the_namespace_policy_which_overrides_the_mesh_policy()
    {
        var mesh = Peer("istio-system", "default", "{mtls: {mode: STRICT}}");
        var ns = Peer("team", "default", "{mtls: {mode: PERMISSIVE}}");
        var workload = Peer("team", "m", "{selector: {matchLabels: {app: m}}, mtls: {mode: DISABLE}}");

        Assert.Equal((MtlsMode.Strict, "istio-system/default"), Mode(mesh));
        Assert.Equal((MtlsMode.Permissive, "team/default"), Mode(mesh + ns));
        Assert.Equal((MtlsMode.Disable, "team/m"), Mode(mesh + ns + workload));
        Assert.Equal((MtlsMode.Strict, "istio-system/default"), Mode(mesh + Peer("other", "default", "{mtls: {mode: DISABLE}}")));
    }

    [Fact]
    public void Port_level_mtls_overrides_the_workload_mode_on_its_port_and_unset_inherits()
    {
        var policies = Peer("team", "default", "{mtls: {mode: STRICT}}")
            + Peer("team", "m", "{selector: {matchLabels: {app: m}}, mtls: {mode: UNSET}, portLevelMtls: {\"9090\": {mode: PERMISSIVE}}}");

        Assert.Equal(MtlsMode.Permissive, Mode(policies, port: 9090).Mode);
        Assert.Equal((MtlsMode.Strict, "team/default"), Mode(policies, port: 8012));
    }

    private static string Rule(string rule, string ns = "team", string name = "jwt", string selector = "") =>
        $"apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n{selector}  jwtRules:\n  - {rule}\n---\n";

    private static AuthnResult Check(string policies, params (string Header, Jwt Token)[] tokens)
    {
        var request = HttpRequest.Create("m", "/v1/models/m:predict");
        foreach (var (header, token) in tokens)
        {
            request = request.WithToken(header, token);
        }

        return RequestAuthentications.Check(AccessKit.State(policies), Pods, request);
    }

    private static readonly string Default = Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\"}}");

    [Fact]
    public void A_request_without_a_token_passes_without_an_identity()
    {
        var result = Check(Default);

        Assert.Equal(Outcome.Allowed, result.Outcome);
        Assert.Null(result.Identity);
    }

    [Fact]
    public void A_valid_token_gives_the_request_principal_issuer_slash_subject_and_is_removed_unless_forwarded()
    {
        var stripped = Check(Default, ("authorization", Valid));
        var kept = Check(Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\", forwardOriginalToken: true}}"), ("authorization", Valid));

        Assert.Equal("https://issuer.example/alice", stripped.Identity!.Principal);
        Assert.Empty(stripped.Forwarded.Tokens);
        Assert.Single(kept.Forwarded.Tokens);
    }

    [Fact]
    public void An_invalid_token_is_rejected_with_401()
    {
        var otherIssuer = Valid with { Issuer = "https://elsewhere.example", SignedWithKeysAt = "https://elsewhere.example/keys" };
        var forged = Valid with { SignedWithKeysAt = "https://attacker.example/keys", Forged = true };
        var wrongAudience = Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\", audiences: [client-b]}}");

        Assert.Equal(Outcome.Denied, Check(Default, ("authorization", otherIssuer)).Outcome);
        Assert.Equal(Outcome.Denied, Check(Default, ("authorization", forged)).Outcome);
        var audience = Check(wrongAudience, ("authorization", Valid));
        Assert.Equal(Outcome.Denied, audience.Outcome);
        Assert.Contains("(401)", audience.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Audiences_are_checked_only_when_the_rule_lists_them()
    {
        Assert.Equal(Outcome.Allowed, Check(Default, ("authorization", Valid with { Audiences = ["any-app-at-all"] })).Outcome);
        Assert.Equal(Outcome.Allowed, Check(Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\", audiences: [client-b, client-a]}}"), ("authorization", Valid)).Outcome);
    }

    [Fact]
    public void A_token_is_read_only_from_the_rule_locations()
    {
        var fromHeader = Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\", fromHeaders: [{{name: x-token}}]}}");

        Assert.Null(Check(fromHeader, ("authorization", Valid)).Identity);
        Assert.NotNull(Check(fromHeader, ("x-token", Valid)).Identity);
        Assert.Equal(Outcome.Denied, Check(fromHeader, ("x-token", Valid with { Issuer = "https://other.example" })).Outcome);
    }

    [Fact]
    public void Keys_the_evaluator_cannot_fetch_make_the_outcome_unknown()
    {
        var elsewhere = Check(Rule($"{{issuer: \"{Issuer}\", jwksUri: \"https://mirror.example/keys\"}}"), ("authorization", Valid));
        var inline = Check(Rule($"{{issuer: \"{Issuer}\", jwks: \"{{}}\"}}"), ("authorization", Valid));

        Assert.Equal(Outcome.Unknown, elsewhere.Outcome);
        Assert.Contains("cannot fetch", elsewhere.Why, StringComparison.Ordinal);
        Assert.Equal(Outcome.Unknown, inline.Outcome);
    }

    [Fact]
    public void Root_namespace_and_selector_scope_request_authentication_like_authorization()
    {
        var mesh = Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\"}}", ns: "istio-system");
        var elsewhere = Rule($"{{issuer: \"{Issuer}\", jwksUri: \"{Keys}\"}}", selector: "  selector: {matchLabels: {app: other}}\n");

        Assert.NotNull(Check(mesh, ("authorization", Valid)).Identity);
        Assert.Null(Check(elsewhere, ("authorization", Valid)).Identity);
    }
}
