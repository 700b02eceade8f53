using System.Text.Json.Nodes;

namespace SecureServing.Core.Tests.Schemas;

/// <summary>The schema helper itself: it must refuse what the API server refuses, or the plan tests prove nothing.</summary>
/// <remarks>Needs the upstream schema files (../shared/schemas or SECURE_SERVING_SCHEMAS); test.sh filters this category out, with a SKIPPED line, when they are absent.</remarks>
[Trait("Category", "UpstreamSchemas")]
public class UpstreamSchemasTests
{
    private static JsonObject PeerAuthentication(string mode = "STRICT") => new()
    {
        ["apiVersion"] = "security.istio.io/v1",
        ["kind"] = "PeerAuthentication",
        ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = "team-a" },
        ["spec"] = new JsonObject { ["mtls"] = new JsonObject { ["mode"] = mode } },
    };

    [Fact]
    public void Accepts_a_valid_istio_object()
    {
        Assert.Empty(UpstreamSchemas.Validate(PeerAuthentication()));
    }

    [Fact]
    public void Refuses_an_unknown_field_in_a_crd_spec()
    {
        var manifest = PeerAuthentication();
        manifest["spec"]!["mtls"]!["strict"] = true;

        var errors = UpstreamSchemas.Validate(manifest);

        Assert.Contains(errors, e => e.Contains("spec.mtls.strict", StringComparison.Ordinal) && e.Contains("NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_value_outside_the_enum()
    {
        Assert.Equal(["spec.mtls.mode: NotInEnumeration"], UpstreamSchemas.Validate(PeerAuthentication("STRICTER")));
    }

    [Fact]
    public void Honours_preserve_unknown_fields()
    {
        // Istio's status is `x-kubernetes-preserve-unknown-fields: true`: the API server keeps any field there.
        var manifest = PeerAuthentication();
        manifest["status"] = new JsonObject { ["anythingAtAll"] = new JsonObject { ["nested"] = 1 } };

        Assert.Empty(UpstreamSchemas.Validate(manifest));
    }

    [Fact]
    public void Checks_metadata_of_a_custom_resource_against_object_meta()
    {
        var manifest = PeerAuthentication();
        manifest["metadata"]!["labelz"] = new JsonObject();

        Assert.Contains(UpstreamSchemas.Validate(manifest), e => e.StartsWith("metadata.labelz", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_an_unknown_field_in_a_kubernetes_kind()
    {
        var service = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc", "namespace": "ns"},
             "spec": {"ports": [{"port": 80, "targetPort": 8080, "protocol": "TCP", "nodePortz": 1}]}}
            """)!.AsObject();

        Assert.Contains(UpstreamSchemas.Validate(service), e => e.Contains("nodePortz", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_int_or_string_both_ways()
    {
        var service = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc", "namespace": "ns"},
             "spec": {"ports": [{"port": 80, "targetPort": 8080}, {"name": "b", "port": 81, "targetPort": "http"}]}}
            """)!.AsObject();

        Assert.Empty(UpstreamSchemas.Validate(service));
    }

    [Fact]
    public void Refuses_a_wrong_type()
    {
        var service = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc", "namespace": "ns"},
             "spec": {"ports": [{"port": "eighty"}]}}
            """)!.AsObject();

        Assert.Contains(UpstreamSchemas.Validate(service), e => e.Trim() == "spec.ports[0].port: IntegerExpected");
    }

    [Fact]
    public void Refuses_a_missing_required_field()
    {
        var certificate = JsonNode.Parse("""
            {"apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": {"name": "c", "namespace": "ns"},
             "spec": {"dnsNames": ["a.example.com"]}}
            """)!.AsObject();

        var errors = UpstreamSchemas.Validate(certificate);

        Assert.Contains(errors, e => e.Contains("spec.issuerRef: PropertyRequired", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("spec.secretName: PropertyRequired", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_an_apiversion_that_is_not_served()
    {
        var manifest = PeerAuthentication();
        manifest["apiVersion"] = "security.istio.io/v2";

        Assert.Contains(UpstreamSchemas.Validate(manifest), e => e.StartsWith("no schema", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_names_and_labels_the_api_server_refuses()
    {
        var manifest = PeerAuthentication();
        manifest["metadata"]!["name"] = "Not_A_Name";
        manifest["metadata"]!["labels"] = new JsonObject { ["ok/key"] = "value with spaces" };

        var errors = UpstreamSchemas.Validate(manifest);

        Assert.Contains(errors, e => e.StartsWith("metadata.name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("metadata.labels.ok/key", StringComparison.Ordinal));
    }

    [Fact]
    public void Hand_kept_backend_config_schema_is_strict_too()
    {
        var backendConfig = JsonNode.Parse("""
            {"apiVersion": "cloud.google.com/v1", "kind": "BackendConfig", "metadata": {"name": "b", "namespace": "ns"},
             "spec": {"iap": {"enabled": true, "oauthClientCredentials": {"secretName": "s"}}}}
            """)!.AsObject();

        // The field is `oauthclientCredentials` (lower-case c) in ingress-gce; the camel-cased spelling is unknown.
        Assert.Contains(UpstreamSchemas.Validate(backendConfig), e => e.Contains("oauthClientCredentials", StringComparison.Ordinal));
    }
}
