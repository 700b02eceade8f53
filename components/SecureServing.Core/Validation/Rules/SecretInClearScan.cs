using System.Globalization;
using SecureServing.Core.Config.Loading;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// secret-in-clear: every value of a whole file (known and unknown keys alike) is checked for plaintext under a
/// secret-like key and for the credential shapes of <see cref="SecretShapes"/>, then the file's whole text (comments,
/// keys, a file that does not even parse) for the same shapes. The value itself never goes into a finding.
/// </summary>
internal static class SecretInClearScan
{
    /// <summary>Words of a key that say it holds a secret (<c>clientSecret</c>, <c>aws:secretKey</c>, <c>gcp:accessToken</c>).</summary>
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "secret", "password", "passwd", "passphrase", "pwd", "token", "credential", "credentials", "kubeconfig",
    };

    /// <summary>Two adjacent words that say it (<c>privateKey</c>, <c>client-key-data</c>).</summary>
    private static readonly HashSet<string> SecretPairs = new(StringComparer.Ordinal)
    {
        "privatekey", "apikey", "accesskey", "clientkey", "sakey", "keydata", "secretkey",
    };

    private static readonly string[] SecretSuffixes =
        ["secret", "password", "passwd", "passphrase", "token", "privatekey", "apikey", "kubeconfig", "credentials", "clientkey", "sakey"];

    /// <summary>Keys that name a secret (a Kubernetes Secret's name), not hold one.</summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal) { "tlssecret", "secretname" };

    public static bool IsSecretLikeKey(string key)
    {
        var normal = key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var bare = normal.Contains(':', StringComparison.Ordinal) ? normal[(normal.LastIndexOf(':') + 1)..] : normal;
        if (SecretNames.Contains(bare))
        {
            return false;
        }

        var words = Words(key);
        return SecretSuffixes.Any(bare.EndsWith)
            || words.Any(SecretWords.Contains)
            || words.Zip(words.Skip(1), (a, b) => a + b).Any(SecretPairs.Contains);
    }

    /// <summary>Lowercase words of a key: split at <c>-_.:</c> and at camelCase humps.</summary>
    private static List<string> Words(string key)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var hump = char.IsUpper(c) && i > 0 && char.IsLower(key[i - 1]);
            if (c is '-' or '_' or '.' or ':' || hump)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }

            if (c is not ('-' or '_' or '.' or ':'))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>
    /// Scans a whole file: its parsed values (<paramref name="root"/>, null when it did not parse), then its text
    /// (<paramref name="text"/>, null when it could not be read). In a stack file the <c>config:</c> map's keys are full
    /// names, so its children are reported as <c>secure-serving:iap...</c>, other top-level keys by their name.
    /// Text matches inside a value already reported, or inside a Pulumi secret's ciphertext, are not reported again.
    /// </summary>
    public static void ScanFile(YamlNode? root, string? text, LoadContext ctx, bool stackFile)
    {
        var covered = new List<(long Start, long End)>();
        if (root is not null)
        {
            new Walk(ctx, stackFile, covered).Scan(root, "", top: true);
        }

        if (text is not null)
        {
            ScanText(text, ctx, stackFile, covered);
        }
    }

    private static void ScanText(string text, LoadContext ctx, bool stackFile, List<(long Start, long End)> covered)
    {
        var reportedLines = new HashSet<int>();
        foreach (var (shape, secret) in SecretShapes.FindAll(text).OrderBy(f => f.Secret.Index))
        {
            if (covered.Any(c => secret.Index >= c.Start && secret.Index < c.End))
            {
                continue;
            }

            var line = 1 + text.AsSpan(0, secret.Index).Count('\n');
            if (reportedLines.Add(line))
            {
                var fix = stackFile
                    ? $"Rotate the secret (it is in the git history) and remove it from line {line.ToString(CultureInfo.InvariantCulture)}; keep secrets only as Pulumi secrets (`pulumi config set --secret --path '<key>'`)."
                    : $"Rotate the secret (it is in the git history) and remove it from line {line.ToString(CultureInfo.InvariantCulture)}: team files never hold secrets, not even in comments.";
                ctx.Sink.Add(RuleCatalog.SecretInClear, ctx.File, KeyPaths.File, line,
                    $"`{ctx.File}` line {line.ToString(CultureInfo.InvariantCulture)} holds {shape.What} (in a comment, a key or text outside any value).", fix);
            }
        }
    }

    /// <summary>One walk over a parsed file: each node once (an alias is the node it refers to, so it is not walked again).</summary>
    private sealed class Walk(LoadContext ctx, bool stackFile, List<(long Start, long End)> covered)
    {
        private readonly HashSet<YamlNode> seen = new(ReferenceEqualityComparer.Instance);

        public void Scan(YamlNode node, string path, bool top = false)
        {
            if (!seen.Add(node))
            {
                return;
            }

            switch (node)
            {
                case YamlMappingNode map when LoadContext.IsSecret(map):
                    covered.Add(Span(map.Children.Values.First()));
                    return;
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is not YamlScalarNode { Value: { } name })
                        {
                            continue;
                        }

                        var child = stackFile && top && name == "config" ? "" : KeyPaths.Child(path, name);
                        if (IsSecretLikeKey(name) && !LoadContext.IsNull(value) && !LoadContext.IsSecret(value))
                        {
                            var what = value switch
                            {
                                YamlScalarNode => "a plaintext value",
                                YamlSequenceNode => "a plaintext list",
                                _ => "a plaintext map",
                            };
                            Report(child, value, $"`{child}` holds {what} under a secret-like key.");
                        }
                        else
                        {
                            Scan(value, child);
                        }
                    }

                    return;
                case YamlSequenceNode seq:
                    for (var i = 0; i < seq.Children.Count; i++)
                    {
                        Scan(seq.Children[i], KeyPaths.Item(path, i));
                    }

                    return;
                case YamlScalarNode { Value: { } text } when SecretShapes.Find(text) is { } found:
                    Report(path, node, $"`{path}` contains {found.Shape.What}.");
                    return;
            }
        }

        private void Report(string path, YamlNode at, string message)
        {
            covered.Add(Span(at));
            var fix = stackFile
                ? $"Rotate the secret (it is in the git history), remove it, then run `pulumi config set --secret --path '{path}'`."
                : "Rotate the secret (it is in the git history) and remove it: team files never hold secrets; ask the platform team to store it as a Pulumi secret.";
            ctx.Report(RuleCatalog.SecretInClear, path, at, message, fix);
        }

        private static (long Start, long End) Span(YamlNode node) => (node.Start.Index, Math.Max(node.End.Index, node.Start.Index + 1));
    }
}
