using System.Text.RegularExpressions;

namespace SecureServing.Core.Access;

/// <summary>Kubernetes Service DNS names: <c>name.ns</c>, <c>name.ns.svc</c>, <c>name.ns.svc.cluster.local</c>, or a short name in a namespace.</summary>
internal static partial class ServiceHosts
{
    public static (string Namespace, string Name)? Parse(string host, string? contextNamespace)
    {
        host = host.ToLowerInvariant().TrimEnd('.');
        if (ServiceName().Match(host) is { Success: true } m)
        {
            return (m.Groups[2].Value, m.Groups[1].Value);
        }

        return !host.Contains('.', StringComparison.Ordinal) && contextNamespace is not null ? (contextNamespace, host) : null;
    }

    public static string Fqdn(string ns, string name) => $"{name}.{ns}.svc.cluster.local";

    public static bool Same(string a, string b) =>
        (Parse(a, null), Parse(b, null)) is ({ } x, { } y) ? x == y : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^([a-z0-9-]+)\.([a-z0-9-]+)(\.svc(\.cluster\.local)?)?\z")]
    private static partial Regex ServiceName();
}
