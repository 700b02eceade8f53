using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi.Testing;
using SecureServing.Core.Gcp;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>
/// What the mocks answer for a registration: the inputs back as outputs, plus deterministic stand-ins for the outputs
/// the real provider computes (so a <c>${resource.output}</c> reference can be resolved the same way in a test):
/// <c>id</c> = <c>&lt;logical name&gt;_id</c>; <c>name</c> = the <c>name</c> input, else the logical name; a service
/// account's <c>email</c>, <c>member</c> and <c>name</c>; a RandomId's <c>hex</c>; the GKE cluster's endpoints, CA and
/// DNS endpoint; the global address.
/// </summary>
internal static class MockState
{
    public const string ClusterEndpoint = "10.0.0.2";
    public const string ClusterCa = "dGVzdC1jbHVzdGVyLWNh";
    public const string GlobalAddress = "203.0.113.10";

    public static string IdOf(string logicalName) => logicalName + "_id";

    public static string DnsEndpointOf(string logicalName, string location) => $"gke-{Hash(logicalName, 16)}.{location}.gke.goog";

    public static string HexOf(string logicalName) => Hash(logicalName, 8);

    public static ImmutableDictionary<string, object> For(MockResourceArgs args)
    {
        var name = args.Name!;
        var inputs = args.Inputs;
        var state = inputs.ToBuilder();
        switch (args.Type)
        {
            case GcpResourceTypes.ServiceAccount:
                var email = GcpNames.ServiceAccountEmail((string)inputs["accountId"], (string)inputs["project"]);
                state["email"] = email;
                state["member"] = "serviceAccount:" + email;
                state["name"] = $"projects/{inputs["project"]}/serviceAccounts/{email}";
                break;
            case GcpResourceTypes.RandomId:
                state["hex"] = HexOf(name);
                break;
            case GcpResourceTypes.Cluster:
                var endpoints = inputs.TryGetValue("controlPlaneEndpointsConfig", out var e) ? (ImmutableDictionary<string, object>)e : ImmutableDictionary<string, object>.Empty;
                var dns = endpoints.TryGetValue("dnsEndpointConfig", out var d) ? (ImmutableDictionary<string, object>)d : ImmutableDictionary<string, object>.Empty;
                state["controlPlaneEndpointsConfig"] = endpoints.SetItem("dnsEndpointConfig", dns.SetItem("endpoint", DnsEndpointOf(name, (string)inputs["location"])));
                state["endpoint"] = ClusterEndpoint;
                state["masterAuth"] = ImmutableDictionary<string, object>.Empty.Add("clusterCaCertificate", ClusterCa);
                break;
            case GcpResourceTypes.GlobalAddress:
                state["address"] = GlobalAddress;
                break;
        }

        if (IsGcpOrRandom(args.Type))
        {
            state.TryAdd("name", name);
        }

        return state.ToImmutable();
    }

    public static bool IsGcpOrRandom(string? type) =>
        type is not null && (type.StartsWith("gcp:", StringComparison.Ordinal) || type.StartsWith("random:", StringComparison.Ordinal));

    private static string Hash(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];
}
