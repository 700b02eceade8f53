using System.Text.RegularExpressions;

namespace SecureServing.Cli.Predict;

/// <summary>
/// Evaluates Knative's <c>config-network</c> <c>domainTemplate</c> (a Go template) for the three fields Knative
/// passes it: <c>{{.Name}}</c>, <c>{{.Namespace}}</c>, <c>{{.Domain}}</c>. Anything else (annotations, functions)
/// cannot be evaluated offline and is refused, so a wrong host is never guessed.
/// </summary>
internal static partial class KnativeDomainTemplate
{
    [GeneratedRegex(@"\{\{-?\s*\.(?<field>Name|Namespace|Domain)\s*-?\}\}")]
    private static partial Regex Field();

    public static string Render(string template, string name, string ns, string domain)
    {
        var host = Field().Replace(template, m => m.Groups["field"].Value switch
        {
            "Name" => name,
            "Namespace" => ns,
            _ => domain,
        });
        if (host.Contains("{{", StringComparison.Ordinal) || host.Contains("}}", StringComparison.Ordinal))
        {
            throw new UsageException(
                $"secure-serving:ingress.domainTemplate '{template}' uses template features other than " +
                "{{.Name}}, {{.Namespace}} and {{.Domain}}, which predict cannot evaluate offline. " +
                "Pass the model's URL with --url (kubectl get inferenceservice -n <namespace> <model> shows it).");
        }

        return host;
    }
}
