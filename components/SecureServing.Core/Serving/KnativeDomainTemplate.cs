using System.Text.RegularExpressions;

namespace SecureServing.Core.Serving;

/// <summary>
/// Evaluates Knative's <c>config-network</c> <c>domainTemplate</c> (a Go template) for the three fields Knative
/// passes it: <c>{{.Name}}</c>, <c>{{.Namespace}}</c>, <c>{{.Domain}}</c>. Anything else (annotations, functions)
/// cannot be evaluated offline and is refused, so a wrong host is never guessed.
/// </summary>
public static partial class KnativeDomainTemplate
{
    [GeneratedRegex(@"\{\{-?\s*\.(?<field>Name|Namespace|Domain)\s*-?\}\}")]
    private static partial Regex Field();

    /// <summary>The host, or false when the template uses anything but the three fields.</summary>
    public static bool TryRender(string template, string name, string ns, string domain, out string host)
    {
        ArgumentNullException.ThrowIfNull(template);
        host = Field().Replace(template, m => m.Groups["field"].Value switch
        {
            "Name" => name,
            "Namespace" => ns,
            _ => domain,
        });
        return !host.Contains("{{", StringComparison.Ordinal) && !host.Contains("}}", StringComparison.Ordinal);
    }
}

/// <summary><c>ingress.domainTemplate</c> uses template features that cannot be evaluated offline.</summary>
public sealed class UnsupportedDomainTemplateException : Exception
{
    public UnsupportedDomainTemplateException()
    {
    }

    public UnsupportedDomainTemplateException(string message)
        : base(message)
    {
    }

    public UnsupportedDomainTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
