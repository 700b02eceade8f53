using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureServing.Core.Tests.Schemas;

/// <summary>The upstream files kept in <c>Schemas/Pinned</c> are the upstream bytes, and the RBAC kinds validate strictly.</summary>
public sealed class PinnedSchemasTests
{
    /// <summary>File name → git blob id, as in <c>Schemas/Pinned/README.md</c>.</summary>
    private static readonly Dictionary<string, string> Blobs = new(StringComparer.Ordinal)
    {
        ["apis__rbac.authorization.k8s.io__v1_openapi.json"] = "525506b471ed4c9d3e70e8ed50fd9a7a2a2cb1ba",
    };

    [Fact]
    public void Every_pinned_file_has_the_git_blob_id_of_its_upstream_file()
    {
        var files = Directory.EnumerateFiles(UpstreamSchemas.PinnedDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Blobs.Keys.Order(StringComparer.Ordinal), files);
        foreach (var (name, blob) in Blobs)
        {
            var bytes = File.ReadAllBytes(Path.Combine(UpstreamSchemas.PinnedDirectory, name));
            var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
            Assert.Equal(blob, Convert.ToHexStringLower(SHA1.HashData([.. header, .. bytes])));
        }
    }

    [Fact]
    [Trait("Category", "UpstreamSchemas")]
    public void Rbac_role_bindings_are_validated_strictly()
    {
        var binding = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = "b", ["namespace"] = "team-a" },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = "r" },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = "a@example.com", ["apiGroup"] = "rbac.authorization.k8s.io" }),
        };
        Assert.Empty(UpstreamSchemas.Validate(binding));

        binding["subjects"]![0]!["email"] = "a@example.com";
        Assert.Contains(UpstreamSchemas.Validate(binding), e => e.Contains("email", StringComparison.Ordinal) && e.Contains("NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
    }
}
