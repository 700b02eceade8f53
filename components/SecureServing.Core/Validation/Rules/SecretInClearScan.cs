using SecureServing.Core.Config.Loading;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// secret-in-clear: walks a whole file (known and unknown keys alike) for plaintext under secret-like keys and for
/// private keys or Google OAuth client secrets anywhere. The value itself never goes into a finding.
/// </summary>
internal static class SecretInClearScan
{
    private static readonly string[] SecretSuffixes =
        ["secret", "password", "passwd", "passphrase", "token", "privatekey", "apikey", "kubeconfig", "credentials", "clientkey", "sakey"];

    /// <summary>Keys that name a secret (a Kubernetes Secret's name), not hold one.</summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal) { "tlssecret" };

    public static bool IsSecretLikeKey(string key)
    {
        var normal = key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var bare = normal.Contains(':', StringComparison.Ordinal) ? normal[(normal.LastIndexOf(':') + 1)..] : normal;
        return !SecretNames.Contains(bare) && SecretSuffixes.Any(bare.EndsWith);
    }

    /// <summary>
    /// Scans a whole parsed file (null when it did not parse). In a stack file the <c>config:</c> map's keys are
    /// full names, so its children are reported as <c>secure-serving:iap...</c>, other top-level keys by their name.
    /// </summary>
    public static void ScanFile(YamlNode? root, string? text, LoadContext ctx, bool stackFile)
    {
        _ = text;
        if (root is not null)
        {
            Scan(root, "", ctx, stackFile, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance), top: true);
        }
    }

    /// <summary>Walks each node once (an alias is the node it refers to, so it is not walked again).</summary>
    private static void Scan(YamlNode node, string path, LoadContext ctx, bool stackFile, HashSet<YamlNode> seen, bool top = false)
    {
        if (!seen.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode map when LoadContext.IsSecret(map):
                return;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        continue;
                    }

                    var child = stackFile && top && name == "config" ? "" : Validation.KeyPaths.Child(path, name);
                    if (IsSecretLikeKey(name) && value is YamlScalarNode && !LoadContext.IsNull(value))
                    {
                        Report(ctx, stackFile, child, value, $"`{child}` holds a plaintext value under a secret-like key.");
                    }
                    else
                    {
                        Scan(value, child, ctx, stackFile, seen);
                    }
                }

                return;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Scan(seq.Children[i], Validation.KeyPaths.Item(path, i), ctx, stackFile, seen);
                }

                return;
            case YamlScalarNode { Value: { } text }:
                if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
                {
                    Report(ctx, stackFile, path, node, $"`{path}` contains a PEM private key.");
                }
                else if (text.StartsWith("GOCSPX-", StringComparison.Ordinal))
                {
                    Report(ctx, stackFile, path, node, $"`{path}` looks like a Google OAuth client secret (`GOCSPX-...`).");
                }

                return;
        }
    }

    private static void Report(LoadContext ctx, bool stackFile, string path, YamlNode at, string message)
    {
        var fix = stackFile
            ? $"Rotate the secret (it is in the git history), remove it, then run `pulumi config set --secret --path '{path}'`."
            : "Rotate the secret (it is in the git history) and remove it: team files never hold secrets; ask the platform team to store it as a Pulumi secret.";
        ctx.Report(RuleCatalog.SecretInClear, path, at, message, fix);
    }
}
