namespace SecureServing.Core.Tests.Schemas;

/// <summary>
/// Schemas for kinds with no published schema file, kept by hand and as strict as the upstream ones.
/// </summary>
internal static class HandKeptSchemas
{
    /// <summary>
    /// <c>cloud.google.com/v1</c> BackendConfig. kubernetes/ingress-gce publishes no CRD file for it: the controller
    /// builds the CRD at runtime from Go code (<c>pkg/apis/backendconfig/v1/types.go</c> and its generated OpenAPI), so
    /// <c>shared/schemas</c> has none (see its README). Transcribed from that Go code: every <c>spec</c> field by name,
    /// with full detail for the two this platform writes (<c>iap</c>, <c>healthCheck</c>); <c>required</c> as generated
    /// (<c>iap.enabled</c>, <c>oauthclientCredentials.secretName</c>). <c>metadata</c> is checked against ObjectMeta
    /// like every other object.
    /// </summary>
    public const string BackendConfigV1 = """
        {
          "type": "object",
          "properties": {
            "apiVersion": { "type": "string" },
            "kind": { "type": "string" },
            "metadata": { "type": "object" },
            "spec": {
              "type": "object",
              "properties": {
                "iap": {
                  "type": "object",
                  "properties": {
                    "enabled": { "type": "boolean" },
                    "oauthclientCredentials": {
                      "type": "object",
                      "properties": {
                        "secretName": { "type": "string" },
                        "clientID": { "type": "string" },
                        "clientSecret": { "type": "string" }
                      },
                      "required": ["secretName"]
                    }
                  },
                  "required": ["enabled"]
                },
                "healthCheck": {
                  "type": "object",
                  "properties": {
                    "checkIntervalSec": { "type": "integer" },
                    "timeoutSec": { "type": "integer" },
                    "healthyThreshold": { "type": "integer" },
                    "unhealthyThreshold": { "type": "integer" },
                    "type": { "type": "string" },
                    "port": { "type": "integer" },
                    "requestPath": { "type": "string" }
                  }
                },
                "cdn": { "type": "object" },
                "securityPolicy": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] },
                "timeoutSec": { "type": "integer" },
                "connectionDraining": { "type": "object", "properties": { "drainingTimeoutSec": { "type": "integer" } } },
                "sessionAffinity": { "type": "object", "properties": { "affinityType": { "type": "string" }, "affinityCookieTtlSec": { "type": "integer" } } },
                "customRequestHeaders": { "type": "object", "properties": { "headers": { "type": "array", "items": { "type": "string" } } } },
                "customResponseHeaders": { "type": "object", "properties": { "headers": { "type": "array", "items": { "type": "string" } } } },
                "logging": { "type": "object", "properties": { "enable": { "type": "boolean" }, "sampleRate": { "type": "number" } } }
              }
            },
            "status": { "type": "object" }
          },
          "required": ["apiVersion", "kind", "metadata"]
        }
        """;

    /// <summary>(apiVersion, kind) → schema JSON, for kinds validated here instead of from <c>shared/schemas</c>.</summary>
    public static readonly IReadOnlyDictionary<(string ApiVersion, string Kind), string> ByKind = new Dictionary<(string, string), string>
    {
        [("cloud.google.com/v1", "BackendConfig")] = BackendConfigV1,
    };
}
